// `dany comments import`: a sheet of comments collected on paper into a consultation, with progress and the same
// row-by-row report as the web page.
import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { AppError } from '../shared/errors';
import { IMPORT_MODES } from '../modules/consultations/consultations.schema';
import { importComments } from '../modules/consultations/consultations.service';
import { CLI_IMPORT_LIMITS } from '../modules/consultations/comments.import';
import { CLI, withDatabase } from './database';

export function registerComments(program: Command): void {
  const comments = program.command('comments').description('Ý kiến góp ý');
  comments
    .command('import')
    .description('Nhập bảng ý kiến (XLSX/CSV) vào một đợt lấy ý kiến, ghi nhận cho một tổ chức tham gia')
    .argument('<file>', 'tệp .xlsx hoặc .csv theo mẫu')
    .requiredOption('--consultation <id>', 'mã đợt lấy ý kiến', Number)
    .requiredOption('--org <id>', 'mã tổ chức ghi nhận ý kiến', Number)
    .addOption(new Option('--mode <mode>', 'check: chỉ kiểm tra; valid_only: nhập các dòng hợp lệ; all_or_nothing: chỉ nhập khi mọi dòng hợp lệ').choices([...IMPORT_MODES]).default('valid_only'))
    .option('--force', 'nhập cả khi tệp đã được nhập trước đây')
    .option('--json', 'in báo cáo dạng JSON')
    .action(async (file: string, opts: { consultation: number; org: number; mode: (typeof IMPORT_MODES)[number]; force?: boolean; json?: boolean }) => {
      if (!fs.existsSync(file)) throw new AppError(404, 'FILE_NOT_FOUND', `Không tìm thấy tệp ${file}.`);
      const data = fs.readFileSync(file);
      const started = performance.now();
      const progress = (rows: number) => {
        if (!opts.json) process.stderr.write(`\r  đã đọc ${rows.toLocaleString('vi-VN')} dòng…`);
      };
      const report = await withDatabase((d) =>
        importComments(d.db, CLI, opts.consultation, { organizationId: opts.org, fileName: path.basename(file), contentBase64: '', mode: opts.mode, force: !!opts.force }, { data, onProgress: progress, limits: CLI_IMPORT_LIMITS }),
      );
      const seconds = Math.round(performance.now() - started) / 1000;
      if (opts.json) return console.log(JSON.stringify({ ...report, seconds }));
      process.stderr.write('\n');
      console.log(`${report.fileName}: ${report.rows} dòng, ${report.valid} hợp lệ, ${report.invalid} lỗi; đã nhập ${report.imported} ý kiến trong ${seconds.toFixed(1)} giây.`);
      if (report.previousImport) console.log(`  Lưu ý: tệp giống hệt đã được nhập ngày ${report.previousImport.at.slice(0, 10)} (${report.previousImport.imported} ý kiến).`);
      for (const e of report.errors.slice(0, 50)) console.log(`  dòng ${e.row}, cột "${e.column}": ${e.reason}`);
      if (report.errors.length > 50) console.log(`  … và ${report.errors.length - 50} lỗi khác.`);
    });
}
