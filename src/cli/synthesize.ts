// `dany synthesize`: groups a JSONL file of comments with the synthesis engine and writes the groups as JSON.
// No database: the engine is pure, so a synthesis can be checked, reproduced or benchmarked on any machine.
import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import { AppError } from '../shared/errors';
import { GroupingIndex, type CommentInput, type Group } from '../modules/synthesis/engine';

/** Longest line accepted: a comment is bounded far below this by the intake channels. */
const MAX_LINE_CHARS = 200_000;
const FIELDS = ['id', 'text', 'section', 'unit', 'stratum', 'channel', 'weight'] as const;

/** Reads comments from JSON Lines, one object per line; blank lines are skipped; errors name the line. */
export async function* readCommentLines(file: string): AsyncGenerator<CommentInput> {
  if (!fs.existsSync(file)) throw new AppError(404, 'FILE_NOT_FOUND', `Không tìm thấy tệp ${file}.`);
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    if (line.length > MAX_LINE_CHARS) throw new AppError(400, 'LINE_TOO_LONG', `Dòng ${n} dài quá ${MAX_LINE_CHARS.toLocaleString('vi-VN')} ký tự.`);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new AppError(400, 'INVALID_JSON', `Dòng ${n} không phải JSON hợp lệ.`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new AppError(400, 'COMMENT_INVALID', `Dòng ${n} phải là một đối tượng JSON.`);
    const raw = value as Record<string, unknown>;
    const comment: Record<string, unknown> = {};
    for (const f of FIELDS) if (raw[f] !== undefined) comment[f] = raw[f];
    if (typeof comment.id === 'number') comment.id = String(comment.id);
    if (typeof comment.id !== 'string' || !comment.id.trim()) throw new AppError(400, 'COMMENT_INVALID', `Dòng ${n} thiếu mã ý kiến (id).`);
    if (typeof comment.text !== 'string') throw new AppError(400, 'COMMENT_INVALID', `Dòng ${n} (ý kiến ${comment.id}) thiếu nội dung (text).`);
    yield comment as unknown as CommentInput;
  }
}

/** Writes groups as `{"groups":[…]}` one group at a time, so a million members never sit in one string. */
export async function writeGroups(file: string, groups: Group[]): Promise<void> {
  const out = fs.createWriteStream(file, { encoding: 'utf8' });
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve)));
  await write('{"groups":[');
  for (let i = 0; i < groups.length; i++) await write(`${i ? ',' : ''}\n${JSON.stringify(groups[i])}`);
  await write('\n]}\n');
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

export function registerSynthesize(program: Command): void {
  program
    .command('synthesize')
    .description('Tổng hợp (nhóm) ý kiến từ tệp JSONL: mỗi dòng {"id","text","section"?,"unit"?,"stratum"?,"channel"?,"weight"?}')
    .requiredOption('--in <file>', 'tệp ý kiến JSONL')
    .requiredOption('--out <file>', 'tệp kết quả JSON')
    .option('--add <file>', 'tệp JSONL ý kiến đến sau: xếp vào các nhóm đã có mà không nhóm lại từ đầu')
    .option('--json', 'in số liệu (số ý kiến, số nhóm, thời gian từng bước, bộ nhớ) dạng JSON ra stdout')
    .action(async (opts: { in: string; out: string; add?: string; json?: boolean }) => {
      const started = performance.now();
      const batch: CommentInput[] = [];
      for await (const c of readCommentLines(opts.in)) batch.push(c);
      const read = performance.now();
      const index = GroupingIndex.build(batch);
      const built = performance.now();
      const initial = batch.length;
      batch.length = 0;
      let added = 0;
      let addSeconds = 0;
      if (opts.add) {
        const late: CommentInput[] = [];
        for await (const c of readCommentLines(opts.add)) late.push(c);
        const t = performance.now();
        index.add(late);
        addSeconds = (performance.now() - t) / 1000;
        added = late.length;
      }
      const { groups } = index.grouping();
      await writeGroups(opts.out, groups);
      const seconds = (performance.now() - started) / 1000;
      const comments = groups.reduce((s, g) => s + g.members.length, 0);
      if (opts.json) {
        const stats = { comments, initial, added, groups: groups.length, readSeconds: (read - started) / 1000, groupSeconds: (built - read) / 1000, addSeconds, seconds, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) };
        console.log(JSON.stringify(stats));
      }
      console.error(`Đã tổng hợp ${comments.toLocaleString('vi-VN')} ý kiến thành ${groups.length.toLocaleString('vi-VN')} nhóm trong ${seconds.toFixed(1)} giây → ${opts.out}`);
    });
}
