// temporary profiling driver (not committed)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startThrowawayPostgres } from '../scripts/pg-throwaway.mjs';
import { runLoad } from './lib/load.mjs';
import { startServerProcess } from './lib/server.mjs';
import { buildConsultationTarget } from './lib/target.mjs';
import { repoRoot } from './lib/results.mjs';
const target = await buildConsultationTarget();
const server = await startThrowawayPostgres({ settings: { fsync: 'on', synchronous_commit: 'on', max_connections: '100' } });
const n = Number(process.env.N ?? 30000);
try {
  const admin = new pg.Client({ connectionString: server.url }); await admin.connect(); await admin.query('CREATE DATABASE b'); await admin.end();
  const url = new URL(server.url); url.pathname = '/b';
  const env = { DATABASE_URL: url.toString(), DB_POOL_MAX: process.env.POOL ?? '20', DANY_SHARED_DATA: path.resolve(repoRoot, '../shared/data') };
  const payloadFile = '/tmp/prof/payloads.jsonl';
  const id = Number(execFileSync(process.execPath, [target, 'setup', String(n), payloadFile], { cwd: repoRoot, env: { ...process.env, ...env }, encoding: 'utf8' }).trim().split('\n').pop().split(' ')[0]);
  const nodeArgs = process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [];
  const app = await startServerProcess(target, { args: ['serve'], env, nodeArgs });
  let sent = 0;
  const cpu = () => { const out = {}; for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) { try { const st = fs.readFileSync(`/proc/${pid}/stat`, 'utf8'); const comm = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')')); const f = st.slice(st.lastIndexOf(')') + 2).split(' '); const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '); const k = pid == app.pid ? 'server' : comm.startsWith('postgres') ? 'postgres' : cmd.includes('load.mjs') ? 'load' : 'other'; out[k] = (out[k] ?? 0) + Number(f[11]) + Number(f[12]); } catch {} } return out; };
  for (let i = 0; i < 3; i++) {
    const s = await runLoad({ url: `${app.url}/api/v1/public/consultations/${id}/comments`, connections: 50, durationS: i === 0 ? 3 : 8, requestsModule: path.join(repoRoot, 'bench/comment-ingest/requests.mjs'), payloadFile, path: `/api/v1/public/consultations/${id}/comments`, startAt: sent });
    sent += s.total + s.errors;
    if (i === 0) globalThis.c0 = cpu();
    if (i === 1) { const c1 = cpu(); const d = {}; for (const k in c1) d[k] = ((c1[k] - (globalThis.c0[k] ?? 0)) / 100 / 8).toFixed(2); console.log('cores used during run 1 (load process ends, so its figure is lost):', JSON.stringify(d)); }
    console.log(`run ${i}: ${Math.round(s.reqPerS)} req/s p50 ${s.latencyMs.p50} p99 ${s.latencyMs.p99} 2xx ${s.ok2xx} non2xx ${s.non2xx}`);
  }
  await app.stop();
} finally { await server.stop(); }
