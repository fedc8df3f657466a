// Installs dependencies when node_modules is missing or older than package-lock.json (npm rewrites
// node_modules/.package-lock.json on every install). Shared by `npm start`, `npm test` and the `dany` command.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function depsStale(root) {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(marker)) return true;
  return fs.statSync(path.join(root, 'package-lock.json')).mtimeMs > fs.statSync(marker).mtimeMs;
}

export function ensureDeps(root) {
  if (!depsStale(root)) return;
  console.error('Đang cài đặt các gói phụ thuộc (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error('npm ci thất bại.');
    process.exit(r.status ?? 1);
  }
}
