#!/usr/bin/env node
// synthesize: one million comments over the sections of the two dev-set drafts and the 3,321 communes, grouped by
// `dany synthesize` in its own process. 950,000 comments are grouped as one batch, then 50,000 late arrivals are
// added to the existing groups (incremental assignment, timed on its own). Figures: wall seconds for the whole
// command (reading, grouping, adding, writing the result), the batch grouping alone, the incremental rate, and the
// process's peak resident memory.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeGeneratedComments } from '../lib/comments.mjs';
import { repoRoot, stats, writeResult } from '../lib/results.mjs';

const argv = process.argv;
const runs = Number(argv[argv.indexOf('--runs') + 1]) || 3;
const total = Number(argv[argv.indexOf('--comments') + 1]) || 1_000_000;
const late = Math.round(total * 0.05);

execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--server-only'], { cwd: repoRoot, stdio: 'inherit' });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dany-bench-synthesize-'));
try {
  const initialFile = writeGeneratedComments(path.join(dir, 'initial.jsonl'), total - late, { seed: 1, idPrefix: 'a' });
  const lateFile = writeGeneratedComments(path.join(dir, 'late.jsonl'), late, { seed: 2, idPrefix: 'z' });
  const measured = [];
  for (let i = 0; i <= runs; i++) {
    const out = execFileSync(
      process.execPath,
      ['--max-old-space-size=4096', path.join(repoRoot, 'dist/cli.js'), 'synthesize', '--in', initialFile, '--add', lateFile, '--out', path.join(dir, 'result.json'), '--json'],
      { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const r = JSON.parse(out.trim().split('\n').pop());
    if (r.comments !== total) throw new Error(`expected ${total} comments in the result, got ${r.comments}`);
    console.log(`run ${i === 0 ? 'warm-up' : i}: ${JSON.stringify(r)}`);
    if (i > 0) measured.push(r);
  }
  const pick = (key) => stats(measured.map((r) => r[key]));
  const figures = {
    seconds: pick('seconds'),
    groupSeconds: pick('groupSeconds'),
    incrementalPerS: stats(measured.map((r) => r.added / r.addSeconds)),
    peakMemoryMiB: pick('maxRssMiB'),
    groups: pick('groups'),
  };
  const aim = { seconds: '<= 60', peakMemoryMiB: '<= 2048', incrementalPerS: '>= 20000' };
  const met = figures.seconds.median <= 60 && figures.peakMemoryMiB.median <= 2048 && figures.incrementalPerS.median >= 20000;
  const { file } = writeResult('synthesize', {
    params: { comments: total, batch: total - late, late, communes: 3321, source: 'comments-dev texts with mechanical noise (seeded)' },
    runs,
    figures,
    aim,
    met,
    notes:
      `Whole \`dany synthesize --in --add --out\` process per run (JSONL read, batch grouping, incremental add, JSON written). ` +
      `Every run checked: all ${total} comments in the result. Generated texts repeat the dev set's 2,848 comments with noise, ` +
      `so many copies are exact or near duplicates, as in a real national consultation with circulated texts. 1-min load average at the end: ${os.loadavg()[0].toFixed(2)}.`,
  });
  console.log(`wrote ${file}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
