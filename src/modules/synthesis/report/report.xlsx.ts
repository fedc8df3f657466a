// The synthesis report's annex (phụ lục) as an XLSX workbook: every group with its counts, the units, the figures.
import ExcelJS from 'exceljs';
import { addSheet as sheet, sheetText as text, packXlsx, type CellValue } from '../../../shared/documents/official.xlsx';
import { coverageOf, type SynthesisReportModel } from './report.model';
import { groupSentence } from './report.text';

/** Strata as columns: those of the figures first (their printed order), then any others alphabetically. */
function strataColumns(model: SynthesisReportModel): string[] {
  const known = [...model.figures.comments.byStratum, ...model.figures.participants.byStratum].map((c) => c.label);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of known) if (!seen.has(s)) (seen.add(s), out.push(s));
  const others = new Set<string>();
  for (const d of model.drafts) for (const s of d.sections) for (const g of s.groups) for (const k of Object.keys(g.strata)) if (!seen.has(k)) others.add(k);
  return [...out, ...[...others].sort((a, b) => a.localeCompare(b, 'vi'))];
}

/** Renders the annex workbook: "Nhóm ý kiến", "Theo đơn vị", "Số liệu". */
export async function renderSynthesisXlsx(model: SynthesisReportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Dân Ý';
  wb.title = text(model.title);

  const strata = strataColumns(model);
  const groupRows: CellValue[][] = [];
  for (const draft of model.drafts) {
    for (const section of draft.sections) {
      section.groups.forEach((g, i) => {
        groupRows.push([
          text(draft.title),
          text(section.address),
          text(section.title),
          i + 1,
          g.count,
          g.summary !== null && text(g.summary) !== '' ? groupSentence(g) : text(g.representative),
          g.minority ? 'Có' : '',
          text(g.reasoning),
          ...strata.map((s) => g.strata[s] ?? 0),
        ]);
      });
    }
  }
  sheet(
    wb,
    'Nhóm ý kiến',
    [
      { header: 'Dự thảo', width: 30 },
      { header: 'Mục', width: 10 },
      { header: 'Tên mục', width: 30 },
      { header: 'Thứ tự nhóm', width: 8, numeric: true },
      { header: 'Số ý kiến', width: 11, numeric: true },
      { header: 'Nội dung tổng hợp / ý kiến đại diện', width: 70 },
      { header: 'Ý kiến thiểu số', width: 10 },
      { header: 'Lý do (ý kiến thiểu số)', width: 40 },
      ...strata.map((s) => ({ header: text(s), width: Math.max(10, Math.min(20, s.length + 2)), numeric: true })),
    ],
    groupRows,
  );

  sheet(
    wb,
    'Theo đơn vị',
    [
      { header: 'TT', width: 6, numeric: true },
      { header: 'Đơn vị', width: 40 },
      { header: 'Số ý kiến', width: 12, numeric: true },
      { header: 'Báo cáo tổng hợp', width: 18 },
    ],
    [
      ...model.coverage.units.map((u, i): CellValue[] => [i + 1, text(u.name), u.comments, u.sent ? 'Đã gửi' : 'Chưa gửi']),
      ...(model.coverage.direct ? [[null, text(model.coverage.direct.label), model.coverage.direct.count, null]] : []),
      [null, 'Tổng số', model.figures.comments.total, null],
    ],
  );

  const f = model.figures;
  const cov = coverageOf(model);
  const figureRows: CellValue[][] = [
    ['Đơn vị báo cáo', 'Đơn vị phải báo cáo', cov.expected],
    ['Đơn vị báo cáo', 'Đơn vị đã gửi báo cáo', cov.sent],
    ['Đơn vị báo cáo', 'Đơn vị chưa gửi báo cáo', cov.expected - cov.sent],
    ...f.meetings.map((c) => ['Hội nghị, tọa đàm', text(c.label), c.count]),
    ['Người tham dự', 'Tổng số', f.participants.total],
    ...f.participants.byStratum.map((c) => ['Người tham dự theo tầng lớp', text(c.label), c.count]),
    ['Ý kiến góp ý', 'Tổng số', f.comments.total],
    ...f.comments.byChannel.map((c) => ['Ý kiến theo kênh tiếp nhận', text(c.label), c.count]),
    ...f.comments.byDraft.map((c) => ['Ý kiến theo dự thảo', text(c.label), c.count]),
    ...f.comments.byStratum.map((c) => ['Ý kiến theo tầng lớp', text(c.label), c.count]),
  ];
  sheet(
    wb,
    'Số liệu',
    [
      { header: 'Nhóm số liệu', width: 30 },
      { header: 'Chỉ tiêu', width: 45 },
      { header: 'Số lượng', width: 14, numeric: true },
    ],
    figureRows,
  );

  return packXlsx(wb);
}
