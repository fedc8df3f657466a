// The `dany` command: thin wrappers over module services, on the same database as the server.
import { Command, Option } from 'commander';
import { CLI, withDatabase } from './database';
import { todayInVietnam, isIsoDate } from '../shared/dates';
import { AppError } from '../shared/errors';
import { ROLES, type Role } from '../modules/auth/auth.access';
import { ORG_KINDS, type OrgKind } from '../modules/organizations/organizations.schema';
import { countUnitsByLevel, findUnitByCode } from '../modules/units/units.queries';
import { importUnitsFile } from '../modules/units/units.service';
import { findOrganizationsAtUnit } from '../modules/organizations/organizations.queries';
import { createUser } from '../modules/users/users.service';
import { CreateUserBody } from '../modules/users/users.schema';
import { registerSynthesize } from './synthesize';
import { registerDrafts } from './drafts';
import { registerComments } from './comments';

function date(value: string): string {
  if (!isIsoDate(value)) throw new AppError(400, 'INVALID_DATE', `Ngày "${value}" không hợp lệ (cần dạng YYYY-MM-DD).`);
  return value;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Mật khẩu: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

const program = new Command('dany').description('Dân Ý — công cụ dòng lệnh').showHelpAfterError();

const units = program.command('units').description('Đơn vị hành chính');
units
  .command('import')
  .description('Nhập danh mục đơn vị hành chính (tệp 2025 hai cấp, tệp trước 2025 ba cấp, hoặc tệp sáp nhập)')
  .argument('<file>', 'đường dẫn tệp JSON')
  .option('--valid-from <date>', 'ngày bắt đầu hiệu lực (YYYY-MM-DD)', date)
  .option('--valid-to <date>', 'ngày hết hiệu lực (YYYY-MM-DD)', date)
  .option('--partial', 'tệp chỉ gồm một phần cả nước: không đóng đơn vị vắng mặt')
  .option('--json', 'in kết quả dạng JSON')
  .action(async (file: string, opts: { validFrom?: string; validTo?: string; partial?: boolean; json?: boolean }) => {
    let seconds = 0;
    const report = await withDatabase(async (d) => {
      const started = performance.now();
      const r = await importUnitsFile(d.db, CLI, file, { validFrom: opts.validFrom, validTo: opts.validTo, partial: opts.partial });
      seconds = Math.round(performance.now() - started) / 1000;
      return r;
    });
    if (opts.json) return console.log(JSON.stringify({ ...report, seconds }));
    const window = `${report.validFrom ?? '…'} → ${report.validTo ?? 'nay'}`;
    console.log(
      `Đã nhập ${file} (${report.shape}, hiệu lực ${window}) trong ${seconds.toFixed(1)} giây:\n` +
        `  thêm mới ${report.added}, thay đổi ${report.changed}, đóng ${report.closed}, không đổi ${report.unchanged}` +
        (report.successions ? `, liên kết sáp nhập ${report.successions}` : ''),
    );
  });

units
  .command('stats')
  .description('Số đơn vị còn hiệu lực tại một ngày, theo cấp')
  .option('--at <date>', 'ngày (mặc định: hôm nay)', date)
  .option('--json', 'in kết quả dạng JSON')
  .action(async (opts: { at?: string; json?: boolean }) => {
    const at = opts.at ?? todayInVietnam();
    const counts = await withDatabase((d) => countUnitsByLevel(d.db, at));
    const ordered = Object.fromEntries(['province', 'district', 'commune'].filter((k) => counts[k]).map((k) => [k, counts[k]]));
    if (opts.json) return console.log(JSON.stringify(ordered));
    console.log(`Tại ngày ${at}: ${ordered.province ?? 0} tỉnh/thành phố, ${ordered.district ?? 0} huyện/quận, ${ordered.commune ?? 0} xã/phường/đặc khu`);
  });

const users = program.command('users').description('Người dùng');
users
  .command('create')
  .description('Tạo người dùng với một vai trò trên một tổ chức; mật khẩu đọc từ đầu vào chuẩn (stdin)')
  .requiredOption('--username <username>', 'tên đăng nhập')
  .requiredOption('--unit <code>', 'mã đơn vị hành chính nơi tổ chức đóng (VN cho Trung ương)')
  .addOption(new Option('--org <kind>', 'loại tổ chức').choices([...ORG_KINDS]).makeOptionMandatory())
  .addOption(new Option('--role <role>', 'vai trò').choices([...ROLES]).makeOptionMandatory())
  .option('--full-name <name>', 'họ tên')
  .option('--email <email>', 'thư điện tử')
  .action(async (opts: { username: string; unit: string; org: OrgKind; role: Role; fullName?: string; email?: string }) => {
    const password = await readStdin();
    const user = await withDatabase(async (d) => {
      const unit = await findUnitByCode(d.db, opts.unit, todayInVietnam());
      if (!unit) throw new AppError(404, 'UNIT_NOT_FOUND', `Không có đơn vị hành chính mã ${opts.unit} đang có hiệu lực.`);
      const orgs = (await findOrganizationsAtUnit(d.db, unit.level, unit.code)).filter((o) => o.kind === opts.org && o.validTo === null);
      if (!orgs.length) throw new AppError(404, 'ORGANIZATION_NOT_FOUND', `${unit.fullName} chưa có tổ chức loại ${opts.org}.`);
      const body = CreateUserBody.parse({
        username: opts.username,
        fullName: opts.fullName ?? opts.username,
        email: opts.email ?? null,
        password,
        locale: 'vi',
        grants: [{ organizationId: orgs[0].id, role: opts.role }],
      });
      return createUser(d.db, CLI, body);
    });
    console.log(`Đã tạo người dùng ${user.username} (${opts.role}) tại ${user.grants[0]?.organizationName}.`);
  });

registerSynthesize(program);
registerDrafts(program);
registerComments(program);

program.exitOverride();
try {
  await program.parseAsync(process.argv);
} catch (err) {
  const e = err as { code?: string; exitCode?: number; message?: string; details?: unknown };
  if (e.code?.startsWith('commander.')) process.exit(e.exitCode ?? 1);
  if (err instanceof AppError) {
    console.error(`Lỗi (${err.code}): ${err.message}`);
    if (err.code === 'VALIDATION_FAILED' && err.details) console.error(JSON.stringify(err.details));
  } else if ((err as { name?: string }).name === 'ZodError') {
    console.error(`Lỗi (VALIDATION_FAILED): ${(err as { issues: { path: unknown[]; message: string }[] }).issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  } else {
    console.error(`Lỗi: ${e.message ?? err}`);
  }
  process.exit(1);
}
