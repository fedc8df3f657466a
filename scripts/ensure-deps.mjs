// Installs dependencies when node_modules is missing or does not hold what package-lock.json locks (npm writes
// node_modules/.package-lock.json on every install). Shared by `npm start`, `npm test` and the `dany` command.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Installed path → version for every package a lockfile holds (optional ones may be absent on this platform). */
function lockedVersions(file) {
  const { packages = {} } = JSON.parse(fs.readFileSync(file, 'utf8'));
  return new Map(Object.entries(packages).filter(([where, p]) => where.startsWith('node_modules/') && !p.optional).map(([where, p]) => [where, p.version]));
}

// Compared by content, not by time: a clone, a worktree or a branch switch touches package-lock.json without
// changing what it locks (and reinstalling through a node_modules shared by a symlink would wipe the other tree's).
export function depsStale(root) {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(marker)) return true;
  const installed = lockedVersions(marker);
  return [...lockedVersions(path.join(root, 'package-lock.json'))].some(([where, version]) => installed.get(where) !== version);
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
