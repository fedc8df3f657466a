// How alike two comments are, and the facts that make alike-looking comments different opinions.
import { WORD, type Features, type Vocabulary } from './features';
import type { Direction, NormalizedComment, Stance } from './normalize';

/**
 * Cosine of the rarity-weighted feature vectors. A feature counts as shared only if its spellings agree as far
 * as both sides wrote marks: "tang" matches "tăng" and "tầng", but "tăng" does not match "tầng".
 */
export function cosine(a: Features, b: Features): number {
  if (!a.norm || !b.norm) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i];
    const y = bi[j];
    if (x < y) i++;
    else if (x > y) j++;
    else {
      if (spellingsAgree(a, i, b, j)) dot += a.weight[i] * b.weight[j];
      i++;
      j++;
    }
  }
  return dot / (a.norm * b.norm);
}

function spellingsAgree(a: Features, i: number, b: Features, j: number): boolean {
  const level = Math.min(a.level[i], b.level[j]);
  if (level === 0) return true;
  if (level === 1) return a.base[i] === b.base[j];
  return a.full[i] === b.full[j];
}

/** The facts of a comment that can contradict another's. */
export type Facts = Pick<NormalizedComment, 'kind' | 'numbers' | 'places' | 'directions' | 'targets' | 'stances'>;

/**
 * Why two comments cannot be one opinion, or null. Agreement only groups with agreement. Figures: each side
 * states a figure the other does not ("30%" / "35%"; a year added to one copy is no contradiction). Places: both
 * name places and none is shared. Direction: one side pulls a thing one way and the other the opposite way, or asks
 * against what the other asks for ("đề nghị không quy hoạch …" / "đề nghị quy hoạch …").
 */
export function contradiction(a: Facts, b: Facts): 'kind' | 'number' | 'place' | 'direction' | null {
  if (a.kind !== b.kind) return 'kind';
  if (eachHasOwn(a.numbers, b.numbers)) return 'number';
  if (a.places.length && b.places.length && !a.places.some((p) => b.places.includes(p))) return 'place';
  if (opposed(a.directions, b.directions)) return 'direction';
  if (rejects(a.stances, b.stances) || rejects(b.stances, a.stances)) return 'direction';
  return null;
}

/**
 * Both name members of one contrast set and share none of that set ("set#member" strings, see CONTRAST_SETS). Not
 * a contradiction by itself: a rewording often names people in passing ("thanh niên phải đi làm ăn xa"); it is one
 * when the two texts share their sentence frame.
 */
export function disjointTargets(a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return false;
  const setOf = (t: string) => t.slice(0, t.indexOf('#'));
  for (const x of a) {
    const set = setOf(x);
    const mine = a.filter((t) => setOf(t) === set);
    const theirs = b.filter((t) => setOf(t) === set);
    if (theirs.length && !mine.some((t) => theirs.includes(t))) return true;
  }
  return false;
}

function eachHasOwn(a: string[], b: string[]): boolean {
  return a.some((x) => !b.includes(x)) && b.some((x) => !a.includes(x));
}

// Per axis, which way each side pulls each object. Opposed when some object is pulled only up by one side and only
// down by the other; a side that pulls both ways (a comparison, a trade-off) contradicts nothing on that object.
function opposed(a: Direction[], b: Direction[]): boolean {
  if (!a.length || !b.length) return false;
  const pulls = (ds: Direction[]) => {
    const m = new Map<string, number>();
    for (const d of ds) for (const o of d.objects) m.set(`${d.axis} ${o}`, (m.get(`${d.axis} ${o}`) ?? 0) | (d.up ? 1 : 2));
    return m;
  };
  const pa = pulls(a);
  const pb = pulls(b);
  for (const [key, way] of pa) {
    const other = pb.get(key);
    if (other !== undefined && way !== 3 && other !== 3 && way !== other) return true;
  }
  return false;
}

/** Shared words (syllables) that make two requests about the same thing. */
const SAME_REQUEST = 3;

/** `a` asks against something `b` asks for, and `b` does not also ask against it. */
function rejects(a: Stance[], b: Stance[]): boolean {
  const overlap = (x: Stance, y: Stance) => x.objects.filter((o) => y.objects.includes(o)).length >= SAME_REQUEST;
  for (const s of a) {
    if (!s.against) continue;
    if (b.some((t) => !t.against && overlap(s, t)) && !b.some((t) => t.against && overlap(s, t))) return true;
  }
  return false;
}

/** How much of each side's word weight the other side lacks, and how much of the lighter side is shared. */
export interface Novelty {
  shared: number;
  novelA: number;
  novelB: number;
}

/**
 * Compares the words of two comments. A word counts as shared if the other side has it, has a word one typing
 * slip away from it ("thàhn"/"thành", "dun"/"dung"), or says the same thing with a synonym ("quân nhân" / "bộ
 * đội"), so that typos and synonyms do not look like new content.
 */
export function novelty(a: Features, b: Features, vocabulary: Vocabulary): Novelty {
  let massA = 0;
  let massB = 0;
  let shared = 0;
  const onlyA: number[] = [];
  const onlyB: number[] = [];
  let i = 0;
  let j = 0;
  const na = a.ids.length;
  const nb = b.ids.length;
  while (i < na || j < nb) {
    if (i < na && a.kind[i] !== WORD) { i++; continue; }
    if (j < nb && b.kind[j] !== WORD) { j++; continue; }
    const x = i < na ? a.ids[i] : Infinity;
    const y = j < nb ? b.ids[j] : Infinity;
    if (x === y && spellingsAgree(a, i, b, j)) {
      massA += a.weight[i];
      massB += b.weight[j];
      shared += Math.min(a.weight[i], b.weight[j]);
      i++;
      j++;
    } else if (x <= y) {
      massA += a.weight[i];
      onlyA.push(i++);
      if (x === y) onlyB.push(j), (massB += b.weight[j++]);
    } else {
      massB += b.weight[j];
      onlyB.push(j++);
    }
  }
  const synonymous = (f: Features, k: number, other: Features) => f.meanings?.get(k)?.some((m) => hasFeature(other, m)) ?? false;
  const keepA = onlyA.filter((k) => !synonymous(a, k, b));
  const keepB = onlyB.filter((k) => !synonymous(b, k, a));
  onlyA.length = 0;
  onlyA.push(...keepA);
  onlyB.length = 0;
  onlyB.push(...keepB);
  let novelA = onlyA.reduce((s, k) => s + a.weight[k], 0);
  let novelB = onlyB.reduce((s, k) => s + b.weight[k], 0);
  for (const k of onlyA) {
    const wa = vocabulary.key(a.ids[k]);
    const hit = onlyB.find((m) => typoApart(wa, vocabulary.key(b.ids[m])));
    if (hit !== undefined) {
      novelA -= a.weight[k];
      novelB -= b.weight[hit];
      shared += Math.min(a.weight[k], b.weight[hit]);
    } else if (isRunTogether(wa, b, vocabulary)) novelA -= a.weight[k];
  }
  for (const k of onlyB) if (isRunTogether(vocabulary.key(b.ids[k]), a, vocabulary)) novelB -= b.weight[k];
  return {
    shared: massA && massB ? shared / Math.min(massA, massB) : 0,
    novelA: massA ? Math.max(0, novelA) / massA : 0,
    novelB: massB ? Math.max(0, novelB) / massB : 0,
  };
}

/** Two of the other side's words typed without the space between them ("tangtruong" for "tăng trưởng"). */
function isRunTogether(word: string, other: Features, vocabulary: Vocabulary): boolean {
  for (let cut = 2; cut <= word.length - 2; cut++) {
    const left = vocabulary.find(word.slice(0, cut));
    const right = vocabulary.find(word.slice(cut));
    // Both halves must be known words, and at least one of them in the other text (the other may be a grammar word).
    if (left >= 0 && right >= 0 && (hasFeature(other, left) || hasFeature(other, right))) return true;
  }
  return false;
}

function hasFeature(f: Features, id: number): boolean {
  return indexOf(f, id) >= 0;
}

/** One insertion, deletion, substitution or swap of neighbours apart, for words of three letters or more. */
function typoApart(x: string, y: string): boolean {
  if (x.length < 3 || y.length < 3 || Math.abs(x.length - y.length) > 1) return false;
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let sx = x.length - 1;
  let sy = y.length - 1;
  while (sx >= p && sy >= p && x[sx] === y[sy]) sx--, sy--;
  const dx = sx - p + 1;
  const dy = sy - p + 1;
  if (dx <= 1 && dy <= 1) return true;
  return dx === 2 && dy === 2 && x[p] === y[p + 1] && x[p + 1] === y[p];
}

/** How many content words two texts open with in common (their sentence frames, see sequenceOf). */
export function sharedOpening(a: Int32Array, b: Int32Array): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n] && a[n] >= 0) n++;
  return n;
}

/**
 * Share of the shorter side's runs of three consecutive content words that the other side repeats verbatim. Two
 * comments built on one sentence frame score high; a rewording in one's own words scores near zero even when it
 * shares many single words.
 */
export function sharedFrame(a: Int32Array, b: Int32Array): number {
  const runs = (s: Int32Array) => {
    let n = 0;
    for (let i = 0; i + 2 < s.length; i++) if (s[i] >= 0 && s[i + 1] >= 0 && s[i + 2] >= 0) n++;
    return n;
  };
  const ra = runs(a);
  const rb = runs(b);
  if (!ra || !rb) return 0;
  let shared = 0;
  for (let i = 0; i + 2 < a.length; i++) {
    if (a[i] < 0 || a[i + 1] < 0 || a[i + 2] < 0) continue;
    for (let j = 0; j + 2 < b.length; j++) {
      if (a[i] === b[j] && a[i + 1] === b[j + 1] && a[i + 2] === b[j + 2]) {
        shared++;
        break;
      }
    }
  }
  return shared / Math.min(ra, rb);
}

/** How two texts line up word by word. */
export interface Alignment {
  /** Share of the shorter text's content words that the other has in the same order (longest common subsequence). */
  coverage: number;
  /**
   * The largest co-located substitution: at each place where both sides have words of their own, the words that
   * are neither a typo, a synonym, nor moved from elsewhere in the other text are weighed; the lighter side's share
   * of its text weight at the worst place. "…thu hồi đất làm [đường cao tốc] …" against "…thu hồi đất làm [khu
   * công nghiệp] …" scores high; one text adding a word here and the other dropping one there scores zero.
   */
  substitution: number;
}

export function align(a: Features, sa: Int32Array, b: Features, sb: Int32Array, vocabulary: Vocabulary): Alignment {
  const x = sa.filter((id) => id >= 0);
  const y = sb.filter((id) => id >= 0);
  const n = x.length;
  const m = y.length;
  const w = m + 1;
  const lcs = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = x[i] === y[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const coverage = Math.min(n, m) ? lcs[0] / Math.min(n, m) : 0;
  const massA = wordMass(a);
  const massB = wordMass(b);
  if (!massA || !massB) return { coverage, substitution: 0 };
  let worst = 0;
  let spanA: number[] = [];
  let spanB: number[] = [];
  const close = () => {
    if (spanA.length && spanB.length) {
      const na = ownWeight(spanA, spanB, a, b, vocabulary) / massA;
      const nb = ownWeight(spanB, spanA, b, a, vocabulary) / massB;
      worst = Math.max(worst, Math.min(na, nb));
    }
    spanA = [];
    spanB = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      close();
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) spanA.push(x[i++]);
    else spanB.push(y[j++]);
  }
  close();
  return { coverage, substitution: worst };
}

function wordMass(f: Features): number {
  let s = 0;
  for (let k = 0; k < f.ids.length; k++) if (f.kind[k] === WORD) s += f.weight[k];
  return s;
}

/** Weight of the words of `span` (side f) that the other side does not account for. */
function ownWeight(span: number[], otherSpan: number[], f: Features, other: Features, vocabulary: Vocabulary): number {
  let s = 0;
  for (const id of span) {
    const k = indexOf(f, id);
    if (k < 0 || f.kind[k] !== WORD) continue;
    if (hasFeature(other, id)) continue; // moved, not replaced
    if (f.meanings?.get(k)?.some((mid) => hasFeature(other, mid))) continue; // a synonym
    const word = vocabulary.key(id);
    if (otherSpan.some((o) => typoApart(word, vocabulary.key(o)))) continue;
    if (isRunTogether(word, other, vocabulary)) continue;
    s += f.weight[k];
  }
  return s;
}

function indexOf(f: Features, id: number): number {
  let lo = 0;
  let hi = f.ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (f.ids[mid] === id) return mid;
    if (f.ids[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
