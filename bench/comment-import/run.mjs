#!/usr/bin/env node
// comment-import: one million comment rows from CSV and from XLSX through `dany comments import` on PostgreSQL
// (every row checked against the consultation, streamed to the database with COPY in one transaction), against a raw
// COPY of the same rows into the comment table itself in the same run (psql \copy): rows/s and the ratio.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { startThrowawayPostgres } from '../../scripts/pg-throwaway.mjs';
import { mulberry32, readDevComments } from '../lib/comments.mjs';
import { buildConsultationTarget } from '../lib/target.mjs';
import { repoRoot, stats, writeResult } from '../lib/results.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, rows: { type: 'string', default: '1000000' } } });
const runs = Number(values.runs);
const rowCount = Number(values.rows);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dany-bench-import-'));
fs.chmodSync(work, 0o755);
execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--server-only'], { cwd: repoRoot, stdio: 'inherit' });
const target = await buildConsultationTarget();

// The same rows three ways: the template's CSV, the template's XLSX, and the stored columns for COPY.
const SECTIONS = ['I.1', 'I.2', 'II.1', 'II.2', ''];
const STRATA = ['Nông dân', 'Công nhân', 'Phụ nữ', 'Thanh niên', 'Cựu chiến binh', ''];
const STRATUM_CODES = { 'Nông dân': 'nong_dan', 'Công nhân': 'cong_nhan', 'Phụ nữ': 'phu_nu', 'Thanh niên': 'thanh_nien', 'Cựu chiến binh': 'cuu_chien_binh', '': '' };
const csvCell = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
function writeInputs(ids) {
  const dev = readDevComments();
  const rnd = mulberry32(7);
  const csv = fs.openSync(path.join(work, 'rows.csv'), 'w');
  const raw = fs.openSync(path.join(work, 'raw.csv'), 'w');
  fs.writeSync(csv, 'Nội dung góp ý,Dự thảo,Mục,Thành phần,Số người\n');
  let a = '';
  let b = '';
  const rows = [];
  for (let i = 0; i < rowCount; i++) {
    const text = dev[Math.floor(rnd() * dev.length)].text.replace(/\s+/g, ' ').trim();
    const section = SECTIONS[i % SECTIONS.length];
    const stratum = STRATA[i % STRATA.length];
    const weight = 1 + (i % 3);
    a += `${csvCell(text)},1,${section},${stratum},${weight}\n`;
    b += `${ids.consultationId},${ids.draftId},${ids.draftVersionId},${section},${csvCell(text)},sheet,${ids.organizationId},${STRATUM_CODES[stratum]},${weight},${ids.madeOn}\n`;
    if (i < rowCount) rows.push([text, 1, section, stratum, weight]);
    if (a.length > 1 << 20) {
      fs.writeSync(csv, a);
      fs.writeSync(raw, b);
      a = b = '';
    }
  }
  fs.writeSync(csv, a);
  fs.writeSync(raw, b);
  fs.closeSync(csv);
  fs.closeSync(raw);
  return rows;
}

async function writeXlsx(rows) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(work, 'rows.xlsx'), useSharedStrings: false });
  const ws = wb.addWorksheet('Ý kiến');
  ws.addRow(['Nội dung góp ý', 'Dự thảo', 'Mục', 'Thành phần', 'Số người']).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}

const server = await startThrowawayPostgres({ settings: { fsync: 'on', max_wal_size: '4GB' } });
let written;
try {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench_import');
  const pgVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
  await admin.end();
  const url = new URL(server.url);
  url.pathname = '/bench_import';
  const env = { ...process.env, DATABASE_URL: url.toString(), DANY_SHARED_DATA: path.resolve(repoRoot, '../shared/data') };
  const [consultationId, organizationId] = execFileSync(process.execPath, [target, 'setup', '1', path.join(work, 'p.jsonl')], { cwd: repoRoot, env, encoding: 'utf8' }).trim().split('\n').pop().split(' ').map(Number);
  const db = new pg.Client({ connectionString: url.toString() });
  db.on('error', () => {}); // the server is stopped under it at the end
  await db.connect();
  const { d: draftId, v: draftVersionId } = (
    await db.query('SELECT c.draft_id::int AS d, v.id::int AS v FROM consultation_draft c JOIN draft_version v ON v.draft_id = c.draft_id WHERE c.consultation_id = $1 ORDER BY v.id DESC LIMIT 1', [consultationId])
  ).rows[0];
  const madeOn = (await db.query(`SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS d`)).rows[0].d;

  console.error(`writing ${rowCount} rows as CSV and XLSX…`);
  const rows = writeInputs({ consultationId, organizationId, draftId, draftVersionId, madeOn });
  await writeXlsx(rows);
  rows.length = 0;

  // Each import starts from the same state as the COPY (no earlier run's rows): the rows are counted, then removed.
  const storedCounts = [];
  const importRun = async (file) => {
    const out = execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'comments', 'import', file, '--consultation', String(consultationId), '--org', String(organizationId), '--force', '--json'], { cwd: repoRoot, env, encoding: 'utf8', maxBuffer: 64 << 20 });
    const r = JSON.parse(out.trim().split('\n').pop());
    if (r.imported !== rowCount) throw new Error(`imported ${r.imported} of ${rowCount} rows: ${JSON.stringify(r.errors.slice(0, 3))}`);
    const stored = (await db.query('SELECT count(*)::int AS n FROM comment WHERE consultation_id = $1', [consultationId])).rows[0].n;
    if (stored !== rowCount) throw new Error(`${stored} rows stored after importing ${rowCount}`);
    storedCounts.push(stored);
    await db.query('TRUNCATE comment CASCADE');
    return r.seconds;
  };
  // The ceiling: psql's COPY of the same rows, already mapped to the columns an import stores, into `comment`
  // itself — the same table, keys, indexes, foreign keys and WAL — with none of our reading or checking.
  const STORED = 'consultation_id, draft_id, draft_version_id, section_address, body, channel, organization_id, stratum, weight, made_on';
  const copyRun = async () => {
    const started = performance.now();
    execFileSync('psql', [url.toString(), '-v', 'ON_ERROR_STOP=1', '-c', `\\copy comment (${STORED}) FROM '${path.join(work, 'raw.csv')}' WITH (FORMAT csv, NULL '')`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const seconds = (performance.now() - started) / 1000;
    await db.query('TRUNCATE comment CASCADE');
    return seconds;
  };
  const figures = { csv: [], xlsx: [], copy: [] };
  for (let i = 0; i <= runs; i++) {
    const copyS = await copyRun();
    const csvS = await importRun(path.join(work, 'rows.csv'));
    const xlsxS = await importRun(path.join(work, 'rows.xlsx'));
    console.error(`${i === 0 ? 'warm-up' : `run ${i}/${runs}`}: COPY ${copyS.toFixed(1)} s, CSV ${csvS.toFixed(1)} s, XLSX ${xlsxS.toFixed(1)} s`);
    if (i > 0) {
      figures.copy.push(rowCount / copyS);
      figures.csv.push(rowCount / csvS);
      figures.xlsx.push(rowCount / xlsxS);
    }
  }
  await db.end();
  const result = { csvRowsPerS: stats(figures.csv), xlsxRowsPerS: stats(figures.xlsx), copyRowsPerS: stats(figures.copy) };
  const ratio = result.csvRowsPerS.median / result.copyRowsPerS.median;
  written = writeResult('comment-import', {
    params: { rows: rowCount, database: 'PostgreSQL, fsync on', batch: 5000, columns: 'Nội dung góp ý, Dự thảo, Mục, Thành phần, Số người' },
    runs,
    figures: { ...result, xlsxRatio: Math.round((result.xlsxRowsPerS.median / result.copyRowsPerS.median) * 100) / 100, storedRowsPerImport: [...new Set(storedCounts)] },
    ceiling: { name: 'raw COPY of the same rows (psql \\copy, CSV, mapped to the stored columns) into the comment table itself', rowsPerS: { median: result.copyRowsPerS.median } },
    ratio,
    aim: { ratio: '>= 0.5 for CSV' },
    met: ratio >= 0.5,
    db: `postgres ${pgVersion}`,
    notes:
      `Whole \`dany comments import FILE --force --json\` process per file (read, stream-parse, check every row against the consultation's drafts and sections, ` +
      `batches of 5,000 stored with COPY FROM STDIN in one transaction, the next batch parsed while the last is stored; commit); COPY loads the already-mapped columns with no checks. ` +
      `After each import the consultation held exactly ${rowCount} rows (counted), which were then truncated so every run starts from the state the COPY starts from. 1-min load average at the end: ${os.loadavg()[0].toFixed(2)}.`,
  });
  console.log(JSON.stringify(written.result.figures, null, 2));
} catch (err) {
  console.error(err.stderr ?? '', err.message);
  process.exitCode = 1;
} finally {
  await server.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
