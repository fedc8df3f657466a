// Bundles a benchmark's TypeScript target (bench/lib/<name>.ts: database setup, server) into dist/bench, inside the
// repository so that it finds the migrations and node_modules as the server does. Returns the bundle's path.
import path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './results.mjs';

export async function buildBenchTarget(name) {
  const outfile = path.join(repoRoot, 'dist', 'bench', `${name}.mjs`);
  await build({ entryPoints: [path.join(repoRoot, 'bench', 'lib', `${name}.ts`)], bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', absWorkingDir: repoRoot, logLevel: 'warning' });
  return outfile;
}

/** The consultation benchmarks' target: setup, national, serve (see consultation-target.ts). */
export const buildConsultationTarget = () => buildBenchTarget('consultation-target');
