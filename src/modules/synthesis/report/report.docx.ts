// The synthesis report as a DOCX officials can print, sign and file: the layout of Nghị định 30/2020/NĐ-CP (the
// Front, socio-political organizations, State bodies) or Hướng dẫn 36-HD/VPTW (Party bodies), per DOMAIN.md §4.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import { coverageOf, type Count, type ReportGroup, type SynthesisReportModel } from './report.model';
import {
  MOTTO,
  boldTextWidthPt,
  cleanLine,
  cleanParagraphs,
  formatCount,
  formatDocNumber,
  formatPercent,
  formatPlaceDate,
  groupSentence,
  recipientLines,
  sectionHeading,
  upper,
} from './report.text';

// Lengths in twips (1/20 pt); sizes in half-points, as WordprocessingML wants them.
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const pt = (v: number) => v * 2;

const PAGE = { width: 11906, height: 16838 }; // A4
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const CELL_PAD = 108; // Word's default left/right cell margin, written explicitly so every reader agrees.
const FONT = 'Times New Roman';
const BODY = pt(14);
const FIRST_LINE = mm(12.7);
// The header's right column must hold "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line.
const HEADER_COLUMNS = [mm(62), TEXT_WIDTH - mm(62)] as const;
const FOOTER_COLUMNS = [mm(78), TEXT_WIDTH - mm(78)] as const;
// Beyond this many units, the per-unit table goes to the XLSX annex only.
const MAX_UNITS_IN_BODY = 40;

type RunOpts = Omit<IRunOptions, 'text' | 'children' | 'break'>;

function run(text: string, opts: RunOpts = {}): TextRun {
  return new TextRun({ text, ...opts });
}

/** A paragraph of one run; the text must already be cleaned. */
function para(text: string, run_: RunOpts = {}, opts: Omit<IParagraphOptions, 'text' | 'children'> = {}): Paragraph {
  return new Paragraph({ children: [run(text, run_)], ...opts });
}

const tight = { spacing: { before: 0, after: 0 } } as const;

function centered(text: string, run_: RunOpts, extra: Omit<IParagraphOptions, 'text' | 'children'> = {}): Paragraph {
  return para(text, run_, { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, ...tight, ...extra });
}

/** A solid rule of the given width centred in a cell of `available` width (Nghị định 30's lines under headings). */
function rule(widthTw: number, availableTw: number, spaceBefore = 0): Paragraph {
  const side = Math.max(0, Math.round((availableTw - widthTw) / 2));
  return new Paragraph({
    children: [run('', { size: 2 })],
    indent: { left: side, right: side, firstLine: 0 },
    spacing: { before: spaceBefore, after: 0, line: 40, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.TOP });
}

function borderless(columns: readonly number[], rows: TableRow[]): Table {
  return new Table({
    rows,
    columnWidths: [...columns],
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: CELL_PAD, right: CELL_PAD, top: 0, bottom: 0 },
  });
}

function lines(s: string): string[] {
  return s.split('\n').map(cleanLine).filter((l) => l !== '');
}

/** The two-column header: issuer and number on the left, motto and place/date on the right. */
function headerBlock(model: SynthesisReportModel): Table {
  const party = model.issuer.system === 'party';
  const [leftW, rightW] = HEADER_COLUMNS;
  const leftInner = leftW - 2 * CELL_PAD;
  const rightInner = rightW - 2 * CELL_PAD;
  const leftSize = party ? 14 : 13;

  const left: Paragraph[] = [];
  for (const l of model.issuer.superior === null ? [] : lines(model.issuer.superior)) {
    left.push(centered(upper(l), { size: pt(leftSize) }));
  }
  const names = lines(model.issuer.name).map(upper);
  for (const l of names) left.push(centered(l, { size: pt(leftSize), bold: true }));
  if (party) {
    left.push(centered('*', { size: pt(leftSize) }));
  } else {
    // Between a third and a half of the issuer's line, centred under it.
    const nameWidth = Math.min(leftInner, Math.max(...names.map((l) => boldTextWidthPt(l, leftSize) * 20), 0));
    left.push(rule(Math.max(mm(12), nameWidth * 0.4), leftInner, 20));
  }

  const right: Paragraph[] = [];
  if (party) {
    right.push(centered(MOTTO.party, { size: pt(15), bold: true }));
    right.push(rule(Math.min(rightInner, boldTextWidthPt(MOTTO.party, 15) * 20), rightInner, 20));
  } else {
    right.push(centered(MOTTO.nation, { size: pt(12), bold: true }));
    right.push(centered(MOTTO.nationMotto, { size: pt(13), bold: true }));
    right.push(rule(Math.min(rightInner, boldTextWidthPt(MOTTO.nationMotto, 13) * 20), rightInner, 20));
  }

  const number = centered(formatDocNumber(model.issuer.system, model.number), { size: pt(party ? 14 : 13) }, {
    spacing: { before: 80, after: 0 },
  });
  const placeDate = centered(formatPlaceDate(model.place, model.date), { size: pt(14), italics: true }, {
    spacing: { before: 80, after: 0 },
  });

  return borderless(HEADER_COLUMNS, [
    new TableRow({ children: [cell(left, leftW), cell(right, rightW)] }),
    new TableRow({ children: [cell([number], leftW), cell([placeDate], rightW)] }),
  ]);
}

function titleBlock(model: SynthesisReportModel): Paragraph[] {
  const party = model.issuer.system === 'party';
  const title = cleanLine(model.title);
  const out = [
    centered('BÁO CÁO', { size: pt(party ? 15 : 14), bold: true }, { spacing: { before: 480, after: 0 }, keepNext: true }),
    centered(title, { size: pt(14), bold: true }, { keepNext: true }),
  ];
  if (party) {
    out.push(centered('-----', { size: pt(14) }, { spacing: { before: 0, after: 240 } }));
  } else {
    out.push(rule(Math.min(TEXT_WIDTH / 2, Math.max(mm(25), boldTextWidthPt(title, 14) * 20 * 0.4)), TEXT_WIDTH, 20));
    out.push(new Paragraph({ children: [], spacing: { before: 0, after: 120 } }));
  }
  return out;
}

/** Body text: justified, first line indented (the default paragraph style). */
function body(text: string, run_: RunOpts = {}, opts: Omit<IParagraphOptions, 'text' | 'children'> = {}): Paragraph {
  return para(text, run_, opts);
}

function heading(text: string, run_: RunOpts, before = 120): Paragraph {
  return para(text, run_, { keepNext: true, keepLines: true, spacing: { before, after: 0 } });
}

/** A part heading (I., II. …): bold caps with more room above. */
function partHeading(text: string): Paragraph {
  return heading(text, { bold: true }, 240);
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

type Align = 'left' | 'center' | 'right';

/** A plain bordered table: a bold header row repeated on each page, rows kept whole, 13 pt. */
function simpleTable(columns: { header: string; width: number; align: Align }[], rows: { cells: string[]; bold?: boolean }[]): Table {
  const size = pt(13);
  const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
  const c = (text: string, align: Align, bold: boolean) =>
    new TableCell({
      children: [para(text, { size, bold }, { alignment: alignment[align], indent: { firstLine: 0 }, spacing: { before: 40, after: 40 } })],
      verticalAlign: VerticalAlignTable.CENTER,
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const widths = columns.map((col) => col.width);
  const fill = TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  widths[1] = widths[1]! + fill; // the label column takes what is left
  return new Table({
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((col) => c(col.header, 'center', true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.cells.map((v, i) => c(v, columns[i]!.align, r.bold ?? false)) })),
    ],
    columnWidths: widths,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    margins: { left: CELL_PAD, right: CELL_PAD, top: 0, bottom: 0 },
  });
}

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
      ...rows.map((r, i) => ({ cells: [String(i + 1), cleanLine(r.label), formatCount(r.count), formatPercent(r.count, total)] })),
      { cells: ['', 'Tổng số', formatCount(total), ''], bold: true },
    ],
  );
}

function sum(rows: Count[]): number {
  return rows.reduce((a, r) => a + r.count, 0);
}

/** Part I: coverage and figures. */
function figuresPart(model: SynthesisReportModel, numeral: string): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const f = model.figures;
  const cov = coverageOf(model);
  out.push(partHeading(`${numeral}. KẾT QUẢ TỔ CHỨC LẤY Ý KIẾN`));

  let coverage = `Báo cáo này tổng hợp từ ${formatCount(cov.sent)}/${formatCount(cov.expected)} đơn vị đã gửi báo cáo tổng hợp ý kiến`;
  coverage += cov.missing.length === 0
    ? '; tất cả các đơn vị đã gửi báo cáo.'
    : `; còn ${formatCount(cov.missing.length)} đơn vị chưa gửi báo cáo: ${cov.missing.map(cleanLine).join(', ')}.`;
  out.push(body(coverage));

  const meetings = sum(f.meetings);
  out.push(
    body(
      `Các đơn vị đã tổ chức ${formatCount(meetings)} hội nghị, tọa đàm, buổi sinh hoạt với ${formatCount(f.participants.total)} lượt người tham dự; ` +
        `tổng số ý kiến góp ý tiếp nhận được là ${formatCount(f.comments.total)} ý kiến.`,
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
          units.map((u, i) => ({
            cells: [String(i + 1), cleanLine(u.name), u.comments === null ? '' : formatCount(u.comments), u.sent ? 'Đã gửi' : 'Chưa gửi'],
          })),
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
    if (draft.comments !== null) out.push(body(`Tổng số: ${formatCount(draft.comments)} ý kiến góp ý.`));
    const sections = draft.sections.filter((s) => s.groups.length > 0);
    if (sections.length === 0) out.push(body('Không có ý kiến góp ý đối với dự thảo này.', { italics: true }));
    for (const s of sections) {
      out.push(heading(sectionHeading(s.address, s.title), { bold: true, italics: true }));
      out.push(...groupParagraphs(s.groups));
    }
  });
  return out;
}

function closingParagraph(model: SynthesisReportModel): Paragraph {
  let text: string;
  if (model.closing !== null && cleanLine(model.closing) !== '') {
    text = cleanLine(model.closing);
  } else {
    const title = cleanLine(model.title);
    text = `Trên đây là báo cáo ${title.charAt(0).toLocaleLowerCase('vi')}${title.slice(1)}`;
  }
  if (!text.endsWith('/.')) text = text.replace(/[.;,]*$/, '') + './.';
  return body(text, {}, { keepNext: true });
}

/** "Nơi nhận" (bottom left) beside the signature block (bottom right), kept on one page. */
function footerBlock(model: SynthesisReportModel): Table {
  const [leftW, rightW] = FOOTER_COLUMNS;
  const left: Paragraph[] = [
    para('Nơi nhận:', { size: pt(12), bold: true, italics: true }, { alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, ...tight }),
    ...recipientLines(model.recipients).map((l) =>
      para(l, { size: pt(11) }, { alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, ...tight }),
    ),
  ];
  const s = model.signature;
  const right: Paragraph[] = [];
  if (s.capacity !== null) right.push(centered(upper(cleanLine(s.capacity)), { size: pt(14), bold: true }));
  right.push(centered(upper(cleanLine(s.title)), { size: pt(14), bold: true }));
  // Room for the signature and the seal.
  for (let i = 0; i < 4; i++) right.push(centered('', { size: pt(14) }));
  right.push(centered(cleanLine(s.name), { size: pt(14), bold: true }));
  return borderless(FOOTER_COLUMNS, [new TableRow({ cantSplit: true, children: [cell(left, leftW), cell(right, rightW)] })]);
}

/** Builds the DOCX document (exported for tests that inspect it before packing). */
export function buildSynthesisDocument(model: SynthesisReportModel): Document {
  const children: (Paragraph | Table)[] = [headerBlock(model), ...titleBlock(model)];
  for (const intro of model.introduction) {
    for (const p of cleanParagraphs(intro)) children.push(body(p));
  }
  let part = 0;
  children.push(...figuresPart(model, ROMAN[part++]!));
  children.push(...draftsPart(model, ROMAN[part++]!));
  const recommendations = model.recommendations.flatMap(cleanParagraphs);
  if (recommendations.length > 0) {
    children.push(partHeading(`${ROMAN[part++]!}. KIẾN NGHỊ, ĐỀ XUẤT`));
    for (const r of recommendations) children.push(body(r));
  }
  children.push(closingParagraph(model));
  children.push(new Paragraph({ children: [], spacing: { before: 0, after: 120 }, keepNext: true }));
  children.push(footerBlock(model));

  return new Document({
    creator: 'Dân Ý',
    title: cleanLine(model.title),
    description: 'Báo cáo tổng hợp ý kiến góp ý',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY, language: { value: 'vi-VN' } },
          paragraph: {
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: FIRST_LINE },
            spacing: { before: 120, after: 0, line: 240, lineRule: LineRuleType.AUTO },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.left, right: MARGIN.right, header: MARGIN.header, footer: mm(10) },
          },
          // Page numbers from page 2 only, centred in the top margin (Nghị định 30/2020).
          titlePage: true,
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                indent: { firstLine: 0 },
                spacing: { before: 0, after: 0 },
                children: [new TextRun({ children: [PageNumber.CURRENT], size: BODY })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** Renders the official synthesis report as DOCX. */
export async function renderSynthesisDocx(model: SynthesisReportModel): Promise<Buffer> {
  return Packer.toBuffer(buildSynthesisDocument(model));
}
