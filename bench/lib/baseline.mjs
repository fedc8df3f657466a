// Measures the http-baseline ceiling. Exported so that a scenario can measure it in the same invocation,
// right before its own runs, as BENCHMARKS.md asks.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad } from './load.mjs';
import { startServerProcess } from './server.mjs';
import { stats } from './results.mjs';

const serverScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'baseline-server.mjs');

/**
 * @returns {Promise<{params: object, reqPerS: {min,median,max}, p99Ms: {min,median,max}, samples: object[]}>}
 *   samples: the raw stats of each measured run (warm-up excluded).
 */
export async function measureHttpBaseline({ durationS = 10, connections = 50, runs = 3, warmupS = 3, log = () => {} } = {}) {
  const server = await startServerProcess(serverScript);
  try {
    const url = `${server.url}/baseline`;
    if (warmupS > 0) {
      log(`http-baseline: warm-up ${warmupS} s`);
      await runLoad({ url, connections, durationS: warmupS });
    }
    const samples = [];
    for (let i = 1; i <= runs; i++) {
      const s = await runLoad({ url, connections, durationS });
      log(`http-baseline: run ${i}/${runs}: ${Math.round(s.reqPerS)} req/s, p99 ${s.latencyMs.p99} ms, non2xx ${s.non2xx}, errors ${s.errors}`);
      samples.push(s);
    }
    return {
      params: { connections, durationS, warmupS },
      reqPerS: stats(samples.map((s) => s.reqPerS)),
      p99Ms: stats(samples.map((s) => s.latencyMs.p99)),
      samples,
    };
  } finally {
    await server.stop();
  }
}
