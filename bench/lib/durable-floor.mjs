// Measures the durable-write floor (durable-floor-server.ts): the cheapest route that commits what it is posted
// before answering, on the same database server as the scenario. Its ratio to http-baseline is the most any
// ingest route can reach on this machine, so a scenario records it beside its own ratio.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runLoad } from './load.mjs';
import { startServerProcess } from './server.mjs';
import { stats } from './results.mjs';
import { buildBenchTarget } from './target.mjs';

const requestsModule = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'comment-ingest', 'requests.mjs');

/**
 * Posts the payloads of `payloadFile` (JSON lines, reused in a loop: the floor stores whatever it gets) to the floor
 * route, and checks afterwards that the rows stored cover every acknowledgement.
 * @returns {Promise<{reqPerS: {min,median,max}, p99Ms: {min,median,max}, acknowledged: number, stored: number}>}
 */
export async function measureDurableFloor({ databaseUrl, payloadFile, durationS = 10, connections = 50, runs = 3, warmupS = 3, log = () => {} }) {
  const script = await buildBenchTarget('durable-floor-server');
  const server = await startServerProcess(script, { env: { DATABASE_URL: databaseUrl } });
  const samples = [];
  let acknowledged = 0;
  try {
    for (let i = 0; i <= runs; i++) {
      if (i === 0 && !warmupS) continue;
      const s = await runLoad({ url: `${server.url}/floor`, connections, durationS: i === 0 ? warmupS : durationS, requestsModule, payloadFile, path: '/floor', startAt: 0 });
      acknowledged += s.ok2xx;
      log(`durable-floor: ${i === 0 ? 'warm-up' : `run ${i}/${runs}`}: ${Math.round(s.reqPerS)} req/s, p99 ${s.latencyMs.p99} ms, non2xx ${s.non2xx}, errors ${s.errors}`);
      if (i > 0) samples.push(s);
    }
  } finally {
    await server.stop();
  }
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const stored = (await c.query('SELECT count(*)::int AS n FROM floor_write')).rows[0].n;
  await c.end();
  return { reqPerS: stats(samples.map((s) => s.reqPerS)), p99Ms: stats(samples.map((s) => s.latencyMs.p99)), acknowledged, stored };
}
