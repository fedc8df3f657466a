// A report of the reporting regime as a DOCX officials can print, sign and file, in the official layout (DOMAIN.md
// §4, shared/documents/official.docx.ts): header block, "BÁO CÁO" and the title, for a rolled-up report the
// coverage, then the outline's sections in heading order — each with its figures as a table and its text, a
// superior's gathered text under each unit's name — then the monthly sentiment report sent with it, the closing, "Nơi nhận" and the signature block.
import type { Document } from 'docx';
import { heading, mm, officialLayout, packDocx, para, partHeading, simpleTable, type Block, type RunOpts, type TableCellText, type TableColumn } from '../../../shared/documents/official.docx';
import { cleanLine, cleanParagraphs } from '../../../shared/documents/official.text';
import { formatNumberVi } from '../../../shared/text';
import type { Figure, FigureRollup, OutlineSection } from '../reporting.schema';
import type { TextBlock } from '../rollup';
import { sentimentDocxBlocks } from '../../sentiment/sentiment.document';
import { allSectionTextBlocks, figureUnit, formatFigureValue, rollupByKey, sectionHeadingText, sectionsInOrder, type ReportDocumentModel } from './report.model';

/** Heading style by depth: parts bold, items bold, sub-items bold italic, deeper italic. */
const HEADING_RUN: RunOpts[] = [{ bold: true }, { bold: true }, { bold: true, italics: true }, { italics: true }];

function sectionHeading(section: OutlineSection, depth: number): Block | null {
  const text = sectionHeadingText(section);
  if (text === '') return null;
  // A little room between a heading and the table right under it.
  const after = section.figures.length > 0 ? 60 : 0;
  return depth === 0 ? partHeading(text, after) : heading(text, HEADING_RUN[Math.min(depth, HEADING_RUN.length - 1)]!, 120, after);
}

/** A section's figures: STT, Chỉ tiêu, Đơn vị tính, Số liệu, and for a roll-up the number of units behind each. */
function figuresTable(figures: Figure[], values: ReportDocumentModel['content']['figures'], rollup: Map<string, FigureRollup> | null): Block {
  const printed = figures.map((f) => formatFigureValue(values[f.key]));
  // A short text answer gets a wider value column, so that it does not break after every word.
  const wide = printed.some((v, i) => figures[i]!.type === 'text' && v.length > 12);
  const columns: TableColumn[] = [
    { header: 'STT', width: mm(14), align: 'center' },
    { header: 'Chỉ tiêu', width: 0, align: 'left' },
    { header: 'Đơn vị tính', width: mm(27), align: 'center' },
    { header: 'Số liệu', width: mm(wide ? 50 : 30), align: 'right' },
  ];
  if (rollup) columns.push({ header: 'Số đơn vị có số liệu', width: mm(25), align: 'center' });
  return simpleTable(
    columns,
    figures.map((f, i) => {
      const value = printed[i]!;
      // Numbers right-aligned; a text answer left; yes/no and the dash of a missing value centred.
      const align = typeof values[f.key] === 'number' ? 'right' : f.type === 'text' && value !== '—' ? 'left' : 'center';
      const cells: TableCellText[] = [String(i + 1), cleanLine(f.label), figureUnit(f), { text: value, align }];
      if (rollup) {
        const r = rollup.get(f.key);
        cells.push(r === undefined || f.rollup.kind === 'none' ? '' : formatNumberVi(r.contributed));
      }
      return { cells };
    }),
  );
}

/** A section's text: the superior's own words, then each unit's part under its name. */
function textParagraphs(blocks: TextBlock[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.unitName !== null) out.push(para(`${cleanLine(b.unitName)}:`, { bold: true, italics: true }, { keepNext: true }));
    for (const p of cleanParagraphs(b.text)) out.push(para(p));
  }
  return out;
}

/** Builds the DOCX document (exported for tests that inspect it before packing). */
export function buildReportDocument(model: ReportDocumentModel): Document {
  const children: Block[] = [];
  for (const intro of model.introduction) for (const p of cleanParagraphs(intro)) children.push(para(p));
  if (model.rollup) {
    children.push(para(`Báo cáo này tổng hợp từ báo cáo của các đơn vị: ${cleanLine(model.rollup.coverage.statement)}`, { italics: true }));
  }
  const rollup = model.rollup ? rollupByKey(model) : null;
  const texts = allSectionTextBlocks(model);
  for (const { section, depth } of sectionsInOrder(model.outline)) {
    const h = sectionHeading(section, depth);
    if (h) children.push(h);
    if (section.figures.length > 0) children.push(figuresTable(section.figures, model.content.figures, rollup));
    children.push(...textParagraphs(texts.get(section.address) ?? []));
  }
  if (model.sentiment) children.push(...sentimentDocxBlocks(model.sentiment));
  return officialLayout(model, { type: 'BÁO CÁO', title: model.title, description: 'Báo cáo', closing: model.closing }, children);
}

/** Renders a report in the official layout as DOCX. */
export async function renderReportDocx(model: ReportDocumentModel): Promise<Buffer> {
  return packDocx(buildReportDocument(model));
}
