#!/usr/bin/env node
// `npm test`: typecheck, then the whole Vitest suite twice — on PGlite (in-process, what development mostly
// runs on) and on a real throwaway PostgreSQL (what production runs on) — because the two must agree.
//
// Extra arguments go to both Vitest runs: `npm test -- src/modules/units`.
// DANY_TEST_ONLY=pglite|postgres runs a single pass.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const vitestArgs = process.argv.slice(2);
const only = process.env.DANY_TEST_ONLY || '';
if (only && only !== 'pglite' && only !== 'postgres') {
  console.error(`DANY_TEST_ONLY must be "pglite" or "postgres", got "${only}"`);
  process.exit(2);
}

const header = (title) => console.log(`\n========== ${title} ==========\n`);

function run(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    child.on('error', (err) => {
      console.error(`${cmd}: ${err.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const results = [];
const record = (name, code) => results.push({ name, code });
// Each Vitest pass also writes a JSON report, so the summary can end with one plain "N passed, N failed" line.
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dany-test-report-'));
const counts = { passed: 0, failed: 0, skipped: 0 };
function vitestArgsFor(pass) {
  return ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reportDir, `${pass}.json`)}`, ...vitestArgs];
}
function countReport(pass) {
  try {
    const r = JSON.parse(fs.readFileSync(path.join(reportDir, `${pass}.json`), 'utf8'));
    counts.passed += r.numPassedTests ?? 0;
    counts.failed += r.numFailedTests ?? 0;
    counts.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  } catch {
    counts.failed += 1;
  }
}

ensureDeps(root);

header('typecheck (tsc --noEmit)');
record('typecheck', await run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']));

// Neither pass may inherit the other's database: a stray TEST_DATABASE_URL would point PGlite tests at a server.
const baseEnv = { ...process.env };
delete baseEnv.TEST_DATABASE_URL;

if (only !== 'postgres') {
  header('vitest on PGlite (DANY_TEST_DB=pglite)');
  record('vitest pglite', await run('npx', vitestArgsFor('pglite'), { ...baseEnv, DANY_TEST_DB: 'pglite' }));
  countReport('pglite');
}

if (only !== 'pglite') {
  header('vitest on PostgreSQL (DANY_TEST_DB=postgres)');
  // Imported only now: a fresh checkout has just had its dependencies installed above.
  const { startThrowawayPostgres } = await import('./pg-throwaway.mjs');
  let pg;
  try {
    pg = await startThrowawayPostgres({ log: (m) => console.log(m) });
    const env = { ...baseEnv, DANY_TEST_DB: 'postgres', TEST_DATABASE_URL: pg.url };
    record('vitest postgres', await run('npx', vitestArgsFor('postgres'), env));
    countReport('postgres');
  } catch (err) {
    console.error(err.message);
    record('vitest postgres', 1);
  } finally {
    await pg?.stop();
  }
}

header('summary');
for (const r of results) console.log(`${r.name.padEnd(16)} ${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`}`);
fs.rmSync(reportDir, { recursive: true, force: true });
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
