// Bundles bench/lib/consultation-target.ts (the consultation benchmarks' setup and server) into dist/bench, inside
// the repository so that it finds the migrations and node_modules as the server does. Returns the bundle's path.
import path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './results.mjs';

export async function buildConsultationTarget() {
  const outfile = path.join(repoRoot, 'dist', 'bench', 'consultation-target.mjs');
  await build({ entryPoints: [path.join(repoRoot, 'bench', 'lib', 'consultation-target.ts')], bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', absWorkingDir: repoRoot, logLevel: 'warning' });
  return outfile;
}
