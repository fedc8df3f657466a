// Blocking: which existing texts a new text could possibly match, without comparing it to all of them.
//
// Only exemplars (the few texts that stand for each group's wordings) are indexed, by every feature. A query
// looks up only its rarest features: two texts of one opinion share at least one rare word or word pair, while
// common words ("xã", "người dân") would list half the index. Scores accumulated over those postings rank the
// candidates; only the best few are compared in full.
import type { Features, Vocabulary } from './features';

/** Rarest query features looked up. */
const QUERY_FEATURES = 24;
/** Posting lists longer than this are skipped: a feature that common says little about the topic. */
const MAX_POSTINGS = 50_000;

export class ExemplarIndex {
  private readonly postings = new Map<number, number[]>();
  private scores = new Float64Array(1024);
  private readonly touched: number[] = [];

  add(exemplar: number, features: Features): void {
    for (const id of features.ids) {
      const list = this.postings.get(id);
      if (list) list.push(exemplar);
      else this.postings.set(id, [exemplar]);
    }
  }

  /** Up to `limit` exemplars sharing rare features with `features`, best first (ties by exemplar number). */
  candidates(features: Features, vocabulary: Vocabulary, limit: number): number[] {
    const order: number[] = [];
    for (let i = 0; i < features.ids.length; i++) if (vocabulary.frequency(features.ids[i]) > 1) order.push(i);
    order.sort((a, b) => features.weight[b] - features.weight[a] || a - b);
    for (const i of order.slice(0, QUERY_FEATURES)) {
      const list = this.postings.get(features.ids[i]);
      if (!list || list.length > MAX_POSTINGS) continue;
      const w = features.weight[i] * features.weight[i];
      for (const e of list) {
        if (e >= this.scores.length) this.grow(e);
        if (this.scores[e] === 0) this.touched.push(e);
        this.scores[e] += w;
      }
    }
    const found = this.touched.map((e) => ({ e, s: this.scores[e] }));
    for (const e of this.touched) this.scores[e] = 0;
    this.touched.length = 0;
    found.sort((a, b) => b.s - a.s || a.e - b.e);
    return found.slice(0, limit).map((x) => x.e);
  }

  private grow(e: number): void {
    const next = new Float64Array(Math.max(e + 1, this.scores.length * 2));
    next.set(this.scores);
    this.scores = next;
  }
}
