#!/usr/bin/env node
// Builds what `npm start` serves: the server and the `dany` CLI as Node bundles (esbuild, dependencies left
// external), and the web app (Vite) into dist/web. `--server-only` skips the web app; `--if-stale` builds only
// when a source file is newer than the last build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const args = new Set(process.argv.slice(2));
const serverOnly = args.has('--server-only');

function newestMtime(entries) {
  let newest = 0;
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  entries.forEach(walk);
  return newest;
}

const serverInputs = ['src/server', 'src/modules', 'src/shared', 'src/cli', 'package-lock.json'];
const webInputs = ['src/web', 'src/modules', 'src/shared', 'index.html', 'vite.config.ts', 'package-lock.json'];
const stamp = (name) => path.join('dist', `.${name}-built`);
const stale = (name, inputs) => !fs.existsSync(stamp(name)) || newestMtime(inputs) > fs.statSync(stamp(name)).mtimeMs;

async function buildServer() {
  const esbuild = await import('esbuild');
  const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };
  await esbuild.build({ ...common, entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js' });
  await esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' });
  fs.writeFileSync(stamp('server'), new Date().toISOString());
}

function buildWeb() {
  const r = spawnSync(process.execPath, [path.join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(stamp('web'), new Date().toISOString());
}

fs.mkdirSync('dist', { recursive: true });
const ifStale = args.has('--if-stale');
if (!ifStale || stale('server', serverInputs)) {
  console.error('Đang biên dịch máy chủ và công cụ dòng lệnh…');
  await buildServer();
}
if (!serverOnly && fs.existsSync('index.html') && (!ifStale || stale('web', webInputs))) {
  console.error('Đang biên dịch giao diện web…');
  buildWeb();
}
