// Grouping: every comment into exactly one group, in time proportional to the number of comments.
//
// 1. Comments whose opinion reads the same after normalization form one text class (a circulated template copied
//    a thousand times is compared once). A short text is tied to its section: "Đề nghị bổ sung số liệu" under two
//    unrelated sections is two opinions.
// 2. Text classes are assigned one by one, most frequent first, so that a group is founded by its most common
//    wording. Each class is compared only with the exemplars that blocking proposes; it joins the best group it
//    matches, or founds a new one.
// 3. A group keeps a few exemplars (its founder and the wordings that matched it least closely). A newcomer must
//    be compatible with all of them (figures, places, directions, requests for and against, sections) and must not
//    be its founder's sentence frame with something else said in it, which keeps one loose match from chaining
//    different opinions together.
// Two texts are one opinion when one is the other with small edits ('near'), or when they say it in different
// sentences with enough shared vocabulary, synonyms counted ('reworded'). Texts built on one frame that are not
// near duplicates are the same template put to another use ('retargeted'): they open with the same words, or
// repeat runs of the other with words of their own in the same place, or name another member of a contrast set
// (học sinh / người cao tuổi, du lịch / nông nghiệp) where the other names its own.
// Adding comments later (add()) runs the same steps for the newcomers only: existing groups keep their members
// and ids, and the result matches a batch run of the same comments closely.
import { AppError } from '../../../shared/errors';
import { ExemplarIndex } from './candidates';
import { Vocabulary, extractFeatures, sequenceOf, weigh, type Features } from './features';
import { reportGroups, type GroupView } from './groups';
import { normalizeComment, type NormalizedComment, type OpinionKind } from './normalize';
import { cleanSection, sectionsCompatible } from './sections';
import { align, contradiction, cosine, disjointTargets, novelty, sharedFrame, sharedOpening, type Facts } from './similarity';
import { vectorCosine } from './vectors';
import type { CommentInput, Grouping, GroupingOptions } from './types';

const DEFAULTS: Required<Omit<GroupingOptions, 'vectors'>> = {
  nearThreshold: 0.3,
  paraphraseThreshold: 0.2,
  semanticThreshold: 0.8,
};
/**
 * Near duplicates may add, drop, misspell or swap for synonyms, but not put other words in the same place (a
 * substitution of this share of the text is another target) nor both say much of their own.
 */
const MAX_SUBSTITUTION = 0.06;
const MAX_TWO_SIDED_NOVELTY = 0.2;
/**
 * Two texts are one sentence frame when this share of their three-word runs is repeated verbatim, or when this
 * share of the shorter one's words comes in the same order in the other; with a substitution this large in it they
 * are the same template put to another use, never two wordings of one opinion.
 */
const MAX_REWORDED_FRAME = 0.12;
const SAME_ORDER = 0.35;
const RETARGET_SUBSTITUTION = 0.16;
/**
 * Content words two texts may open with before they count as one frame. People who put an opinion in their own
 * words do not start with the other's words; a copied template does, and then goes on differently.
 */
const SAME_OPENING = 2;
/** Fewer content words than this and the section is part of the opinion. */
const SHORT_TEXT = 8;
/** Exemplars kept per group, and how closely a text must match to be redundant as an exemplar. */
const MAX_EXEMPLARS = 24;
const REDUNDANT = 0.8;
/** Exemplars compared in full per newcomer; per exemplar of a group that looks for a better home. */
const CANDIDATES = 32;
const MERGE_CANDIDATES = 16;
/** Exemplars of a new group used to look for a better home. */
const MERGE_PROBES = 4;

/** What is kept of each distinct opinion text. */
interface TextClass {
  kind: OpinionKind;
  section: string;
  /** Spelling of its words, to tell apart texts that fold the same but are marked differently. */
  spelling: string[];
  facts: Facts;
  /** Features, frame and vector: kept while the class is an exemplar or not yet assigned, dropped afterwards. */
  features: Features | null;
  frame: Int32Array | null;
  /** The sentence vector the caller supplied for its text (GroupingOptions.vectors), if any. */
  vector: Float32Array | null;
  group: number;
  weight: number;
  /** Comment indices, in order of arrival. */
  comments: number[];
  /** The best-written member text so far, and how good it is. */
  text: string;
  quality: number;
}

interface GroupState {
  classes: number[];
  exemplars: number[];
  id: string | null;
}

interface StoredComment {
  id: string;
  section: string;
  unit: string | null;
  stratum: string | null;
  channel: string | null;
  weight: number;
  cls: number;
}

/** A grouping that can grow: build() groups a batch, add() assigns late arrivals to it. */
export class GroupingIndex {
  private readonly options: Required<Omit<GroupingOptions, 'vectors'>>;
  private readonly vectors: GroupingOptions['vectors'];
  private readonly vocabulary = new Vocabulary();
  private readonly exemplarIndex = new ExemplarIndex();
  private readonly comments: StoredComment[] = [];
  private readonly ids = new Set<string>();
  private readonly classes: TextClass[] = [];
  private readonly classesByKey = new Map<string, number[]>();
  /** Raw text → class, for texts whose class does not depend on the section (most of them). */
  private readonly classByRawText = new Map<string, number>();
  private readonly groups: GroupState[] = [];
  /** Groups of pure agreement and of empty courtesy, which have no words to compare. */
  private readonly wordlessGroups: number[] = [];

  constructor(options: GroupingOptions = {}) {
    const { vectors, ...thresholds } = options;
    this.options = { ...DEFAULTS, ...thresholds };
    this.vectors = vectors;
  }

  /** Groups a batch of comments from scratch. */
  static build(comments: CommentInput[], options: GroupingOptions = {}): GroupingIndex {
    const index = new GroupingIndex(options);
    index.add(comments);
    return index;
  }

  /** Number of comments held. */
  get size(): number {
    return this.comments.length;
  }

  /**
   * Adds comments: each joins the group of an identical opinion text, else the best matching group, else a new
   * group. Existing groups keep their members and ids. Throws AppError on a bad or duplicate comment, before
   * changing anything.
   */
  add(input: CommentInput[]): void {
    const incoming = this.validate(input);
    const fresh: number[] = [];
    for (const c of incoming) {
      const before = this.classes.length;
      const cls = this.classFor(c);
      if (cls >= before) fresh.push(cls);
      const index = this.comments.length;
      this.comments.push({ id: c.id, section: cleanSection(c.section), unit: c.unit ?? null, stratum: c.stratum ?? null, channel: c.channel ?? null, weight: c.weight ?? 1, cls });
      const k = this.classes[cls];
      k.comments.push(index);
      k.weight += c.weight ?? 1;
      const quality = textQuality(c.text);
      if (quality > k.quality) {
        k.quality = quality;
        k.text = c.text;
      }
    }
    // Rarity is settled over everything known before any new text is placed, so the order of arrival inside a
    // batch does not change the result.
    for (const cls of fresh) {
      const f = this.classes[cls].features;
      if (f) weigh(f, this.vocabulary);
    }
    fresh.sort((a, b) => this.classes[b].weight - this.classes[a].weight || compareIds(this.firstId(a), this.firstId(b)));
    const firstNewGroup = this.groups.length;
    for (const cls of fresh) this.assign(cls);
    this.mergeNewGroups(firstNewGroup);
  }

  /** The groups as they stand. Ids are fixed the first time a group is reported. */
  grouping(): Grouping {
    const views: GroupView[] = this.groups.filter((g) => g.classes.length).map((g) => ({
      state: g,
      members: g.classes.flatMap((c) => this.classes[c].comments.map((i) => this.comments[i])),
      representative: this.representative(g),
    }));
    return reportGroups(views);
  }

  // -------------------------------------------------------------------------------------------------------------

  private validate(input: CommentInput[]): Array<CommentInput & { id: string }> {
    const seen = new Set<string>();
    const out: Array<CommentInput & { id: string }> = [];
    input.forEach((c, n) => {
      const where = `Ý kiến thứ ${n + 1}`;
      if (!c || typeof c !== 'object') throw new AppError(400, 'COMMENT_INVALID', `${where} không phải là một đối tượng.`);
      const id = typeof c.id === 'number' ? String(c.id) : c.id;
      if (typeof id !== 'string' || !id.trim()) throw new AppError(400, 'COMMENT_INVALID', `${where} thiếu mã (id).`);
      if (typeof c.text !== 'string') throw new AppError(400, 'COMMENT_INVALID', `Ý kiến ${id} thiếu nội dung (text).`);
      if (c.weight != null && !(typeof c.weight === 'number' && Number.isFinite(c.weight) && c.weight > 0)) {
        throw new AppError(400, 'COMMENT_INVALID', `Ý kiến ${id} có trọng số (weight) không hợp lệ: cần một số dương.`);
      }
      for (const field of ['section', 'unit', 'stratum', 'channel'] as const) {
        const v = c[field];
        if (v != null && typeof v !== 'string') throw new AppError(400, 'COMMENT_INVALID', `Ý kiến ${id}: trường ${field} phải là chuỗi.`);
      }
      if (this.ids.has(id) || seen.has(id)) throw new AppError(409, 'COMMENT_DUPLICATE', `Mã ý kiến ${id} bị trùng.`);
      seen.add(id);
      out.push({ ...c, id });
    });
    for (const id of seen) this.ids.add(id);
    // Sorting by id makes the result independent of the order the comments were given in.
    return out.sort((a, b) => compareIds(a.id, b.id));
  }

  private firstId(cls: number): string {
    return this.comments[this.classes[cls].comments[0]].id;
  }

  /** The class of a comment's opinion text, created (and counted for rarity) if new. */
  private classFor(c: CommentInput): number {
    const section = cleanSection(c.section);
    const cached = this.classByRawText.get(c.text);
    if (cached !== undefined) return cached;
    const n = normalizeComment(c.text);
    const words = n.tokens.filter((t) => !t.stop);
    const sectionBound = n.kind !== 'opinion' || words.length < SHORT_TEXT;
    const key = `${n.kind}|${sectionBound ? section : ''}|${words.map((t) => t.fold).join(' ')}`;
    const spelling = words.map((t) => (t.level === 2 ? t.full : t.level === 1 ? `${t.base}\u0001` : ''));
    const same = this.classesByKey.get(key);
    let cls = same?.find((k) => sameSpelling(this.classes[k].spelling, spelling));
    if (cls === undefined) {
      cls = this.createClass(n, section, spelling, this.vectors?.get(c.text) ?? null);
      if (same) same.push(cls);
      else this.classesByKey.set(key, [cls]);
    }
    if (!sectionBound) this.classByRawText.set(c.text, cls);
    return cls;
  }

  private createClass(n: NormalizedComment, section: string, spelling: string[], vector: Float32Array | null): number {
    const features = n.kind === 'opinion' ? extractFeatures(n, this.vocabulary) : null;
    if (features) this.vocabulary.count(features.ids);
    this.classes.push({
      kind: n.kind,
      section,
      spelling,
      facts: { kind: n.kind, numbers: n.numbers, places: n.places, directions: n.directions, targets: n.targets, stances: n.stances },
      features,
      frame: features ? sequenceOf(n, this.vocabulary) : null,
      vector: features ? vector : null,
      group: -1,
      weight: 0,
      comments: [],
      text: '',
      quality: -Infinity,
    });
    return this.classes.length - 1;
  }

  private assign(cls: number): void {
    const k = this.classes[cls];
    if (!k.features) return this.assignWordless(cls);
    const best = this.rankGroups(k).find(([group]) => this.fitsGroup(k, this.groups[group]));
    if (!best) {
      this.found(cls);
      return;
    }
    const [group, score] = best;
    const g = this.groups[group];
    k.group = group;
    g.classes.push(cls);
    if (score < REDUNDANT && g.exemplars.length < MAX_EXEMPLARS) {
      g.exemplars.push(cls);
      this.exemplarIndex.add(cls, k.features);
    } else {
      k.features = null;
      k.frame = null;
      k.vector = null;
    }
  }

  /** Groups whose exemplars the text matches, best first (ties: older group first), and whether as a near duplicate. */
  private rankGroups(k: TextClass, limit = CANDIDATES): Array<[number, number, boolean]> {
    const byGroup = new Map<number, [number, number, boolean]>();
    if (!k.features) return [];
    for (const e of this.exemplarIndex.candidates(k.features, this.vocabulary, limit)) {
      const { score, near } = this.match(k, this.classes[e]);
      const g = this.classes[e].group;
      const had = byGroup.get(g);
      if (score > 0 && (!had || score > had[1])) byGroup.set(g, [g, score, near || (had?.[2] ?? false)]);
      else if (had && near) had[2] = true;
    }
    return [...byGroup.values()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }

  /**
   * Second look at the groups founded in this call. A rewording met before the wording it matches best founds a
   * group of its own; once every text is placed, each new group (smallest first) joins the group its exemplars
   * match best, if all of them fit there. Older groups are never merged into each other, so their ids hold.
   */
  private mergeNewGroups(firstNewGroup: number): void {
    const order: number[] = [];
    for (let g = firstNewGroup; g < this.groups.length; g++) if (this.classes[this.groups[g].classes[0]].features) order.push(g);
    const weight = (g: number) => this.groups[g].classes.reduce((s, c) => s + this.classes[c].weight, 0);
    const weights = new Map(order.map((g) => [g, weight(g)]));
    order.sort((a, b) => (weights.get(a) as number) - (weights.get(b) as number) || b - a);
    for (const source of order) {
      const from = this.groups[source];
      const scores = new Map<number, [number, boolean]>();
      for (const x of from.exemplars.slice(0, MERGE_PROBES)) {
        for (const [group, score, near] of this.rankGroups(this.classes[x], MERGE_CANDIDATES)) {
          const had = scores.get(group);
          if (group !== source && (!had || score > had[0])) scores.set(group, [score, near || (had?.[1] ?? false)]);
        }
      }
      const ranked = [...scores].sort((a, b) => b[1][0] - a[1][0] || a[0] - b[0]);
      const target = ranked.find(([group]) => from.exemplars.every((x) => this.fitsGroup(this.classes[x], this.groups[group])));
      if (target) this.mergeInto(source, target[0]);
    }
  }

  private mergeInto(source: number, target: number): void {
    const from = this.groups[source];
    const to = this.groups[target];
    for (const c of from.classes) {
      this.classes[c].group = target;
      to.classes.push(c);
    }
    for (const x of from.exemplars) {
      if (to.exemplars.length < MAX_EXEMPLARS) to.exemplars.push(x);
    }
    from.classes = [];
    from.exemplars = [];
  }

  /** Similarity of a newcomer to one exemplar when they may be one opinion (else 0), and whether it is a near duplicate. */
  private match(k: TextClass, e: TextClass): { score: number; near: boolean } {
    if (!sectionsCompatible(k.section, e.section) || contradiction(k.facts, e.facts)) return { score: 0, near: false };
    const r = this.relation(k, e);
    return { score: r.kind === 'near' || r.kind === 'reworded' ? r.cos : 0, near: r.kind === 'near' };
  }

  /**
   * How two opinion texts relate. 'near': one is the other with small edits — words added, dropped, misspelt or
   * swapped for synonyms, nothing else put in their place. 'reworded': enough shared vocabulary in different
   * sentences, or (when the caller supplied sentence vectors) vectors close enough. 'retargeted': one sentence frame
   * with something else said in it — another target, another opinion. 'unrelated' otherwise. With `always`, a pair
   * that shares too little vocabulary to be reworded is still checked for being retargeted.
   */
  private relation(k: TextClass, e: TextClass, always = false): { kind: 'near' | 'reworded' | 'retargeted' | 'unrelated'; cos: number } {
    if (!k.features || !e.features || !k.frame || !e.frame) return { kind: 'unrelated', cos: 0 };
    const { nearThreshold, paraphraseThreshold, semanticThreshold } = this.options;
    const lexical = cosine(k.features, e.features);
    const semantic = k.vector && e.vector ? vectorCosine(k.vector, e.vector) : 0;
    const cos = Math.max(lexical, semantic >= semanticThreshold ? semantic : 0);
    if (lexical < Math.min(nearThreshold, paraphraseThreshold) && semantic < semanticThreshold && !always) return { kind: 'unrelated', cos };
    const aligned = align(k.features, k.frame, e.features, e.frame, this.vocabulary);
    const opening = sharedOpening(k.frame, e.frame);
    const frame = sharedFrame(k.frame, e.frame);
    // The same template said of someone or something else: "tuyên truyền cho học sinh" / "… cho người cao tuổi".
    if ((opening >= 1 || frame >= MAX_REWORDED_FRAME) && disjointTargets(k.facts.targets, e.facts.targets)) return { kind: 'retargeted', cos };
    if (lexical >= nearThreshold && aligned.substitution < MAX_SUBSTITUTION) {
      const n = novelty(k.features, e.features, this.vocabulary);
      if (Math.min(n.novelA, n.novelB) < MAX_TWO_SIDED_NOVELTY) return { kind: 'near', cos };
    }
    // One sentence frame — the same opening, a verbatim run, or the same words in the same order — with other
    // words put in it.
    const oneFrame = opening >= SAME_OPENING || ((frame >= MAX_REWORDED_FRAME || aligned.coverage >= SAME_ORDER) && aligned.substitution >= RETARGET_SUBSTITUTION);
    if (oneFrame) return { kind: 'retargeted', cos };
    return { kind: lexical >= paraphraseThreshold || semantic >= semanticThreshold ? 'reworded' : 'unrelated', cos };
  }

  /**
   * A newcomer fits a group when nothing in any of its exemplars contradicts it (no opposing figure, place or
   * direction, no request against what another asks for, no unrelated section) and its founder is not its sentence
   * frame with something else said in it — however little vocabulary they share: a loose match through one
   * exemplar must not hide that the text retargets the opinion the group stands for.
   */
  private fitsGroup(k: TextClass, g: GroupState): boolean {
    for (const x of g.exemplars) {
      const e = this.classes[x];
      if (!sectionsCompatible(k.section, e.section) || contradiction(k.facts, e.facts)) return false;
      if (x === g.exemplars[0] && this.relation(k, e, true).kind === 'retargeted') return false;
    }
    return true;
  }

  private found(cls: number): void {
    const k = this.classes[cls];
    k.group = this.groups.length;
    this.groups.push({ classes: [cls], exemplars: [cls], id: null });
    if (k.features) this.exemplarIndex.add(cls, k.features);
    else this.wordlessGroups.push(k.group);
  }

  /** Agreement joins agreement, courtesy joins courtesy, on compatible sections. */
  private assignWordless(cls: number): void {
    const k = this.classes[cls];
    for (const g of this.wordlessGroups) {
      const founder = this.classes[this.groups[g].classes[0]];
      if (founder.kind === k.kind && this.groups[g].classes.every((c) => sectionsCompatible(this.classes[c].section, k.section))) {
        k.group = g;
        this.groups[g].classes.push(cls);
        return;
      }
    }
    this.found(cls);
  }

  /** The heaviest wording (ties: the founder's), in its best-written copy. */
  private representative(g: GroupState): string {
    let best = g.classes[0];
    for (const c of g.classes) {
      const a = this.classes[c];
      const b = this.classes[best];
      if (a.weight > b.weight || (a.weight === b.weight && a.quality > b.quality)) best = c;
    }
    return this.classes[best].text;
  }
}

// Word spellings as classFor() records them: '' when unmarked, "base\u0001" when only vowel marks are known,
// else the full spelling (tone as a trailing digit). Two texts are one class when every word agrees as far as
// both are marked.
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameSpelling(a: string[], b: string[]): boolean {
  const base = (s: string) => (s.endsWith('\u0001') ? s.slice(0, -1) : s.replace(/[1-4]$/, ''));
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || x === y) continue;
    if (!(x.endsWith('\u0001') || y.endsWith('\u0001')) || base(x) !== base(y)) return false;
  }
  return true;
}

const MARKED_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/giu;

/**
 * How well a copy is written, to pick the text a reader sees: diacritics first, then ordinary capitalization and
 * punctuation, then the shortest (the fewest greetings and formulas around the opinion).
 */
function textQuality(text: string): number {
  const trimmed = text.trim();
  const letters = trimmed.replace(/[^\p{L}]/gu, '').length;
  const marked = trimmed.match(MARKED_LETTER)?.length ?? 0;
  let q = marked >= letters * 0.15 ? 4 : 0;
  if (!/[\u0300-\u036f]/.test(text)) q += 1;
  if (/^\p{Lu}/u.test(trimmed) && /\p{Ll}/u.test(trimmed) && trimmed === text) q += 1;
  if (/[.!?…]$/u.test(trimmed)) q += 0.5;
  return q - Math.min(trimmed.length, 10_000) / 100_000;
}
