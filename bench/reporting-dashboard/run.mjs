#!/usr/bin/env node
// reporting-dashboard: the completeness view of a national monthly campaign — 3,321 commune and 34 province Front
// committees × 12 periods of 2026, past months filled with submissions in every state — on PostgreSQL, under load
// from a separate process: p50, p95 (from the load generator's response times: autocannon's own percentiles skip it)
// and p97.5 latency, for the national view and for one province's drill-down, with the http-baseline ceiling
// measured in the same run for scale.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { measureHttpBaseline } from '../lib/baseline.mjs';
import { runLoad } from '../lib/load.mjs';
import { reportingSetup } from '../lib/reporting.mjs';
import { stats, writeResult } from '../lib/results.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } } });
const runs = Number(values.runs);
const durationS = Number(values.duration);
const connections = Number(values.connections);
/** Matrix rows per request: the completeness page's page size (PAGE_SIZE in src/modules/reporting/pages/CompletenessPage.tsx). */
const MATRIX_PAGE = 50;
const log = (m) => console.error(m);

const env = await reportingSetup('national', log);
let result;
try {
  const { setup, app, cookie } = env;
  const provinceFront = (await (await fetch(`${app.url}/api/v1/campaigns/${setup.campaignId}/completeness?limit=1`, { headers: { cookie } })).json()).children.find((c) => c.counts.expected > 50);
  const views = {
    // The page size the completeness page asks for (PAGE_SIZE in CompletenessPage.tsx).
    national: `/api/v1/campaigns/${setup.campaignId}/completeness?limit=${MATRIX_PAGE}`,
    province: `/api/v1/campaigns/${setup.campaignId}/completeness?organizationId=${provinceFront.organizationId}&limit=${MATRIX_PAGE}`,
  };
  // What the page shows, checked once: 12 periods, the expected count, 34 provinces in the drill-down.
  const national = await (await fetch(`${app.url}${views.national}`, { headers: { cookie } })).json();
  if (national.periods.length !== 12 || national.periods[0].expected !== setup.assignees || national.children.length < 34) throw new Error(`unexpected view: ${JSON.stringify(national).slice(0, 400)}`);
  const samples = { national: [], province: [] };
  for (let i = 0; i <= runs; i++) {
    for (const [name, path] of Object.entries(views)) {
      const s = await runLoad({ url: `${app.url}${path}`, connections, durationS: i === 0 ? 3 : durationS, headers: { cookie } });
      if (s.non2xx || s.errors) throw new Error(`${name}: ${s.non2xx} non-2xx, ${s.errors} errors`);
      log(`${i === 0 ? 'warm-up' : `run ${i}/${runs}`} ${name}: ${Math.round(s.reqPerS)} req/s, p50 ${s.latencyMs.p50} ms, p95 ${s.latencyMs.p95} ms, p97.5 ${s.latencyMs.p97_5} ms`);
      if (i > 0) samples[name].push(s);
    }
  }
  await env.app.stop();
  log('measuring the http-baseline ceiling…');
  const ceiling = await measureHttpBaseline({ runs, durationS, connections: 50, log });
  const fig = (list) => ({
    reqPerS: stats(list.map((s) => s.reqPerS)),
    p50Ms: stats(list.map((s) => s.latencyMs.p50)),
    p95Ms: stats(list.map((s) => s.latencyMs.p95)),
    p97_5Ms: stats(list.map((s) => s.latencyMs.p97_5)),
    p99Ms: stats(list.map((s) => s.latencyMs.p99)),
  });
  const figures = { national: fig(samples.national), province: fig(samples.province) };
  result = writeResult('reporting-dashboard', {
    params: { connections, durationS, runs, assignees: setup.assignees, periods: setup.periods, submissions: setup.submissions, matrixRowsPerPage: MATRIX_PAGE, database: 'PostgreSQL' },
    runs,
    figures,
    ceiling: { name: 'http-baseline', reqPerS: { median: ceiling.reqPerS.median }, p99Ms: { median: ceiling.p99Ms.median } },
    ratio: Math.round((figures.national.reqPerS.median / ceiling.reqPerS.median) * 1000) / 1000,
    aim: { p95Ms: '<= 100' },
    met: figures.national.p95Ms.median <= 100 && figures.province.p95Ms.median <= 100,
    db: `postgres ${env.pgVersion}`,
    notes:
      `GET /api/v1/campaigns/:id/completeness as the centre's leader: counts per period over ${setup.assignees} assignees × ${setup.periods} periods (${setup.submissions} submissions), ` +
      `each of the 34 provinces' counts for the latest due period (the drill-down), and the first ${MATRIX_PAGE} rows of the units × periods matrix (the page size the completeness page asks for); the province view is the same for one province's subtree. ` +
      `${connections} concurrent connections from a separate autocannon process. p95 is taken from the 2xx response times autocannon reports per request (the values its own histogram records; its percentiles skip p95), and p97.5 from autocannon, which bounds p95 from above. ` +
      `Server, load generator and PostgreSQL share the 2 cores; 1-min load average at the end: ${os.loadavg()[0].toFixed(2)}.`,
  });
} finally {
  await env.stop();
}
console.log(JSON.stringify(result.result.figures, null, 2));
