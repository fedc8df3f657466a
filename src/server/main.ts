// Starts the server: reads the configuration, opens and migrates the database, seeds an empty one, listens.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { bootstrap } from './bootstrap';
import { readConfig } from './config';
import { openDatabase } from './db';
import { createMailer } from './mail';
import { startReminderLoop } from '../modules/reporting/reminders.worker';

const config = readConfig();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: 'dany server' });
const boot = await bootstrap(database.db, { adminPassword: config.adminPassword, seedDemo: config.seedDemo, samples: config.seedSamples, sharedDataDir: path.resolve(root, config.sharedDataDir) });
const app = await buildApp({ database, webDir: path.join(root, 'dist', 'web'), logger: { level: config.logLevel } });
const mailer = createMailer();
const reminders = process.env.REMINDERS === '0' ? null : startReminderLoop(database.db, mailer, app.log);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  const timer = setTimeout(() => process.exit(1), 20_000);
  try {
    await reminders?.stop();
    await app.close();
    mailer?.close();
    await database.close();
  } finally {
    clearTimeout(timer);
  }
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
const url = `http://localhost:${config.port}`;
const lines = [
  '',
  `  Dân Ý đang chạy tại ${url}   (cơ sở dữ liệu: ${database.kind}, ${database.location})`,
  `  Tài liệu API: ${url}/api/docs`,
];
if (boot.adminCreated) {
  lines.push(`  Đăng nhập: admin / ${boot.generatedPassword ?? '(mật khẩu trong ADMIN_PASSWORD)'}`);
  if (boot.generatedPassword) lines.push('  (Mật khẩu này chỉ hiện một lần. Hãy ghi lại.)');
  if (boot.demoSeeded) {
    lines.push('  Người dùng mẫu (cùng mật khẩu với admin):');
    for (const u of boot.demoUsers) lines.push(`    - ${u.username.padEnd(16)} ${u.role.padEnd(12)} ${u.organization}`);
  }
} else {
  lines.push('  Đăng nhập bằng tài khoản đã có (admin nếu chưa đổi).');
}
console.log(lines.join('\n') + '\n');
