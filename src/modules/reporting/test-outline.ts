// A small outline for the tests of this module: conferences, participants, approval rate, a yes/no, money, text.
import { OutlineSchema, type Outline } from './reporting.schema';

export const SAMPLE_OUTLINE: Outline = OutlineSchema.parse({
  title: 'Báo cáo tình hình Nhân dân tháng',
  sections: [
    {
      address: 'I',
      number: 'I',
      title: 'KẾT QUẢ',
      children: [
        {
          address: 'I.1',
          number: '1',
          title: 'Hội nghị',
          guidance: 'Nêu số hội nghị và người tham dự.',
          figures: [
            { key: 'so_hoi_nghi', label: 'Số cuộc hội nghị', type: 'integer', unit: 'cuộc', min: 0, max: 100, required: true, rollup: { kind: 'sum' } },
            { key: 'so_nguoi', label: 'Số người tham dự', type: 'integer', unit: 'người', min: 0, rollup: { kind: 'sum' } },
            { key: 'ty_le_dong_tinh', label: 'Tỷ lệ đồng tình', type: 'percentage', decimals: 1, rollup: { kind: 'weighted_average', weightFigure: 'so_nguoi' } },
            { key: 'da_ban_hanh', label: 'Đã ban hành kế hoạch', type: 'boolean', rollup: { kind: 'min' } },
            { key: 'kinh_phi', label: 'Kinh phí', type: 'decimal', unit: 'triệu đồng', decimals: 2, min: 0, rollup: { kind: 'sum' } },
            { key: 'diem_cao_nhat', label: 'Điểm đánh giá cao nhất', type: 'decimal', decimals: 1, min: 0, max: 10, rollup: { kind: 'max' } },
            { key: 'ghi_chu', label: 'Ghi chú', type: 'text', rollup: { kind: 'none' } },
          ],
        },
        { address: 'I.2', number: '2', title: 'Dư luận nổi bật', requiresText: true },
      ],
    },
    { address: 'II', number: 'II', title: 'KIẾN NGHỊ' },
  ],
});
