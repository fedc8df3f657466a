// Turning a normalized comment into weighted features that can be compared fast.
//
// A feature is a content word, a pair of neighbouring content words (Vietnamese words are often two syllables,
// and word order carries meaning), a meaning from the synonym table, or a number. Each feature is keyed by its
// folded form, so a text typed without marks meets its marked twin; the exact spellings ride along so that two
// marked spellings that differ (tăng / tầng) do not count as shared.
import type { NormalizedComment, Token } from './normalize';
import type { MarkLevel } from './syllable';

/** What a feature is. Words are what substitution analysis looks at. */
export const WORD = 0;
export const PAIR = 1;
export const MEANING = 2;
export const NUMBER = 3;

/** Relative weight of each kind of feature (the rarity weight is multiplied by these). */
const KIND_WEIGHT = [1, 0.8, 0.6, 1];

/** Interned strings and their document frequencies: the state shared by all documents of one grouping. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly df: number[] = [];
  /** Number of distinct texts counted in `df`. */
  documents = 0;

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.df.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.df.push(0);
    }
    return id;
  }

  /** Counts one more distinct text containing these (folded) features. */
  count(featureIds: Int32Array): void {
    this.documents++;
    for (const id of featureIds) this.df[id]++;
  }

  /** The id of a key already seen, else -1. */
  find(key: string): number {
    return this.ids.get(key) ?? -1;
  }

  key(id: number): string {
    return this.keys[id];
  }

  frequency(id: number): number {
    return this.df[id];
  }

  /** Rarer features say more about what a comment is about. */
  rarity(id: number): number {
    return Math.log(1 + this.documents / Math.max(1, this.df[id]));
  }
}

/** A comment's features, sorted by folded id, with spellings for the mark check. */
export interface Features {
  ids: Int32Array;
  base: Int32Array;
  full: Int32Array;
  level: Uint8Array;
  /** WORD, PAIR, MEANING or NUMBER. */
  kind: Uint8Array;
  /** For a word that is part of a synonym phrase: the feature ids of its meanings; else absent. */
  meanings: Map<number, number[]> | null;
  /** Set by weigh(): rarity × kind, and the vector norm. */
  weight: Float32Array;
  norm: number;
}

interface RawFeature {
  fold: string;
  base: string;
  full: string;
  level: MarkLevel;
  kind: number;
  meanings?: string[] | null;
}


function sentenceWords(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens) {
    if (t.gap >= 2 && out[out.length - 1].length) out.push([]);
    if (!t.stop) out[out.length - 1].push(t);
  }
  return out;
}

/** Extracts features (not yet weighted) from a normalized comment. */
export function extractFeatures(n: NormalizedComment, vocabulary: Vocabulary): Features {
  const raw = new Map<string, RawFeature>();
  const put = (f: RawFeature) => {
    const had = raw.get(f.fold);
    if (!had || had.level < f.level) raw.set(f.fold, f);
  };
  for (const words of sentenceWords(n.tokens)) {
    words.forEach((t, i) => {
      put({ fold: t.fold, base: t.base, full: t.full, level: t.level, kind: t.isNumber ? NUMBER : WORD, meanings: t.meanings });
      const next = words[i + 1];
      if (next) {
        put({
          fold: `${t.fold} ${next.fold}`,
          base: `${t.base} ${next.base}`,
          full: `${t.full} ${next.full}`,
          level: Math.min(t.level, next.level) as MarkLevel,
          kind: PAIR,
        });
      }
    });
  }
  for (const m of n.meanings) put({ fold: `~${m}`, base: `~${m}`, full: `~${m}`, level: 2, kind: MEANING });

  const entries = [...raw.values()].map((f) => ({ f, id: vocabulary.id(f.fold) })).sort((a, b) => a.id - b.id);
  const size = entries.length;
  const features: Features = {
    ids: new Int32Array(size),
    base: new Int32Array(size),
    full: new Int32Array(size),
    level: new Uint8Array(size),
    kind: new Uint8Array(size),
    weight: new Float32Array(size),
    norm: 0,
    meanings: null,
  };
  entries.forEach(({ f, id }, i) => {
    features.ids[i] = id;
    features.base[i] = f.level >= 1 ? vocabulary.id(`\u0001${f.base}`) : -1;
    features.full[i] = f.level >= 2 ? vocabulary.id(`\u0002${f.full}`) : -1;
    features.level[i] = f.level;
    features.kind[i] = f.kind;
    if (f.meanings) {
      features.meanings ??= new Map();
      features.meanings.set(i, f.meanings.map((m) => vocabulary.id(`~${m}`)));
    }
  });
  return features;
}

/** Weighs features by their current rarity. */
export function weigh(features: Features, vocabulary: Vocabulary): void {
  let sum = 0;
  for (let i = 0; i < features.ids.length; i++) {
    const w = vocabulary.rarity(features.ids[i]) * KIND_WEIGHT[features.kind[i]];
    features.weight[i] = w;
    sum += w * w;
  }
  features.norm = Math.sqrt(sum);
}

/** The content words of a comment in order, as folded ids, with -1 between sentences: its sentence frame. */
export function sequenceOf(n: NormalizedComment, vocabulary: Vocabulary): Int32Array {
  const out: number[] = [];
  for (const words of sentenceWords(n.tokens)) {
    if (out.length) out.push(-1);
    for (const t of words) out.push(vocabulary.id(t.fold));
  }
  return Int32Array.from(out);
}
