// `dany drafts parse`: reads a draft document (DOCX, Markdown, plain text) and prints its section tree.
// No database: the parser is pure, so a draft can be checked before it is imported into a consultation.
import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { AppError } from '../shared/errors';
import { DRAFT_FORMATS, DRAFT_LIMITS, draftFormatFromFileName, importDraft, type DraftFormat } from '../modules/consultations/drafts.import';
import { walkSections, type DraftSection } from '../modules/consultations/drafts.parse';

/** Reads a file, refusing one past the size limit before loading it. */
function readDraftFile(file: string): Buffer {
  let size: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new AppError(400, 'FILE_NOT_FOUND', `${file} không phải là tệp.`);
    size = st.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(404, 'FILE_NOT_FOUND', `Không tìm thấy tệp ${file}.`);
  }
  if (size > DRAFT_LIMITS.maxFileBytes) {
    throw new AppError(413, 'DRAFT_FILE_TOO_LARGE', `Tệp dự thảo lớn ${(size / 1024 / 1024).toFixed(1)} MB, vượt giới hạn ${DRAFT_LIMITS.maxFileBytes / 1024 / 1024} MB.`);
  }
  return fs.readFileSync(file);
}

/** The outline a person reads: one section a line, indented by depth, with its address. */
export function formatOutline(sections: DraftSection[]): string {
  const lines: string[] = [];
  const visit = (list: DraftSection[], depth: number) => {
    for (const s of list) {
      const title = s.kind === 'preamble' ? `(phần mở đầu, ${s.text.split('\n').length} dòng)` : s.title || '(không có tiêu đề)';
      lines.push(`${'  '.repeat(depth)}[${s.address}] ${title.length > 100 ? `${title.slice(0, 99)}…` : title}`);
      visit(s.children, depth + 1);
    }
  };
  visit(sections, 0);
  const count = [...walkSections(sections)].filter((s) => s.kind !== 'preamble').length;
  lines.push(`${count} mục.`);
  return lines.join('\n');
}

export function registerDrafts(program: Command): void {
  const drafts = program.command('drafts').description('Dự thảo văn kiện');
  drafts
    .command('parse')
    .description('Đọc một dự thảo (DOCX, Markdown, văn bản thuần) thành cây mục theo cách đánh số (Phần, Chương, I., 1., 1.1., a), Điều); không dùng cơ sở dữ liệu')
    .requiredOption('--in <file>', 'tệp dự thảo')
    .addOption(new Option('--format <format>', 'định dạng tệp (mặc định: theo phần mở rộng)').choices([...DRAFT_FORMATS]))
    .option('--json', 'in cây mục dạng JSON: [{"number","title","text","kind","address","children"}]')
    .action(async (opts: { in: string; format?: DraftFormat; json?: boolean }) => {
      const format = opts.format ?? draftFormatFromFileName(opts.in);
      const sections = await importDraft(readDraftFile(opts.in), format);
      console.log(opts.json ? JSON.stringify(sections) : formatOutline(sections));
    });
}
