#!/usr/bin/env node
// units-import: the national administrative-division import through the `dany` CLI, on PGlite and on
// PostgreSQL. Per run, on a fresh database: the 2025 file (3,355 units), the pre-2025 file as history
// (10,794 units), then a re-import of the 2025 file, which must change nothing. The figure is the import itself
// (the CLI reports it; opening the database is excluded and noted).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { repoRoot, stats, writeResult } from '../lib/results.mjs';
import { startThrowawayPostgres } from '../../scripts/pg-throwaway.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const data = path.resolve(repoRoot, '../shared/data/vn-units');
const FILES = {
  national2025: path.join(data, 'units-2025-two-level.json'),
  pre2025: path.join(data, 'units-pre2025-three-level.json'),
};
execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--server-only'], { cwd: repoRoot, stdio: 'inherit' });

function dany(env, ...args) {
  const out = execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), ...args], { cwd: repoRoot, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.trim().split('\n').pop());
}

function oneRun(env) {
  const a = dany(env, 'units', 'import', FILES.national2025, '--json');
  const b = dany(env, 'units', 'import', FILES.pre2025, '--json');
  const c = dany(env, 'units', 'import', FILES.national2025, '--json');
  const today = dany(env, 'units', 'stats', '--json');
  const old = dany(env, 'units', 'stats', '--at', '2025-06-30', '--json');
  const ok = a.added === 3355 && b.added === 10794 && c.added + c.changed + c.closed === 0 &&
    today.province === 34 && today.commune === 3321 && old.province === 63 && old.district === 696 && old.commune === 10035;
  if (!ok) throw new Error(`unexpected counts: ${JSON.stringify({ a, b, c, today, old })}`);
  return { national2025S: a.seconds, pre2025S: b.seconds, reimportS: c.seconds };
}

const figures = { pglite: [], postgres: [] };

// PGlite: initdb in WebAssembly is slow and not what we measure, so every run starts from a copy of one
// migrated, empty data directory.
const template = fs.mkdtempSync(path.join(os.tmpdir(), 'dany-bench-units-tpl-'));
dany({ DATA_DIR: template, DATABASE_URL: '' }, 'units', 'stats', '--json');
for (let i = 0; i <= runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dany-bench-units-'));
  fs.cpSync(template, dir, { recursive: true });
  const r = oneRun({ DATA_DIR: dir, DATABASE_URL: '' });
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`pglite run ${i === 0 ? 'warm-up' : i}: ${JSON.stringify(r)}`);
  if (i > 0) figures.pglite.push(r);
}
fs.rmSync(template, { recursive: true, force: true });

const server = await startThrowawayPostgres({ settings: { fsync: 'on' } });
let pgVersion = 'postgres';
try {
  for (let i = 0; i <= runs; i++) {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    pgVersion = `postgres ${(await admin.query('SHOW server_version')).rows[0].server_version}`;
    await admin.query(`CREATE DATABASE bench_units_${i}`);
    await admin.end();
    const url = new URL(server.url);
    url.pathname = `/bench_units_${i}`;
    const r = oneRun({ DATABASE_URL: url.toString() });
    console.log(`postgres run ${i === 0 ? 'warm-up' : i}: ${JSON.stringify(r)}`);
    if (i > 0) figures.postgres.push(r);
  }
} finally {
  await server.stop();
}

const pick = (list, key) => stats(list.map((r) => r[key]));
const result = {
  pglite: { national2025S: pick(figures.pglite, 'national2025S'), pre2025S: pick(figures.pglite, 'pre2025S'), reimportS: pick(figures.pglite, 'reimportS') },
  postgres: { national2025S: pick(figures.postgres, 'national2025S'), pre2025S: pick(figures.postgres, 'pre2025S'), reimportS: pick(figures.postgres, 'reimportS') },
};
const load = os.loadavg()[0].toFixed(2);
const met = result.pglite.national2025S.median <= 10 && result.postgres.national2025S.median <= 10;
const { file } = writeResult('units-import', {
  params: { files: ['units-2025-two-level.json (34 + 3,321)', 'units-pre2025-three-level.json (63 + 696 + 10,035)'], fsync: 'on (postgres)' },
  runs,
  figures: result,
  aim: { national2025S: '<= 10 on both databases' },
  met,
  db: `pglite 0.5 / ${pgVersion}`,
  notes: `Seconds for the import transaction only (CLI process start and database open excluded). Every run checked: 34/3,321 today, 63/696/10,035 on 2025-06-30, re-import changes nothing. 1-min load average at the end: ${load}.`,
});
console.log(`wrote ${file}`);
