// HTTP load from a separate process (BENCHMARKS.md: never from inside the server, and on 2 cores the load
// generator must not share an event loop with the benchmark driver either).
//
// Parent: const r = await runLoad({ url, connections: 50, durationS: 10 });
// Child:  this same file run as `node bench/lib/load.mjs`, reading its options as JSON on stdin and writing
//         one line of JSON stats on stdout.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);

// This workplace allows load only against loopback; refuse anything else rather than trust every caller.
function assertLoopback(url) {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!(host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host))) {
    throw new Error(`load target must be on loopback, got ${host}`);
  }
}

/**
 * @param {object} o
 * @param {string} o.url
 * @param {number} [o.connections=50]
 * @param {number} [o.durationS=10]
 * @param {string} [o.method='GET']
 * @param {string|object} [o.body]  an object is sent as JSON (content-type set unless given)
 * @param {Record<string,string>} [o.headers]
 * @param {number} [o.pipelining=1]
 * @param {number} [o.timeoutS=10]  per-request timeout
 * @param {string} [o.requestsModule]  absolute path of a module whose `requests(opts)` export returns an
 *   autocannon `requests` array, for scenarios whose bodies vary per request (functions cannot cross processes)
 * @returns {Promise<{reqPerS:number, latencyMs:{avg:number,p50:number,p90:number,p95:number,p97_5:number,p99:number,max:number},
 *   total:number, ok2xx:number, non2xx:number, errors:number, timeouts:number, durationS:number}>}
 */
export function runLoad(o) {
  assertLoopback(o.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [self], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    // Bounded in time whatever happens to the target: a hung server must not hang the benchmark.
    const limitMs = ((o.durationS ?? 10) + (o.timeoutS ?? 10) + 30) * 1000;
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop();
      if (code === 0 && line) {
        try {
          return resolve(JSON.parse(line));
        } catch {}
      }
      reject(new Error(`load process failed (${signal ?? `exit ${code}`}): ${out.slice(-500)}`));
    });
    child.stdin.end(JSON.stringify(o));
  });
}

async function childMain() {
  const { default: autocannon } = await import('autocannon');
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const o = JSON.parse(input);
  assertLoopback(o.url);

  const headers = { ...(o.headers ?? {}) };
  let body = o.body;
  if (body !== undefined && typeof body !== 'string') {
    body = JSON.stringify(body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  const requests = o.requestsModule ? await (await import(pathToFileURL(path.resolve(o.requestsModule)).href)).requests(o) : undefined;

  const run = autocannon({
    url: o.url,
    connections: o.connections ?? 50,
    duration: o.durationS ?? 10,
    method: o.method ?? 'GET',
    headers,
    body,
    pipelining: o.pipelining ?? 1,
    timeout: o.timeoutS ?? 10,
    requests,
  });
  // autocannon's percentiles skip p95: it is taken here from the same 2xx response times its histogram records.
  const latencies = [];
  run.on('response', (_client, statusCode, _bytes, ms) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
  });
  const r = await run;

  const l = r.latency;
  latencies.sort((a, b) => a - b);
  const p95 = latencies.length ? Math.round(latencies[Math.ceil(latencies.length * 0.95) - 1] * 10) / 10 : null;
  const stats = {
    reqPerS: r.requests.average,
    latencyMs: { avg: l.average, p50: l.p50, p90: l.p90, p95, p97_5: l.p97_5, p99: l.p99, max: l.max },
    total: r.requests.total,
    ok2xx: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    durationS: r.duration,
  };
  process.stdout.write(JSON.stringify(stats) + '\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  childMain().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
