// The synthesis report as a DOCX officials can print, sign and file: the layout of Nghị định 30/2020/NĐ-CP (the
// Front, socio-political organizations, State bodies) or Hướng dẫn 36-HD/VPTW (Party bodies), per DOMAIN.md §4,
// from the shared official layout.
import { Paragraph, type Document, type Table } from 'docx';
import {
  heading,
  mm,
  officialLayout,
  packDocx,
  para as body,
  partHeading,
  roman,
  run,
  simpleTable,
  type Block,
} from '../../../shared/documents/official.docx';
import { cleanLine, cleanParagraphs, formatPercent } from '../../../shared/documents/official.text';
import { formatNumberVi } from '../../../shared/text';
import { coverageOf, type Count, type ReportGroup, type SynthesisReportModel } from './report.model';
import { groupSentence, sectionHeading } from './report.text';

// Beyond this many units, the per-unit table goes to the XLSX annex only.
const MAX_UNITS_IN_BODY = 40;
/** Units not yet reporting named in the coverage sentence; more are only counted there. */
const MAX_MISSING_NAMED = 10;

/** A figures table: TT, label, count, share of the total, and the total. */
function figuresTable(header: [string, string], rows: Count[], total: number): Table {
  return simpleTable(
    [
      { header: 'TT', width: mm(12), align: 'center' },
      { header: header[0], width: 0, align: 'left' },
      { header: header[1], width: mm(32), align: 'right' },
      { header: 'Tỷ lệ (%)', width: mm(25), align: 'right' },
    ],
    [
      ...rows.map((r, i) => ({ cells: [String(i + 1), cleanLine(r.label), formatNumberVi(r.count), formatPercent(r.count, total)] })),
      { cells: ['', 'Tổng số', formatNumberVi(total), ''], bold: true },
    ],
  );
}

function sum(rows: Count[]): number {
  return rows.reduce((a, r) => a + r.count, 0);
}

/** Part I: coverage and figures. */
function figuresPart(model: SynthesisReportModel, numeral: string): Block[] {
  const out: Block[] = [];
  const f = model.figures;
  const cov = coverageOf(model);
  out.push(partHeading(`${numeral}. KẾT QUẢ TỔ CHỨC LẤY Ý KIẾN`));

  let coverage = `Báo cáo này tổng hợp từ ${formatNumberVi(cov.sent)}/${formatNumberVi(cov.expected)} đơn vị đã gửi báo cáo tổng hợp ý kiến`;
  // A long list of names would run over pages of the body: past a few, the table by unit (or the annex) lists them.
  const where = model.coverage.units.length > MAX_UNITS_IN_BODY ? 'danh sách tại Phụ lục kèm theo' : 'chi tiết tại bảng ý kiến theo đơn vị';
  coverage +=
    cov.missing.length === 0
      ? '; tất cả các đơn vị đã gửi báo cáo.'
      : cov.missing.length <= MAX_MISSING_NAMED
        ? `; còn ${formatNumberVi(cov.missing.length)} đơn vị chưa gửi báo cáo: ${cov.missing.map(cleanLine).join(', ')}.`
        : `; còn ${formatNumberVi(cov.missing.length)} đơn vị chưa gửi báo cáo (${where}).`;
  out.push(body(coverage));

  const meetings = sum(f.meetings);
  out.push(
    body(
      `Các đơn vị đã tổ chức ${formatNumberVi(meetings)} hội nghị, tọa đàm, buổi sinh hoạt với ${formatNumberVi(f.participants.total)} lượt người tham dự; ` +
        `tổng số ý kiến góp ý tiếp nhận được là ${formatNumberVi(f.comments.total)} ý kiến.`,
    ),
  );

  const tables: { title: string; header: [string, string]; rows: Count[]; total: number }[] = [
    { title: 'Hội nghị, tọa đàm theo hình thức', header: ['Hình thức', 'Số cuộc'], rows: f.meetings, total: meetings },
    { title: 'Người tham dự theo tầng lớp', header: ['Tầng lớp', 'Lượt người'], rows: f.participants.byStratum, total: f.participants.total },
    { title: 'Ý kiến góp ý theo kênh tiếp nhận', header: ['Kênh tiếp nhận', 'Số ý kiến'], rows: f.comments.byChannel, total: f.comments.total },
    { title: 'Ý kiến góp ý theo dự thảo', header: ['Dự thảo', 'Số ý kiến'], rows: f.comments.byDraft, total: f.comments.total },
    { title: 'Ý kiến góp ý theo tầng lớp', header: ['Tầng lớp', 'Số ý kiến'], rows: f.comments.byStratum, total: f.comments.total },
  ];
  let item = 0;
  for (const t of tables) {
    if (t.rows.length === 0) continue;
    out.push(heading(`${++item}. ${t.title}`, { bold: true }));
    out.push(figuresTable(t.header, t.rows, t.total));
  }

  const units = model.coverage.units;
  if (units.length > 0) {
    out.push(heading(`${++item}. Ý kiến góp ý theo đơn vị`, { bold: true }));
    if (units.length > MAX_UNITS_IN_BODY) {
      out.push(body('Số liệu chi tiết theo từng đơn vị tại Phụ lục kèm theo.', { italics: true }));
    } else {
      out.push(
        simpleTable(
          [
            { header: 'TT', width: mm(12), align: 'center' },
            { header: 'Đơn vị', width: 0, align: 'left' },
            { header: 'Số ý kiến', width: mm(32), align: 'right' },
            { header: 'Báo cáo', width: mm(30), align: 'center' },
          ],
          [
            ...units.map((u, i) => ({
              cells: [String(i + 1), cleanLine(u.name), u.comments === null ? '' : formatNumberVi(u.comments), u.sent ? 'Đã gửi' : 'Chưa gửi'],
            })),
            ...(model.coverage.direct ? [{ cells: ['', cleanLine(model.coverage.direct.label), formatNumberVi(model.coverage.direct.count), ''] }] : []),
            { cells: ['', 'Tổng số', formatNumberVi(f.comments.total), ''], bold: true },
          ],
        ),
      );
    }
  }
  return out;
}

function groupParagraphs(groups: ReportGroup[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const g of groups) {
    if (!g.minority) out.push(body(`- ${groupSentence(g)}`));
  }
  const minority = groups.filter((g) => g.minority);
  if (minority.length > 0) {
    out.push(body('Ý kiến khác đáng chú ý:', { italics: true, bold: true }, { keepNext: true }));
    for (const g of minority) {
      const reasoning = g.reasoning === null ? '' : cleanLine(g.reasoning);
      out.push(
        new Paragraph({
          children: [
            run(`- ${groupSentence(g)}`),
            ...(reasoning === '' ? [] : [run(' Lý do: ', { italics: true }), run(reasoning)]),
          ],
        }),
      );
    }
  }
  return out;
}

/** Part II: the opinions on each draft, section by section in heading order. */
function draftsPart(model: SynthesisReportModel, numeral: string): Paragraph[] {
  const out: Paragraph[] = [partHeading(`${numeral}. TỔNG HỢP Ý KIẾN GÓP Ý ĐỐI VỚI CÁC DỰ THẢO`)];
  model.drafts.forEach((draft, i) => {
    out.push(heading(`${i + 1}. ${cleanLine(draft.title)}`, { bold: true }));
    if (draft.comments !== null) out.push(body(`Tổng số: ${formatNumberVi(draft.comments)} ý kiến góp ý.`));
    const sections = draft.sections.filter((s) => s.groups.length > 0);
    if (sections.length === 0) out.push(body('Không có ý kiến góp ý đối với dự thảo này.', { italics: true }));
    for (const s of sections) {
      out.push(heading(sectionHeading(s.address, s.title), { bold: true, italics: true }));
      out.push(...groupParagraphs(s.groups));
    }
  });
  return out;
}

/** Builds the DOCX document (exported for tests that inspect it before packing). */
export function buildSynthesisDocument(model: SynthesisReportModel): Document {
  const children: Block[] = [];
  for (const intro of model.introduction) {
    for (const p of cleanParagraphs(intro)) children.push(body(p));
  }
  let part = 0;
  children.push(...figuresPart(model, roman(++part)));
  children.push(...draftsPart(model, roman(++part)));
  const recommendations = model.recommendations.flatMap(cleanParagraphs);
  if (recommendations.length > 0) {
    children.push(partHeading(`${roman(++part)}. KIẾN NGHỊ, ĐỀ XUẤT`));
    for (const r of recommendations) children.push(body(r));
  }
  return officialLayout(model, { type: 'BÁO CÁO', title: model.title, description: 'Báo cáo tổng hợp ý kiến góp ý', closing: model.closing }, children);
}

/** Renders the official synthesis report as DOCX. */
export async function renderSynthesisDocx(model: SynthesisReportModel): Promise<Buffer> {
  return packDocx(buildSynthesisDocument(model));
}
