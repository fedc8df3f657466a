// Shared helpers that give every scenario's bench/results/<scenario>.json the shape BENCHMARKS.md asks for.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const resultsDir = path.join(repoRoot, 'bench', 'results');

// Two decimals: finer digits are noise on a shared 2-core machine and only make diffs of results noisier.
const round = (x) => Math.round(x * 100) / 100;

/** @param {number[]} numbers @returns {{min: number, median: number, max: number}} */
export function stats(numbers) {
  if (!numbers.length) throw new Error('stats() needs at least one number');
  const s = [...numbers].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { min: round(s[0]), median: round(median), max: round(s[s.length - 1]) };
}

/** @param {{db?: string|null}} [opts] db: e.g. "postgres 15.18", "pglite 0.5.16"; null when no database is involved. */
export function machineInfo({ db = null } = {}) {
  return {
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    db,
  };
}

export function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'uncommitted';
  }
}

/**
 * Writes bench/results/<scenario>.json and returns {file, result}.
 * `machine` defaults to machineInfo({db}); pass `db` to name the database that was measured.
 */
export function writeResult(scenario, { params, runs, figures, ceiling = null, ratio = null, aim = null, met, notes = '', db = null, machine } = {}) {
  if (!params || !figures || !Number.isInteger(runs)) throw new Error('writeResult needs params, runs (integer) and figures');
  if (typeof met !== 'boolean') throw new Error('writeResult needs met: true|false — the honest comparison with aim');
  const result = {
    scenario,
    date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    commit: gitCommit(),
    machine: machine ?? machineInfo({ db }),
    params,
    runs,
    figures,
    ceiling,
    ratio: ratio == null ? null : round(ratio),
    aim,
    met,
    notes,
  };
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${scenario}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return { file, result };
}
