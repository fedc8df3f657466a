#!/usr/bin/env node
// The `dany` command (`npx dany …` in the checkout). Installs and builds on first use, then runs dist/cli.js.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureDeps } from '../scripts/ensure-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureDeps(root);
const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-stale', '--server-only'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);
await import(pathToFileURL(path.join(root, 'dist/cli.js')).href);
