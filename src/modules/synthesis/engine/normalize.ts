// From a comment as typed to the opinion it states: canonical Vietnamese words, courtesy removed, and the facts
// that make two similar-looking opinions different (numbers, places, directions, requests for and against, the
// people and fields it names).
import {
  ABBREVIATIONS,
  ABBREVIATIONS_AFTER,
  CLAUSE_LINKS,
  COMPASS_NOUNS,
  COMPASS_POINTS,
  CONTRAST_SETS,
  DIRECTIONS,
  FILLER_GLUE,
  FILLER_HEADS,
  INSTITUTIONS,
  NEGATORS,
  NOT_CONTRASTS,
  NOT_DIRECTIONS,
  NOT_REQUEST_NEGATION,
  NOT_SYNONYMS,
  NUMBER_UNITS,
  PLACE_NOUNS,
  REQUEST_HEADS,
  REQUEST_NEGATORS,
  REQUEST_WORDS,
  SELF_INTRODUCTIONS,
  SHOULD_NOT,
  STOPWORDS,
  STOPWORDS_SAFE_UNMARKED,
  SYNONYMS,
} from './lexicon';
import { analyzeWord, type MarkLevel, type Syllable } from './syllable';

/** One word or number of a comment. */
export interface Token {
  /** Without any mark, đ→d: what a text typed without diacritics still has. */
  fold: string;
  /** With vowel marks, without tone. */
  base: string;
  /** With tone (hỏi and ngã as one class). */
  full: string;
  /** How far this token's marks can be trusted (see MarkLevel). */
  level: MarkLevel;
  /** Canonical spelling, for reading. */
  text: string;
  isNumber: boolean;
  /** Written with a capital letter (names of places). */
  capital: boolean;
  /** Punctuation before this token: 0 none, 1 comma or dash, 2 end of sentence, 3 colon. */
  gap: 0 | 1 | 2 | 3;
  /** A grammatical or request word that says nothing about the opinion. */
  stop: boolean;
  /** Written by the engine (an expanded abbreviation), not by the citizen. */
  written: boolean;
  /** Meanings (synonym rows) of the phrase this word is part of, if any. */
  meanings: string[] | null;
}

/** A word that gives a proposal its direction, with what it applies to. */
export interface Direction {
  axis: string;
  up: boolean;
  /** Folded content words around it (after it, and before it in its clause): what it applies to. */
  objects: string[];
}

export type OpinionKind = 'opinion' | 'agreement' | 'empty';

/** What normalizeComment() returns. */
export interface NormalizedComment {
  /** The opinion in canonical spelling, lower case, without courtesy formulas or punctuation. */
  text: string;
  /** The same without marks. */
  fold: string;
  /** 'agreement': the comment only agrees ("nhất trí, không có ý kiến bổ sung"); 'empty': only courtesy. */
  kind: OpinionKind;
  /** The opinion's words. */
  tokens: Token[];
  /** Meanings (synonym rows) the opinion uses, by their canonical phrase. */
  meanings: string[];
  /** Numbers and percentages, as written without grouping dots ("30%", "2030", "4"). */
  numbers: string[];
  /** Names ("tân lập", "suối đá"), numbered places ("thôn#4") and compass points ("#tây"). */
  places: string[];
  directions: Direction[];
  /** Members of contrast sets the opinion names, as "set#member" (see CONTRAST_SETS). */
  targets: string[];
  /** What the opinion asks for or against: the folded words after each request, and whether it was negated. */
  stances: Stance[];
}

/** One request: "đề nghị quy hoạch cụm công nghiệp" (for) or "đề nghị không quy hoạch cụm công nghiệp" (against). */
export interface Stance {
  against: boolean;
  objects: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Phrase dictionaries: lexicon phrases are read like comments and matched on folded words, so they also match
// text typed without marks; where both sides have marks, the marks must agree.

interface Entry<T> {
  syllables: Syllable[];
  payload: T[];
}

class PhraseDict<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();

  /**
   * `bareSingles`: whether a one-word phrase may match a word typed without marks — always (true), never (false),
   * or only for the listed unmarked spellings.
   */
  constructor(private readonly bareSingles: boolean | Set<string>) {}

  add(phrase: string, payload: T): void {
    const syllables = phrase.split(/\s+/).filter(Boolean).map((w) => analyzeWord(w.toLowerCase()));
    if (!syllables.length) return;
    const list = this.byFirst.get(syllables[0].fold) ?? [];
    const same = list.find((e) => e.syllables.length === syllables.length && e.syllables.every((s, i) => s.full === syllables[i].full));
    if (same) {
      if (!same.payload.includes(payload)) same.payload.push(payload);
    } else {
      // Longest first, so that match() returns the longest phrase.
      const at = list.findIndex((e) => e.syllables.length < syllables.length);
      list.splice(at < 0 ? list.length : at, 0, { syllables, payload: [payload] });
    }
    this.byFirst.set(syllables[0].fold, list);
  }

  /** The longest phrase starting at tokens[i] and ending before `end` (commas may sit inside it). */
  match(tokens: Token[], i: number, end = tokens.length): { length: number; payload: T[] } | null {
    if (i >= end) return null;
    const first = tokens[i];
    if (!first || first.isNumber) return null;
    const list = this.byFirst.get(first.fold);
    if (!list) return null;
    for (const e of list) {
      const n = e.syllables.length;
      if (i + n > end) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const t = tokens[i + k];
        const s = e.syllables[k];
        ok = !t.isNumber && t.fold === s.fold && (k === 0 || t.gap <= 1) && this.compatible(t, s, n === 1);
      }
      if (ok) return { length: n, payload: e.payload };
    }
    return null;
  }

  private compatible(t: Token, s: Syllable, single: boolean): boolean {
    if (t.level === 2) return t.full === s.full;
    if (t.level === 1) return t.base === s.base;
    if (!single) return true;
    if (typeof this.bareSingles !== 'boolean') return this.bareSingles.has(t.fold);
    return this.bareSingles || !(s.hasTone || s.hasVowelMark);
  }
}

type FillerRole = keyof typeof FILLER_HEADS | 'glue';

// An unmarked one-syllable grammar word is recognised only when its spelling is unambiguous: dropping a content
// word (cán in "can bo") costs more than keeping a grammar word.
const stopDict = new PhraseDict<true>(new Set(STOPWORDS_SAFE_UNMARKED));
const fillerDict = new PhraseDict<FillerRole>(true);
const negatorDict = new PhraseDict<true>(true);
const selfIntroDict = new PhraseDict<true>(true);
const requestDict = new PhraseDict<true>(true);
const meaningDict = new PhraseDict<string | null>(false);
// Unmarked, "tang" and "giam" are almost always tăng and giảm in a proposal.
const directionDict = new PhraseDict<{ axis: string; up: boolean } | null>(new Set(['tang', 'giam']));
const placeDict = new PhraseDict<true>(false);
const contrastDict = new PhraseDict<string | null>(false);
const requestHeadDict = new PhraseDict<true>(true);
// Unmarked, only "khong" is surely a negator.
const requestNegatorDict = new PhraseDict<true>(new Set(['khong']));
const shouldNotDict = new PhraseDict<true>(true);
const notNegationDict = new PhraseDict<true>(true);
const clauseLinkDict = new PhraseDict<true>(false);
const compassDict = new PhraseDict<true>(false);
const institutionDict = new PhraseDict<true>(true);
const compassPointDict = new PhraseDict<true>(false);

for (const w of STOPWORDS) stopDict.add(w, true);
for (const [role, heads] of Object.entries(FILLER_HEADS)) for (const h of heads) fillerDict.add(h, role as FillerRole);
for (const w of FILLER_GLUE) fillerDict.add(w, 'glue');
for (const w of NEGATORS) negatorDict.add(w, true);
for (const w of SELF_INTRODUCTIONS) selfIntroDict.add(w, true);
for (const w of REQUEST_WORDS) requestDict.add(w, true);
for (const row of SYNONYMS) for (const phrase of row) meaningDict.add(phrase, row[0]);
for (const phrase of NOT_SYNONYMS) meaningDict.add(phrase, null);
for (const d of DIRECTIONS) {
  for (const w of d.up) directionDict.add(w, { axis: d.axis, up: true });
  for (const w of d.down) directionDict.add(w, { axis: d.axis, up: false });
}
// Matched (so that "nâng" in "nâng cấp" is not read as a raise) but carrying no direction.
for (const w of NOT_DIRECTIONS) directionDict.add(w, null);
for (const w of PLACE_NOUNS) placeDict.add(w, true);
for (const [set, members] of Object.entries(CONTRAST_SETS)) members.forEach((phrases, m) => phrases.forEach((p) => contrastDict.add(p, `${set}#${m}`)));
for (const p of NOT_CONTRASTS) contrastDict.add(p, null);
for (const w of REQUEST_HEADS) requestHeadDict.add(w, true);
for (const w of REQUEST_NEGATORS) requestNegatorDict.add(w, true);
for (const w of SHOULD_NOT) shouldNotDict.add(w, true);
for (const w of NOT_REQUEST_NEGATION) notNegationDict.add(w, true);
for (const w of CLAUSE_LINKS) clauseLinkDict.add(w, true);
for (const w of COMPASS_NOUNS) compassDict.add(w, true);
for (const w of INSTITUTIONS) institutionDict.add(w, true);
for (const w of COMPASS_POINTS) compassPointDict.add(w, true);

// ---------------------------------------------------------------------------------------------------------------
// Tokenizing

const BULLET_RE = /^[ \t]*(?:[-+*•–—]|\d{1,2}[.)]|[a-zđ][.)])[ \t]*/gimu;
const NUMBER_RE = /^\d+(?:[.,]\d+)*%?$/;
const NUMBER_WITH_UNIT_RE = /^(\d+(?:[.,]\d+)?)([a-zđ]+)$/;

/** What a written chunk (letters and digits joined by & . - – /) stands for; cached by its exact spelling. */
type Piece =
  | { kind: 'word'; syllable: Syllable; lower: string; capital: boolean }
  | { kind: 'number'; value: string }
  | { kind: 'written'; syllables: Syllable[] }
  | { kind: 'sentence' };

const pieceCache = new Map<string, Piece[]>();
const PIECE_CACHE_LIMIT = 200_000;

function numberValue(raw: string): string {
  let n = raw.replace(/\s/g, '');
  // "1.000.000" groups thousands with dots; "1,5" is a decimal comma.
  if (/^\d{1,3}(?:\.\d{3})+%?$/.test(n)) n = n.replace(/\./g, '');
  return n.replace(',', '.');
}

const written = (phrase: string): Piece => ({ kind: 'written', syllables: phrase.split(' ').map(analyzeWord) });

function piecesOf(chunk: string): Piece[] {
  const hit = pieceCache.get(chunk);
  if (hit) return hit;
  const out: Piece[] = [];
  const lower = chunk.toLowerCase();
  if (ABBREVIATIONS[lower]) out.push(written(ABBREVIATIONS[lower]));
  else if (NUMBER_RE.test(chunk)) out.push({ kind: 'number', value: numberValue(chunk) });
  else {
    // Compounds split at their joiners; a dot followed by a capital is a sentence typed without a space.
    const parts = chunk.split(/([&.\-–/])/);
    for (let p = 0; p < parts.length; p += 2) {
      const part = parts[p];
      if (!part) continue;
      if (p > 0 && parts[p - 1] === '.' && part[0] !== part[0].toLowerCase()) out.push({ kind: 'sentence' });
      const low = part.toLowerCase();
      const withUnit = NUMBER_WITH_UNIT_RE.exec(low);
      if (/^\d+$/.test(part)) out.push({ kind: 'number', value: part });
      else if (withUnit) {
        // "500tr", "40k", "2ha": a figure and its unit written together
        out.push({ kind: 'number', value: numberValue(withUnit[1]) });
        out.push(NUMBER_UNITS[withUnit[2]] ? written(NUMBER_UNITS[withUnit[2]]) : { kind: 'word', syllable: analyzeWord(withUnit[2]), lower: withUnit[2], capital: false });
      } else if (ABBREVIATIONS[low]) out.push(written(ABBREVIATIONS[low]));
      else out.push({ kind: 'word', syllable: analyzeWord(low), lower: low, capital: part[0] !== low[0] });
    }
  }
  if (pieceCache.size < PIECE_CACHE_LIMIT) pieceCache.set(chunk, out);
  return out;
}

function wordToken(s: Syllable, capital: boolean, gap: Token['gap']): Token {
  // Level is provisional here: markLevels() settles it once the whole comment is read.
  const level: MarkLevel = s.hasTone || s.hasVowelMark ? 2 : 0;
  return { fold: s.fold, base: s.base, full: s.full, level, text: s.text, isNumber: false, capital, gap, stop: false, written: false, meanings: null };
}

// Words the engine wrote itself (expanded abbreviations, units) are spelled exactly, whatever the comment's marks;
// markLevels() leaves them alone.
function pushWritten(tokens: Token[], syllables: Syllable[], gap: Token['gap']): void {
  syllables.forEach((s, i) => {
    const t = wordToken(s, false, i === 0 ? gap : 0);
    t.level = 2;
    t.written = true;
    tokens.push(t);
  });
}

const CONTEXT_ABBREVIATIONS = new Map(ABBREVIATIONS_AFTER.map(([prev, abbr, full]) => [`${analyzeWord(prev).fold} ${abbr}`, full.split(' ').map(analyzeWord)]));
const CONTEXT_HEADS = new Set(ABBREVIATIONS_AFTER.map(([prev]) => analyzeWord(prev).fold));
const NUMBER_UNIT_SYLLABLES = new Map(Object.entries(NUMBER_UNITS).map(([k, v]) => [k, v.split(' ').map(analyzeWord)]));

// Letters of Vietnamese and its neighbours (Latin ranges, combining marks), digits; anything else separates.
function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x1e00 && c <= 0x1eff) ||
    (c >= 0x370 && c < 0x2000)
  );
}
const JOINERS = new Set(['&', '.', '-', '–', '/'].map((c) => c.charCodeAt(0)));
const SENTENCE_END = new Set(['.', '!', '?', ';', '…', '\n'].map((c) => c.charCodeAt(0)));
const DASHES = new Set(['-', '–', '—'].map((c) => c.charCodeAt(0)));

// Decomposed text (pasted from some editors) is composed first; composed text needs nothing, and skipping the
// call matters: normalize() is slow on strings it does not change.
const nfc = (s: string) => (/[\u0300-\u036f]/.test(s) ? s.normalize('NFC') : s);

function tokenize(raw: string): Token[] {
  const text = nfc(raw.replace(BULLET_RE, ''));
  const tokens: Token[] = [];
  let gap: Token['gap'] = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      if (SENTENCE_END.has(c)) gap = 2;
      else if (c === 58 /* : */) gap = Math.max(gap, 3) as Token['gap'];
      else if (c === 44 /* , */ || (DASHES.has(c) && (i === 0 || text.charCodeAt(i - 1) === 32))) gap = Math.max(gap, 1) as Token['gap'];
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isWordChar(d)) j++;
      else if (JOINERS.has(d) && j + 1 < n && isWordChar(text.charCodeAt(j + 1))) j += 2;
      else break;
    }
    let chunk = text.slice(i, j);
    // A percent sign belongs to the number before it ("30%", "30 %").
    if (c >= 48 && c <= 57) {
      const k = text.charCodeAt(j) === 32 ? j + 1 : j;
      if (text.charCodeAt(k) === 37 /* % */ && /^\d[\d.,]*$/.test(chunk)) {
        chunk += '%';
        j = k + 1;
      }
    }
    i = j;
    for (const piece of piecesOf(chunk)) {
      const prev = tokens[tokens.length - 1];
      if (piece.kind === 'sentence') {
        gap = 2;
        continue;
      }
      if (piece.kind === 'number') {
        tokens.push({ fold: piece.value, base: piece.value, full: piece.value, level: 2, text: piece.value, isNumber: true, capital: false, gap, stop: false, written: false, meanings: null });
      } else if (piece.kind === 'written') {
        pushWritten(tokens, piece.syllables, gap);
      } else if (prev?.isNumber && gap === 0 && NUMBER_UNIT_SYLLABLES.has(piece.lower)) {
        pushWritten(tokens, NUMBER_UNIT_SYLLABLES.get(piece.lower) as Syllable[], gap);
      } else if (prev && gap === 0 && CONTEXT_HEADS.has(prev.fold) && CONTEXT_ABBREVIATIONS.has(`${prev.fold} ${piece.lower}`)) {
        pushWritten(tokens, CONTEXT_ABBREVIATIONS.get(`${prev.fold} ${piece.lower}`) as Syllable[], gap);
      } else {
        tokens.push(wordToken(piece.syllable, piece.capital, gap));
      }
      gap = 0;
    }
  }
  return tokens;
}

// Marks are trusted per comment: in a comment with tones, a marked word is fully known; in one typed with vowel
// marks but no tones at all, only its vowel marks are; a word with no mark may have lost them (level 0).
function markLevels(tokens: Token[]): void {
  const own = tokens.filter((t) => !t.isNumber && !t.written);
  if (own.some((t) => t.full !== t.base)) return;
  for (const t of own) if (t.level === 2) t.level = 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Courtesy and agreement formulas

interface Clause {
  start: number;
  end: number;
  /** The punctuation that ends it (same scale as Token.gap; 2 at the end of the text). */
  close: Token['gap'];
}

function clausesOf(tokens: Token[]): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i].gap > 0) {
      out.push({ start, end: i, close: i === tokens.length ? 2 : tokens[i].gap });
      start = i;
    }
  }
  return out;
}

/** The kinds of formula a clause is made of, or null when it says something. */
function formulaKinds(tokens: Token[], c: Clause): Set<FillerRole> | null {
  const kinds = new Set<FillerRole>();
  let negated = false;
  for (let i = c.start; i < c.end; ) {
    const neg = negatorDict.match(tokens, i, c.end);
    const m = fillerDict.match(tokens, i, c.end);
    if (neg && (!m || neg.length >= m.length)) {
      // "không"/"chưa" before an agreement or praise makes it an objection, which is an opinion.
      negated = true;
      i += neg.length;
      continue;
    }
    if (!m) return null;
    for (const role of m.payload) kinds.add(role);
    i += m.length;
  }
  kinds.delete('glue');
  if (!kinds.size) return null;
  if (negated && (kinds.has('agreement') || kinds.has('praise'))) return null;
  return kinds;
}

function hasPhrase(dict: PhraseDict<true>, tokens: Token[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (dict.match(tokens, i, end)) return true;
  return false;
}

const AGREEING: FillerRole[] = ['agreement', 'noMore', 'praise'];

/** Drops formulas from both ends; returns the opinion's token range and whether agreement was expressed. */
function stripFormulas(tokens: Token[]): { start: number; end: number; agreed: boolean } {
  const clauses = clausesOf(tokens);
  let first = 0;
  let last = clauses.length - 1;
  let agreed = false;
  const note = (kinds: Set<FillerRole>) => {
    if (AGREEING.some((k) => kinds.has(k))) agreed = true;
  };
  while (first <= last) {
    const c = clauses[first];
    const kinds = formulaKinds(tokens, c);
    if (kinds) {
      note(kinds);
      first++;
      continue;
    }
    // A short heading before a colon ("Góp ý của chi đoàn khu phố 2:") unless it is a request itself.
    if (c.close === 3 && c.end - c.start <= 12 && !hasPhrase(requestDict, tokens, c.start, c.end) && first < last) {
      first++;
      continue;
    }
    // A self-introduction: the clause, or its whole sentence when the sentence asks for nothing.
    if (selfIntroDict.match(tokens, c.start, c.end) && !hasPhrase(requestDict, tokens, c.start, c.end) && first < last) {
      let k = first;
      while (k < last && clauses[k].close < 2) k++;
      const sentenceAsks = hasPhrase(requestDict, tokens, c.start, clauses[k].end);
      first = sentenceAsks || k === last ? first + 1 : k + 1;
      continue;
    }
    break;
  }
  while (last >= first) {
    const kinds = formulaKinds(tokens, clauses[last]);
    if (!kinds) break;
    note(kinds);
    last--;
  }
  if (first > last) return { start: 0, end: 0, agreed };
  let start = clauses[first].start;
  let end = clauses[last].end;
  // Formulas run into the opinion without punctuation: "Nhất trí cao xin bổ sung một ý đề nghị …", "… xin cảm ơn".
  const lead = formulaPrefix(tokens, start, end);
  if (lead > start && requestDict.match(tokens, lead, end)) start = lead;
  const tail = formulaSuffix(tokens, start, end);
  if (tail < end) end = tail;
  return { start, end, agreed };
}

function formulaPrefix(tokens: Token[], start: number, end: number): number {
  let i = start;
  let best = start;
  let headSeen = false;
  while (i < end) {
    const m = fillerDict.match(tokens, i, end);
    if (!m) break;
    if (m.payload.some((r) => r !== 'glue')) headSeen = true;
    i += m.length;
    if (headSeen) best = i;
  }
  return best;
}

const LONGEST_FORMULA = 8;

function formulaSuffix(tokens: Token[], start: number, end: number): number {
  // Only thanks and wishes are recognised without punctuation at the end: they never continue an opinion.
  for (let i = Math.max(start + 1, end - LONGEST_FORMULA); i < end; i++) {
    const kinds = formulaKinds(tokens, { start: i, end, close: 2 });
    if (kinds && [...kinds].every((k) => k === 'thanks' || k === 'wishes')) return i;
  }
  return end;
}

// ---------------------------------------------------------------------------------------------------------------
// Facts that tell similar opinions apart

/** Content words after a direction word, and before it in its clause, taken as what it applies to. */
const OBJECT_AFTER = 4;
const OBJECT_BEFORE = 3;

function directionsOf(tokens: Token[]): Direction[] {
  const out: Direction[] = [];
  for (let i = 0; i < tokens.length; ) {
    const m = directionDict.match(tokens, i);
    if (!m) {
      i++;
      continue;
    }
    const negated = isNegated(tokens, i);
    const objects: string[] = [];
    for (let k = i + m.length; k < tokens.length && objects.length < OBJECT_AFTER; k++) {
      if (tokens[k].gap >= 2) break;
      if (!tokens[k].stop && !tokens[k].isNumber) objects.push(tokens[k].fold);
    }
    // "Phần bài học kinh nghiệm còn dài": the subject of a clause is what an adjective judges.
    for (let k = i - 1, before = 0; k >= 0 && before < OBJECT_BEFORE; k--) {
      if (!tokens[k].stop && !tokens[k].isNumber) {
        objects.push(tokens[k].fold);
        before++;
      }
      if (tokens[k].gap >= 1) break;
    }
    for (const d of m.payload) if (d) out.push({ axis: d.axis, up: negated ? !d.up : d.up, objects });
    i += m.length;
  }
  return out;
}

function isNegated(tokens: Token[], i: number): boolean {
  for (let back = 1; back <= 2 && i - back >= 0; back++) {
    const m = negatorDict.match(tokens, i - back, i);
    if (m && i - back + m.length === i) return true;
    if (tokens[i - back + 1]?.gap) break;
  }
  return false;
}

function placesOf(tokens: Token[]): string[] {
  const words = tokens.filter((t) => !t.isNumber);
  // Capitals name places only in ordinary writing, not in a text written all in capitals or in title case.
  const capitalsMeanNames = words.filter((t) => t.capital).length <= words.length / 3;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const compass = compassDict.match(tokens, i);
    const point = compass && i + compass.length < tokens.length ? compassPointDict.match(tokens, i + compass.length) : null;
    if (compass && point) {
      out.push(`#${tokens.slice(i + compass.length, i + compass.length + point.length).map((t) => t.fold).join(' ')}`);
      i += compass.length + point.length - 1;
      continue;
    }
    const noun = placeDict.match(tokens, i);
    const next = noun ? tokens[i + noun.length] : undefined;
    if (noun && next?.isNumber && next.gap < 2) {
      out.push(`${tokens.slice(i, i + noun.length).map((t) => t.fold).join(' ')}#${next.fold}`);
      i += noun.length;
      continue;
    }
    // A capitalised run inside a sentence is a name (Tân Lập, Suối Đá, Bàu Sen), unless it names an institution.
    const t = tokens[i];
    if (!capitalsMeanNames || !t.capital || t.isNumber || i === 0 || t.gap >= 2) continue;
    const institution = institutionDict.match(tokens, i);
    if (institution) {
      i += institution.length - 1;
      continue;
    }
    const name: string[] = [];
    let k = i;
    for (; k < tokens.length && name.length < 4 && tokens[k].capital && !tokens[k].isNumber && (k === i || tokens[k].gap === 0) && !(k > i && institutionDict.match(tokens, k)); k++) name.push(tokens[k].fold);
    out.push(name.join(' '));
    i = k - 1;
  }
  return [...new Set(out)];
}

/** Content words a request is about, at most. */
const STANCE_OBJECTS = 8;

/** The requests of an opinion: after a request word, negated or not, and after "không nên" wherever it stands. */
function stancesOf(tokens: Token[]): Stance[] {
  const out: Stance[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const head = requestHeadDict.match(tokens, i);
    const shouldNot = head ? null : shouldNotDict.match(tokens, i);
    const found = head ?? shouldNot;
    if (!found) continue;
    let k = i + found.length;
    let against = shouldNot !== null;
    // The negator may follow a subject: "đề nghị tỉnh không nên …".
    for (let j = k; head && j < Math.min(k + 3, tokens.length); j++) {
      if (j > k && tokens[j].gap >= 1) break;
      const neg = requestNegatorDict.match(tokens, j);
      if (neg && !notNegationDict.match(tokens, j + neg.length)) {
        against = true;
        k = j + neg.length;
        break;
      }
    }
    const objects: string[] = [];
    for (let j = k; j < tokens.length && objects.length < STANCE_OBJECTS; j++) {
      if (j > k && tokens[j].gap >= 2) break;
      if (j > k && clauseLinkDict.match(tokens, j)) break;
      if (!tokens[j].stop && !tokens[j].isNumber) objects.push(tokens[j].fold);
    }
    if (objects.length) out.push({ against, objects: [...new Set(objects)] });
    i = k - 1;
  }
  return out;
}

/** Members of contrast sets named in the opinion. */
function targetsOf(tokens: Token[]): string[] {
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; ) {
    const m = contrastDict.match(tokens, i);
    if (!m) {
      i++;
      continue;
    }
    for (const t of m.payload) if (t) out.add(t);
    i += m.length;
  }
  return [...out];
}

/** Finds synonym phrases, marks their words with the meanings, and lists the meanings. */
function meaningsOf(tokens: Token[]): string[] {
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; ) {
    const m = meaningDict.match(tokens, i);
    if (!m) {
      i++;
      continue;
    }
    const meanings = m.payload.filter((x): x is string => x !== null);
    for (const meaning of meanings) out.add(meaning);
    if (meanings.length) for (let k = i; k < i + m.length; k++) tokens[k].meanings = meanings;
    i += m.length;
  }
  return [...out];
}

function markStopwords(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; ) {
    const m = stopDict.match(tokens, i);
    if (!m) {
      i++;
      continue;
    }
    for (let k = i; k < i + m.length; k++) tokens[k].stop = true;
    i += m.length;
  }
}

/** Reads a comment: canonical words of its opinion, its kind, and the numbers, places and directions in it. */
export function normalizeComment(text: string): NormalizedComment {
  const all = tokenize(text);
  markLevels(all);
  const { start, end, agreed } = stripFormulas(all);
  const tokens = all.slice(start, end);
  markStopwords(tokens);
  const kind: OpinionKind = tokens.length ? 'opinion' : agreed ? 'agreement' : 'empty';
  return {
    text: tokens.map((t) => t.text).join(' '),
    fold: tokens.map((t) => t.fold).join(' '),
    kind,
    tokens,
    meanings: meaningsOf(tokens),
    numbers: [...new Set(tokens.filter((t) => t.isNumber).map((t) => t.full))],
    places: placesOf(tokens),
    directions: directionsOf(tokens),
    targets: targetsOf(tokens),
    stances: stancesOf(tokens),
  };
}
