// The official layout as DOCX building blocks, for every document officials print, sign and file: the page (A4,
// margins, Times New Roman 14 pt, page numbers from page 2), the two-column header block, the type and title, body
// paragraphs and headings, bordered figure tables, and "Nơi nhận" beside the signature block. Nghị định
// 30/2020/NĐ-CP for the Front, socio-political organizations and State bodies; Hướng dẫn 36-HD/VPTW for Party
// bodies (DOMAIN.md §4). Every text passed in must already be cleaned (official.text.ts).
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
import type { IssuerSystem, OfficialFrame } from './official.model';
import { MOTTO, boldTextWidthPt, cleanLine, closingSentence, formatDocNumber, formatPlaceDate, recipientLines, upper } from './official.text';

// Lengths in twips (1/20 pt); sizes in half-points, as WordprocessingML wants them.
export const mm = (v: number) => Math.round((v * 1440) / 25.4);
const pt = (v: number) => v * 2;

const PAGE = { width: 11906, height: 16838 }; // A4
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10) };
/** Width of the text between the margins, in twips. */
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const CELL_PAD = 108; // Word's default left/right cell margin, written explicitly so every reader agrees.
const FONT = 'Times New Roman';
const BODY = pt(14);
const FIRST_LINE = mm(12.7);
// The header's right column must hold "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line.
const HEADER_COLUMNS = [mm(62), TEXT_WIDTH - mm(62)] as const;
const FOOTER_COLUMNS = [mm(78), TEXT_WIDTH - mm(78)] as const;

/** A body element: a paragraph or a table. */
export type Block = Paragraph | Table;
export type RunOpts = Omit<IRunOptions, 'text' | 'children' | 'break'>;
export type ParaOpts = Omit<IParagraphOptions, 'text' | 'children'>;

export function run(text: string, opts: RunOpts = {}): TextRun {
  return new TextRun({ text, ...opts });
}

/** A paragraph of one run: in the body, justified with the first line indented (the default paragraph style). */
export function para(text: string, run_: RunOpts = {}, opts: ParaOpts = {}): Paragraph {
  return new Paragraph({ children: [run(text, run_)], ...opts });
}

const tight = { spacing: { before: 0, after: 0 } } as const;

function centered(text: string, run_: RunOpts, extra: ParaOpts = {}): Paragraph {
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
export function headerBlock(frame: Pick<OfficialFrame, 'issuer' | 'number' | 'place' | 'date'>): Table {
  const party = frame.issuer.system === 'party';
  const [leftW, rightW] = HEADER_COLUMNS;
  const leftInner = leftW - 2 * CELL_PAD;
  const rightInner = rightW - 2 * CELL_PAD;
  const leftSize = party ? 14 : 13;

  const left: Paragraph[] = [];
  for (const l of frame.issuer.superior === null ? [] : lines(frame.issuer.superior)) {
    left.push(centered(upper(l), { size: pt(leftSize) }));
  }
  const names = lines(frame.issuer.name).map(upper);
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

  const number = centered(formatDocNumber(frame.issuer.system, frame.number), { size: pt(party ? 14 : 13) }, {
    spacing: { before: 80, after: 0 },
  });
  const placeDate = centered(formatPlaceDate(frame.place, frame.date), { size: pt(14), italics: true }, {
    spacing: { before: 80, after: 0 },
  });

  return borderless(HEADER_COLUMNS, [
    new TableRow({ children: [cell(left, leftW), cell(right, rightW)] }),
    new TableRow({ children: [cell([number], leftW), cell([placeDate], rightW)] }),
  ]);
}

/** The document type in bold caps ("BÁO CÁO"), the summary title in bold under it, and the rule (or dashes) below. */
export function titleBlock(system: IssuerSystem, type: string, title: string): Paragraph[] {
  const party = system === 'party';
  const t = cleanLine(title);
  const out = [
    centered(upper(type), { size: pt(party ? 15 : 14), bold: true }, { spacing: { before: 480, after: 0 }, keepNext: true }),
    centered(t, { size: pt(14), bold: true }, { keepNext: true }),
  ];
  if (party) {
    out.push(centered('-----', { size: pt(14) }, { spacing: { before: 0, after: 240 } }));
  } else {
    out.push(rule(Math.min(TEXT_WIDTH / 2, Math.max(mm(25), boldTextWidthPt(t, 14) * 20 * 0.4)), TEXT_WIDTH, 20));
    out.push(new Paragraph({ children: [], spacing: { before: 0, after: 120 } }));
  }
  return out;
}

/** A heading kept with what follows it; `after` leaves room above a table. */
export function heading(text: string, run_: RunOpts, before = 120, after = 0): Paragraph {
  return para(text, run_, { keepNext: true, keepLines: true, spacing: { before, after } });
}

/** A part heading (I., II. …): bold with more room above. */
export function partHeading(text: string, after = 0): Paragraph {
  return heading(text, { bold: true }, 240, after);
}

/** Roman numerals of the parts of a document: 1 → "I" … 39 → "XXXIX". */
export function roman(n: number): string {
  const tens = ['', 'X', 'XX', 'XXX'][Math.floor(n / 10)] ?? '';
  const units = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'][n % 10]!;
  return tens + units;
}

export type Align = 'left' | 'center' | 'right';

/** A column of a bordered table; one column of width 0 takes the width the others leave. */
export interface TableColumn {
  header: string;
  width: number;
  align: Align;
}

/** A table cell: its text, or its text with an alignment of its own. */
export type TableCellText = string | { text: string; align: Align };

const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** A plain bordered table: a bold header row repeated on each page, rows kept whole, 13 pt. */
export function simpleTable(columns: TableColumn[], rows: { cells: TableCellText[]; bold?: boolean }[]): Table {
  const size = pt(13);
  const c = (text: string, align: Align, bold: boolean) =>
    new TableCell({
      children: [para(text, { size, bold }, { alignment: ALIGNMENT[align], indent: { firstLine: 0 }, spacing: { before: 40, after: 40 } })],
      verticalAlign: VerticalAlignTable.CENTER,
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const widths = columns.map((col) => col.width);
  const fill = TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  const flexible = Math.max(0, widths.indexOf(0));
  widths[flexible] = widths[flexible]! + fill; // the label column takes what is left
  return new Table({
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((col) => c(col.header, 'center', true)) }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.cells.map((v, i) => (typeof v === 'string' ? c(v, columns[i]!.align, r.bold ?? false) : c(v.text, v.align, r.bold ?? false))),
          }),
      ),
    ],
    columnWidths: widths,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    margins: { left: CELL_PAD, right: CELL_PAD, top: 0, bottom: 0 },
  });
}

/** "Trên đây là báo cáo …./.", kept with the signature block, then the space before it. */
function closingBlock(title: string, closing: string | null): Paragraph[] {
  return [
    para(closingSentence(title, closing), {}, { keepNext: true }),
    new Paragraph({ children: [], spacing: { before: 0, after: 120 }, keepNext: true }),
  ];
}

/** "Nơi nhận" (bottom left) beside the signature block (bottom right), kept on one page. */
export function footerBlock(frame: Pick<OfficialFrame, 'recipients' | 'signature'>): Table {
  const [leftW, rightW] = FOOTER_COLUMNS;
  const left: Paragraph[] = [
    para('Nơi nhận:', { size: pt(12), bold: true, italics: true }, { alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, ...tight }),
    ...recipientLines(frame.recipients).map((l) =>
      para(l, { size: pt(11) }, { alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, ...tight }),
    ),
  ];
  const s = frame.signature;
  const right: Paragraph[] = [];
  if (s.capacity !== null) right.push(centered(upper(cleanLine(s.capacity)), { size: pt(14), bold: true }));
  right.push(centered(upper(cleanLine(s.title)), { size: pt(14), bold: true }));
  // Room for the signature and the seal.
  for (let i = 0; i < 4; i++) right.push(centered('', { size: pt(14) }));
  right.push(centered(cleanLine(s.name), { size: pt(14), bold: true }));
  return borderless(FOOTER_COLUMNS, [new TableRow({ cantSplit: true, children: [cell(left, leftW), cell(right, rightW)] })]);
}

/** An A4 document in Times New Roman 14 pt, page numbers centred in the top margin from page 2. */
function officialDocument(meta: { title: string; description: string }, children: Block[]): Document {
  return new Document({
    creator: 'Dân Ý',
    title: cleanLine(meta.title),
    description: meta.description,
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

/**
 * A whole official document: header block, type and title, the body, the closing sentence, then "Nơi nhận" beside
 * the signature block.
 */
export function officialLayout(
  frame: OfficialFrame,
  doc: { type: string; title: string; description: string; closing: string | null },
  bodyBlocks: Block[],
): Document {
  return officialDocument({ title: doc.title, description: doc.description }, [
    headerBlock(frame),
    ...titleBlock(frame.issuer.system, doc.type, doc.title),
    ...bodyBlocks,
    ...closingBlock(doc.title, doc.closing),
    footerBlock(frame),
  ]);
}

/** Packs a document into the bytes of a .docx file. */
export async function packDocx(document: Document): Promise<Buffer> {
  return Packer.toBuffer(document);
}
