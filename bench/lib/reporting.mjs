// Shared by the reporting benchmarks: a throwaway PostgreSQL with the reporting target's data, the app server on
// it, and a signed-in session for the load generator.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { startThrowawayPostgres } from '../../scripts/pg-throwaway.mjs';
import { startServerProcess } from './server.mjs';
import { buildBenchTarget, buildConsultationTarget } from './target.mjs';
import { repoRoot } from './results.mjs';

export async function reportingSetup(mode, log) {
  const [target, server] = [await buildBenchTarget('reporting-target'), await buildConsultationTarget()];
  const pgServer = await startThrowawayPostgres({ settings: { fsync: 'on', max_connections: '100' } });
  const admin = new pg.Client({ connectionString: pgServer.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench_reporting');
  const pgVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
  await admin.end();
  const url = new URL(pgServer.url);
  url.pathname = '/bench_reporting';
  const env = { DATABASE_URL: url.toString(), DB_POOL_MAX: '10', DANY_SHARED_DATA: path.resolve(repoRoot, '../shared/data'), REMINDERS: '0' };
  log(`setting up the ${mode} reporting data…`);
  const started = performance.now();
  const setup = JSON.parse(execFileSync(process.execPath, [target, mode], { cwd: repoRoot, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 }).trim().split('\n').pop());
  log(`set up in ${((performance.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(setup)}`);
  const app = await startServerProcess(server, { args: ['serve'], env });
  const login = await fetch(`${app.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(setup.user) });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  return {
    setup,
    app,
    cookie,
    pgVersion,
    async stop() {
      await app.stop();
      await pgServer.stop();
    },
  };
}
