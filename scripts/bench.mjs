#!/usr/bin/env node
// Benchmark entry point: `npm run bench -- <scenario> [--runs N] [scenario options]`.
// Each scenario lives in bench/<scenario>/run.mjs and runs in its own process, so one scenario's leftovers
// (open handles, warmed caches, a heap grown large) cannot colour the next one's figures.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bench');
const available = fs
  .readdirSync(benchDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(benchDir, d.name, 'run.mjs')))
  .map((d) => d.name)
  .sort();

const [scenario, ...rest] = process.argv.slice(2);
if (!scenario || !available.includes(scenario)) {
  console.error(`${scenario ? `Unknown scenario "${scenario}". ` : ''}Usage: npm run bench -- <scenario> [--runs N]`);
  console.error(`Available scenarios: ${available.join(', ') || '(none)'}`);
  process.exit(2);
}

const child = spawn(process.execPath, [path.join(benchDir, scenario, 'run.mjs'), ...rest], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
