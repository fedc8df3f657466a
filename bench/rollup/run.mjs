#!/usr/bin/env node
// rollup: a province's report pre-filled from its 100 commune Front committees' accepted reports of a 50-figure
// outline, on PostgreSQL: the latency of GET …/rollup as a client sees it (one request at a time, from another
// process), with the http-baseline route's latency measured the same way in the same run as the floor.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { runLoad } from '../lib/load.mjs';
import { reportingSetup } from '../lib/reporting.mjs';
import { measureHttpBaseline } from '../lib/baseline.mjs';
import { stats, writeResult } from '../lib/results.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, duration: { type: 'string', default: '10' } } });
const runs = Number(values.runs);
const durationS = Number(values.duration);
const log = (m) => console.error(m);

const env = await reportingSetup('province', log);
let result;
try {
  const { setup, app, cookie } = env;
  const path = `/api/v1/campaigns/${setup.campaignId}/periods/${setup.periodKey}/rollup?organizationId=${setup.organizationId}`;
  const check = await (await fetch(`${app.url}${path}`, { headers: { cookie } })).json();
  if (check.coverage.reported !== 100 || check.figures.length !== 50 || check.figures.some((f) => f.contributed !== 100)) throw new Error(`unexpected roll-up: ${JSON.stringify(check.coverage)}`);
  const samples = [];
  for (let i = 0; i <= runs; i++) {
    const s = await runLoad({ url: `${app.url}${path}`, connections: 1, durationS: i === 0 ? 3 : durationS, headers: { cookie } });
    if (s.non2xx || s.errors) throw new Error(`${s.non2xx} non-2xx, ${s.errors} errors`);
    log(`${i === 0 ? 'warm-up' : `run ${i}/${runs}`}: p50 ${s.latencyMs.p50} ms, p99 ${s.latencyMs.p99} ms (${Math.round(s.reqPerS)} req/s)`);
    if (i > 0) samples.push(s);
  }
  await env.app.stop();
  const ceiling = await measureHttpBaseline({ runs, durationS: 5, connections: 1, log });
  const figures = { p50Ms: stats(samples.map((s) => s.latencyMs.p50)), p99Ms: stats(samples.map((s) => s.latencyMs.p99)), reqPerS: stats(samples.map((s) => s.reqPerS)) };
  result = writeResult('rollup', {
    params: { units: 100, figures: 50, mode: 'accepted_only', durationS, runs, database: 'PostgreSQL' },
    runs,
    figures,
    ceiling: { name: 'http-baseline, one connection', reqPerS: { median: ceiling.reqPerS.median }, p99Ms: { median: ceiling.p99Ms.median } },
    ratio: Math.round((figures.reqPerS.median / ceiling.reqPerS.median) * 1000) / 1000,
    aim: { p50Ms: '<= 200' },
    met: figures.p50Ms.median <= 200 && figures.p99Ms.median <= 200,
    db: `postgres ${env.pgVersion}`,
    notes:
      `GET /api/v1/campaigns/:id/periods/:period/rollup?organizationId=<province> as the province's leader: loads the 100 reports' latest versions (50 integer figures and a text each), ` +
      `rolls every figure up (sum, contributors and missing units), gathers the texts under each unit's name and states the coverage (checked once: 100/100, 50 figures). ` +
      `One request at a time from a separate autocannon process; 1-min load average at the end: ${os.loadavg()[0].toFixed(2)}.`,
  });
} finally {
  await env.stop();
}
console.log(JSON.stringify(result.result.figures, null, 2));
