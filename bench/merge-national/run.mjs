#!/usr/bin/env node
// merge-national: 34 provincial Front committees each approve and send a synthesis; the central committee builds
// the national synthesis from them (groups matched across provinces by the engine, counts summed, every comment
// kept with its path). Timed from scratch each run on PostgreSQL.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startThrowawayPostgres } from '../../scripts/pg-throwaway.mjs';
import { buildConsultationTarget } from '../lib/target.mjs';
import { repoRoot, stats, writeResult } from '../lib/results.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'per-province': { type: 'string', default: '3000' } } });
const runs = Number(values.runs);
const perProvince = Number(values['per-province']);
const target = await buildConsultationTarget();
const server = await startThrowawayPostgres({ settings: { fsync: 'on' } });
try {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench_national');
  const pgVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
  await admin.end();
  const url = new URL(server.url);
  url.pathname = '/bench_national';
  console.error(`34 provinces × ${perProvince} comments: building and sending the provincial syntheses…`);
  const out = execFileSync(process.execPath, [target, 'national', String(perProvince), String(runs)], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, DATABASE_URL: url.toString(), DANY_SHARED_DATA: path.resolve(repoRoot, '../shared/data') } });
  const r = JSON.parse(out.trim().split('\n').pop());
  console.error(`national builds (s): ${r.seconds.map((s) => s.toFixed(2)).join(', ')} (first is the warm-up)`);
  const figures = { seconds: stats(r.seconds.slice(1)), provinces: r.provinces, provincialGroups: r.provincialGroups, nationalGroups: r.totals.groups, comments: r.totals.comments, coverage: r.coverage };
  const { result } = writeResult('merge-national', {
    params: { provinces: 34, commentsPerProvince: perProvince, database: 'PostgreSQL, fsync on' },
    runs,
    figures,
    aim: { seconds: '<= 5' },
    met: figures.seconds.median <= 5 && r.totals.comments === 34 * perProvince,
    db: `postgres ${pgVersion}`,
    notes:
      `buildSynthesis() of the central Front committee from the 34 sent provincial syntheses (service call in one process, one transaction): ` +
      `loads the received groups, groups them with the engine, inserts groups and all ${r.totals.comments} comments as members with their path. ` +
      `Provincial comments are the dev set's texts. Checked: every comment counted once (${r.totals.comments} = 34 × ${perProvince}); ${r.coverage}. 1-min load average at the end: ${os.loadavg()[0].toFixed(2)}.`,
  });
  console.log(JSON.stringify(result.figures, null, 2));
} finally {
  await server.stop();
}
