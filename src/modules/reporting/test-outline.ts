// Outlines for the tests of this module (and the browser tests): a small one built in code (conferences, participants,
// approval rate, a yes/no, money, text), and a monthly one as a province pastes it.
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

/** A province Front's monthly outline as pasted text: two parts, figures in square brackets, a weighted rate. */
export const MONTHLY_OUTLINE_TEXT = `ĐỀ CƯƠNG BÁO CÁO CÔNG TÁC MẶT TRẬN HẰNG THÁNG

Các đơn vị báo cáo đúng đề cương, có số liệu cụ thể.

I. TÌNH HÌNH NHÂN DÂN

Nêu tâm trạng, dư luận nổi bật của Nhân dân trên địa bàn.

II. KẾT QUẢ CÔNG TÁC

1. Hội nghị, tiếp xúc

- [Số cuộc hội nghị: số nguyên, cuộc, tổng, bắt buộc, từ 0 đến 500]
- [Số người tham dự: số nguyên, người, tổng, từ 0]
- [Tỷ lệ đồng tình: tỷ lệ, bình quân theo Số người tham dự, 1 chữ số thập phân]

2. Kiến nghị

- [Đã tổng hợp kiến nghị: có/không, nhỏ nhất]
`;
