#!/usr/bin/env node
// synthesis-quality: how well `dany synthesize` groups the labelled dev set (../shared/data/comments-dev), scored
// by the set's own score.mjs: pairwise and B-cubed precision/recall/F1, recall by variant type, hard-negative
// pairs kept apart. The engine is deterministic, so the runs must agree exactly; they are repeated to check that
// and to time the command.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devSet } from '../lib/comments.mjs';
import { repoRoot, stats, writeResult } from '../lib/results.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--server-only'], { cwd: repoRoot, stdio: 'inherit' });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dany-bench-quality-'));
const input = path.join(devSet, 'comments.jsonl');
try {
  const scores = [];
  const seconds = [];
  for (let i = 0; i < runs; i++) {
    const out = path.join(dir, `result-${i}.json`);
    const r = JSON.parse(execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'synthesize', '--in', input, '--out', out, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop());
    seconds.push(r.seconds);
    const report = execFileSync(process.execPath, [path.join(devSet, 'score.mjs'), input, out, path.join(devSet, 'hard_negatives.json')], { encoding: 'utf8' });
    scores.push(JSON.parse(report.trim().split('\n').pop()));
    if (i > 0 && fs.readFileSync(out, 'utf8') !== fs.readFileSync(path.join(dir, 'result-0.json'), 'utf8')) throw new Error('two runs on the same input gave different results');
  }
  const s = scores[0];
  const hn = s.hard_negative_pairs_merged;
  const figures = {
    bcubed: s.bcubed,
    pairwise: { precision: s.pairwise.precision, recall: s.pairwise.recall, f1: s.pairwise.f1 },
    recallByVariant: Object.fromEntries(Object.entries(s.recall_by_variant).map(([k, v]) => [k, v.recall])),
    hardNegativesApart: { pairs: hn.pairs, merged: hn.merged, apartShare: Math.round((1 - hn.merged / hn.pairs) * 10000) / 10000, byKind: hn.by_kind },
    singletonsLeftAlone: s.singletons_left_alone,
    clusters: { gold: s.n_gold_clusters, predicted: s.n_pred_clusters },
    seconds: stats(seconds),
  };
  const aim = { bcubedF1: '>= 0.93', pairwisePrecision: '>= 0.99', hardNegativesApart: '>= 0.98', paraphraseRecall: '>= 0.5' };
  const met = s.bcubed.f1 >= 0.93 && s.pairwise.precision >= 0.99 && figures.hardNegativesApart.apartShare >= 0.98 && figures.recallByVariant.paraphrase >= 0.5;
  const { file } = writeResult('synthesis-quality', {
    params: { dataset: 'comments-dev', comments: s.n_comments, engine: 'lexical (no embedding provider)' },
    runs,
    figures,
    aim,
    met,
    notes: `Scores from ../shared/data/comments-dev/score.mjs; ${runs} runs gave byte-identical results. Seconds: the whole CLI process.`,
  });
  console.log(JSON.stringify(figures, null, 2));
  console.log(`wrote ${file}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
