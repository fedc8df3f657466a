#!/usr/bin/env node
// comment-ingest: citizens' comments posted to the public portal on PostgreSQL, each acknowledged only after a
// durable commit (fsync on), under load from a separate process; req/s and p99 against the http-baseline ceiling
// measured in the same run. Afterwards the comments in the database must equal the acknowledged ones.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startThrowawayPostgres } from '../../scripts/pg-throwaway.mjs';
import { measureHttpBaseline } from '../lib/baseline.mjs';
import { measureDurableFloor } from '../lib/durable-floor.mjs';
import { runLoad } from '../lib/load.mjs';
import { startServerProcess } from '../lib/server.mjs';
import { buildConsultationTarget } from '../lib/target.mjs';
import { repoRoot, stats, writeResult } from '../lib/results.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' }, payloads: { type: 'string', default: '240000' } } });
const runs = Number(values.runs);
const durationS = Number(values.duration);
const connections = Number(values.connections);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dany-bench-ingest-'));
const target = await buildConsultationTarget();

const server = await startThrowawayPostgres({ settings: { fsync: 'on', synchronous_commit: 'on', max_connections: '100' } });
let result;
try {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench_ingest');
  await admin.query('CREATE DATABASE bench_floor');
  const pgVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
  await admin.end();
  const url = new URL(server.url);
  url.pathname = '/bench_ingest';
  const env = { DATABASE_URL: url.toString(), DB_POOL_MAX: '20', DANY_SHARED_DATA: path.resolve(repoRoot, '../shared/data') };
  const payloadFile = path.join(work, 'payloads.jsonl');
  console.error(`setting up and solving ${values.payloads} proofs of work…`);
  const consultationId = Number(execFileSync(process.execPath, [target, 'setup', values.payloads, payloadFile], { cwd: repoRoot, env: { ...process.env, ...env }, encoding: 'utf8' }).trim().split('\n').pop().split(' ')[0]);

  console.error('measuring the http-baseline ceiling…');
  const ceiling = await measureHttpBaseline({ runs, durationS, connections, log: (m) => console.error(m) });

  console.error('measuring the durable-write floor…');
  const floorUrl = new URL(server.url);
  floorUrl.pathname = '/bench_floor';
  const floor = await measureDurableFloor({ databaseUrl: floorUrl.toString(), payloadFile, runs, durationS, connections, log: (m) => console.error(m) });
  if (floor.stored < floor.acknowledged) throw new Error(`durable floor: ${floor.acknowledged} acknowledged but ${floor.stored} stored`);

  const app = await startServerProcess(target, { args: ['serve'], env });
  const samples = [];
  let acknowledged = 0;
  let sent = 0;
  try {
    for (let i = 0; i <= runs; i++) {
      const s = await runLoad({ url: `${app.url}/api/v1/public/consultations/${consultationId}/comments`, connections, durationS: i === 0 ? 3 : durationS, requestsModule: path.join(here, 'requests.mjs'), payloadFile, path: `/api/v1/public/consultations/${consultationId}/comments`, startAt: sent });
      sent += s.total + s.errors;
      acknowledged += s.ok2xx;
      console.error(`${i === 0 ? 'warm-up' : `run ${i}/${runs}`}: ${Math.round(s.reqPerS)} req/s, p99 ${s.latencyMs.p99} ms, 2xx ${s.ok2xx}, non2xx ${s.non2xx}, errors ${s.errors}`);
      if (i > 0) samples.push(s);
    }
  } finally {
    await app.stop();
  }
  // A payload sent twice is a retry (answered as a duplicate, nothing stored): the runs must not run out of them.
  if (sent > Number(values.payloads)) throw new Error(`${sent} requests sent but only ${values.payloads} distinct payloads: raise --payloads`);
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  // Every comment of one statement carries that transaction's time: distinct times count the group commits.
  const { n: stored, commits } = (await c.query('SELECT count(*)::int AS n, count(DISTINCT created_at)::int AS commits FROM comment WHERE consultation_id = $1', [consultationId])).rows[0];
  await c.end();
  const figures = { reqPerS: stats(samples.map((s) => s.reqPerS)), p99Ms: stats(samples.map((s) => s.latencyMs.p99)), acknowledged, stored };
  const ratio = figures.reqPerS.median / ceiling.reqPerS.median;
  const floorRatio = floor.reqPerS.median / ceiling.reqPerS.median;
  const non2xx = samples.reduce((n, s) => n + s.non2xx, 0);
  result = writeResult('comment-ingest', {
    params: { connections, durationS, runs, database: 'PostgreSQL, fsync on, synchronous_commit on', pool: 20, payloads: Number(values.payloads) },
    runs,
    figures: {
      ...figures,
      commits,
      meanBatch: Math.round((stored / commits) * 10) / 10,
      // Not a ceiling BENCHMARKS.md names, but measured in the same run on the same database server: the cheapest
      // durable write there is (group commit of the raw body into a table with only a primary key, no checks at all).
      durableFloor: { reqPerS: floor.reqPerS, p99Ms: floor.p99Ms, ratioToCeiling: Math.round(floorRatio * 100) / 100, scenarioShare: Math.round((figures.reqPerS.median / floor.reqPerS.median) * 100) / 100 },
    },
    ceiling: { name: 'http-baseline', reqPerS: { median: ceiling.reqPerS.median }, p99Ms: { median: ceiling.p99Ms.median } },
    ratio,
    aim: { ratio: '>= 0.5', p99Ms: '<= 50', stored: 'every acknowledged comment stored; at most the in-flight requests at each cut-off more' },
    met: ratio >= 0.5 && figures.p99Ms.median <= 50 && stored >= acknowledged && stored - acknowledged <= connections * (runs + 1),
    db: `postgres ${pgVersion}`,
    notes:
      `POST /api/v1/public/consultations/:id/comments with a distinct solved ALTCHA challenge and idempotency key per request ` +
      `(HMAC and key checks as in production; the solver's counter range is 1–2 because that work is the citizen's phone's). ` +
      `Each comment: validation, proof-of-work check, draft/section/commune checks against a 5-second in-process cache, then group commit: the comments that arrive while earlier ones are being committed (at most 2 commits in flight) are stored by one statement that spends their challenges and stores them only while the consultation is open, and each request is answered after that statement's commit. ` +
      `${stored} comments were stored by ${commits} commits (mean ${(stored / commits).toFixed(1)} per commit). ` +
      `${non2xx} non-2xx in measured runs. Rows counted after the runs: ${stored}; acknowledged (2xx, warm-up included): ${acknowledged}; the difference is requests committed but cut off by the load generator's stop before their answer arrived (≤ ${connections} per run). ` +
      `The durable-write floor measured in the same run (Fastify without logging, group commit of the raw body into a table with only a primary key: no parsing, validation, proof of work, idempotency, rate limit or headers) reached ${Math.round(floor.reqPerS.median)} req/s, a ratio of ${floorRatio.toFixed(2)} to http-baseline${floorRatio < 0.5 ? ': no route that stores a comment durably reaches 0.5 on this machine' : ''}; this scenario does ${((figures.reqPerS.median / floor.reqPerS.median) * 100).toFixed(0)}% of the floor's rate. ` +
      `Where the time goes (CPU profile of the server): loopback socket writes to PostgreSQL and to the clients, garbage collection, zod validation, the proof-of-work HMACs, JSON parsing (the batch insert is a named prepared statement, parsed and planned once per connection); the server, the load generator and PostgreSQL each take a large share of the 2 cores, so the HTTP ceiling (one process answering a constant) is not within reach of a request that parses, checks and durably stores a comment. ` +
      `Server, load generator and PostgreSQL share the 2 cores; 1-min load average at the end: ${os.loadavg()[0].toFixed(2)}.`,
  });
} finally {
  await server.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(JSON.stringify(result.result, null, 2));
