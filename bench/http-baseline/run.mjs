// The ceiling itself: how fast a bare Fastify route answers on this machine, load from another process.
// Usage: node scripts/bench.mjs http-baseline [--runs N] [--duration S] [--connections C]

import os from 'node:os';
import { parseArgs } from 'node:util';
import { measureHttpBaseline } from '../lib/baseline.mjs';
import { writeResult } from '../lib/results.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');

// Recorded because other work on this shared machine depresses the figures; a high value explains an outlier.
const loadAvg = os.loadavg()[0].toFixed(2);
const b = await measureHttpBaseline({
  runs,
  durationS: Number(values.duration),
  connections: Number(values.connections),
  log: (m) => console.error(m),
});

const non2xx = b.samples.reduce((n, s) => n + s.non2xx, 0);
const errors = b.samples.reduce((n, s) => n + s.errors, 0);
const { file, result } = writeResult('http-baseline', {
  params: b.params,
  runs,
  figures: { reqPerS: b.reqPerS, p99Ms: b.p99Ms },
  // This scenario is the ceiling others are compared with; its only aim is that every request succeeded.
  ceiling: null,
  ratio: null,
  aim: { non2xx: '== 0', errors: '== 0' },
  met: non2xx === 0 && errors === 0,
  notes:
    `Fastify ${(await import('fastify/package.json', { with: { type: 'json' } })).default.version}, GET /baseline -> {"ok":true}, logger off, ` +
    `server and autocannon in two separate child processes sharing the machine's cores; ` +
    `${b.samples.reduce((n, s) => n + s.total, 0)} requests measured, ${non2xx} non-2xx, ${errors} errors; 1-min load average before the runs: ${loadAvg}.`,
});
console.log(JSON.stringify(result, null, 2));
console.error(`wrote ${file}`);
