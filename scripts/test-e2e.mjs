#!/usr/bin/env node
// `npm run test:e2e`: builds the app, starts it on a free port with a throw-away embedded database (demo data
// seeded), runs the browser tests in test/e2e against it with Debian's Chromium, stops it, exits with the tests' code.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './lib/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'test-results');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const adminPassword = process.env.ADMIN_PASSWORD ?? 'e2e-admin-password-2025';
const healthTimeoutMs = Number(process.env.E2E_START_TIMEOUT_MS ?? 240_000);

function log(message) {
  console.log(`[e2e] ${message}`);
}

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    log(`"${cmd} ${args.join(' ')}" failed (${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}


// 1. Dependencies and the browser.
if (!fs.existsSync(path.join(root, 'node_modules'))) run('npm', ['ci']);
if (!fs.existsSync(chromium)) {
  console.error(`[e2e] Chromium not found at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

// 2. Build: the project's build script when there is one (server bundle and web app), else the two steps here.
if (!process.env.E2E_SKIP_BUILD) {
  if (fs.existsSync(path.join(root, 'scripts', 'build.mjs'))) {
    run(process.execPath, ['scripts/build.mjs']);
  } else {
    run('npx', ['vite', 'build']);
    run('npx', ['esbuild', 'src/server/main.ts', '--bundle', '--platform=node', '--format=esm', '--packages=external', '--outfile=dist/server.js', '--log-level=warning']);
  }
}
const serverEntry = path.join(root, 'dist', 'server.js');
if (!fs.existsSync(serverEntry)) {
  console.error('[e2e] dist/server.js is missing after the build.');
  process.exit(1);
}
if (!fs.existsSync(path.join(root, 'dist', 'web', 'index.html'))) {
  console.error('[e2e] dist/web/index.html is missing after the build.');
  process.exit(1);
}

// 3. A server of our own: free port, empty data directory, known administrator password, demo data.
log('starting the server (data in a throw-away directory); the first start of an empty database takes a while');
const started = Date.now();
let server;
try {
  server = await startServer({ root, adminPassword, logFile: path.join(resultsDir, 'e2e-server.log'), timeoutMs: healthTimeoutMs });
} catch (err) {
  console.error(`[e2e] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
const baseUrl = server.baseUrl;
log(`server ready on ${baseUrl} after ${Math.round((Date.now() - started) / 1000)}s`);

let exitCode = 1;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void server.stop().then(() => process.exit(130));
  });
}

try {
  // 4. The browser tests.
  const vitest = spawn('npx', ['vitest', 'run', '--config', 'test/e2e/vitest.e2e.config.ts', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BASE_URL: baseUrl, E2E_BASE_URL: baseUrl, ADMIN_PASSWORD: adminPassword, CHROMIUM_PATH: chromium, E2E_SCREENSHOT_DIR: path.join(resultsDir, 'e2e') },
  });
  exitCode = await new Promise((resolve) => vitest.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  log(`screenshots and axe reports: ${path.relative(root, path.join(resultsDir, 'e2e'))}/`);
} catch (err) {
  console.error(`[e2e] ${err instanceof Error ? err.message : err}`);
  exitCode = 1;
} finally {
  await server.stop();
}
process.exit(exitCode);
