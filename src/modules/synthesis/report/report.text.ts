// Wording shared by the synthesis report's DOCX and its XLSX annex: how opinions and the drafts' sections are
// written. The wording of every official document (numbers and symbols, dates, recipients) is in
// shared/documents/official.text.ts.
import { cleanLine } from '../../../shared/documents/official.text';
import { formatNumberVi } from '../../../shared/text';
import type { ReportGroup } from './report.model';

// An editor's "Có 125 ý kiến" (or "125 ý kiến") at the start of a summary: replaced by the true count.
const LEADING_COUNT = /^\s*(?:có\s+)?[\d.,]+\s+ý\s+kiến\s*[:,]?\s*/iu;

function endSentence(s: string): string {
  return /[.!?…]$/.test(s) ? s : `${s}.`;
}

/** "Đề nghị …" → "đề nghị …", leaving acronyms ("MTTQ …") alone. */
function lowerFirst(s: string): string {
  const [first, second] = [...s];
  if (first === undefined) return s;
  const isWordStart = second !== undefined && second === second.toLocaleLowerCase('vi') && second !== second.toLocaleUpperCase('vi');
  return isWordStart ? first.toLocaleLowerCase('vi') + s.slice(first.length) : s;
}

/**
 * How one opinion is printed, always with its true count: "Có 125 ý kiến đề nghị …" from the summary, or
 * "Có 3 ý kiến với nội dung: “…”" quoting the representative text when nothing has been written yet.
 */
export function groupSentence(group: Pick<ReportGroup, 'count' | 'summary' | 'representative'>): string {
  const n = formatNumberVi(group.count);
  const summary = group.summary === null ? '' : cleanLine(group.summary).replace(LEADING_COUNT, '');
  if (summary !== '') return endSentence(`Có ${n} ý kiến ${lowerFirst(summary)}`);
  // A quotation that ends its own sentence closes the report's too: “… 3 và 4.”, not “… 3 và 4.”.
  const quote = cleanLine(group.representative);
  return /[.!?…]$/.test(quote) ? `Có ${n} ý kiến với nội dung: “${quote}”` : `Có ${n} ý kiến với nội dung: “${quote}”.`;
}

/**
 * A group as the pages list it: its summary with the true count, as the report prints it (a summary written before
 * members were moved out must not show the old number), else its representative text.
 */
export function groupLabel(group: Pick<ReportGroup, 'count' | 'summary' | 'representative'>): string {
  return group.summary ? groupSentence(group) : group.representative;
}

/** A section heading as printed: "Mục III.2.a. Phát triển kinh tế", "Điều 8. …"; the draft as a whole when it has no address. */
export function sectionHeading(address: string | null, title: string): string {
  const a = address === null ? '' : cleanLine(address);
  const t = cleanLine(title);
  if (a === '') return t === '' ? 'Ý kiến chung đối với toàn bộ dự thảo' : t;
  // A bare number ("II.2") would read as the report's own numbering: say it is the draft's.
  const label = /^(?:[IVX]+|\d+)(?:[.)/-]|$)/.test(a) ? `Mục ${a}` : a;
  if (t === '') return label;
  return /[.):/-]$/.test(label) ? `${label} ${t}` : `${label}. ${t}`;
}
