// The built server (dist/server.js) started for tests: a free port, a throw-away embedded database with the demo
// data, a log file; `stop()` ends it and removes its data. Used by `npm run test:e2e` and by browser tests that need
// a server of their own (e.g. with SMTP_URL pointing at a mail server the test runs).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './net.mjs';

async function waitForHealth(url, child, timeoutMs, logFile) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it was ready; see ${logFile}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs / 1000}s`);
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts dist/server.js under `root` and waits until /api/health answers. `env` is added to (and wins over) the
 * test environment: PORT, HOST, DATA_DIR, ADMIN_PASSWORD, DANY_SHARED_DATA, SEED_DEMO=1, an empty DATABASE_URL.
 */
export async function startServer({ root, adminPassword, env = {}, logFile, timeoutMs = 240_000 }) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dany-e2e-data-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: adminPassword,
      DANY_SHARED_DATA: path.resolve(root, '../shared/data'),
      SEED_DEMO: '1',
      DATABASE_URL: '',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...env,
    },
    stdio: ['ignore', log, log],
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopChild(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.closeSync(log);
  };
  try {
    await waitForHealth(`${baseUrl}/api/health`, child, timeoutMs, logFile);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, dataDir, stop };
}
