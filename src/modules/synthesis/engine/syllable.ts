// Vietnamese syllables: splitting a word into its letters, vowel marks and tone, so that spellings that mean the
// same syllable compare equal, and repairing words left in Telex or VNI keystrokes.
//
// Why syllables: Vietnamese is written one syllable per word, and almost every spelling variant citizens produce
// is a per-syllable phenomenon — old/new tone placement (hòa/hoà), decomposed Unicode, a missing or hỏi/ngã-swapped
// tone, a whole word typed without marks, or an input method that did not convert ("vieetj", "vie65t").

/** How much of a syllable's spelling we can trust: 0 no marks at all, 1 vowel marks without tone, 2 everything. */
export type MarkLevel = 0 | 1 | 2;

/** One analysed word. `fold` drops every mark (đ→d); `base` keeps vowel marks and đ; `full` adds the tone. */
export interface Syllable {
  fold: string;
  base: string;
  full: string;
  /** The word in canonical spelling: NFC, tone on the vowel the current rules choose. */
  text: string;
  hasTone: boolean;
  hasVowelMark: boolean;
}

// Combining tone marks and the tone they write. Hỏi and ngã share a class on purpose: most southern and central
// speakers do not hear the difference and swap them in writing, and two different opinions that differ only by
// a hỏi/ngã swap in the same context are far rarer than the swap itself.
const TONE_OF: Record<string, string> = {
  '\u0301': '1', // sắc
  '\u0300': '2', // huyền
  '\u0309': '3', // hỏi
  '\u0303': '3', // ngã
  '\u0323': '4', // nặng
};
const VOWEL_MARKS = new Set(['\u0302', '\u0306', '\u031B']); // circumflex (â ê ô), breve (ă), horn (ơ ư)
const isVowel = (c: string) => 'aăâeêioôơuưy'.includes(c);

const cache = new Map<string, Syllable>();
const CACHE_LIMIT = 200_000;

/** Analyses one lower-case word made of letters (any Unicode normal form). */
export function analyzeWord(word: string): Syllable {
  const hit = cache.get(word);
  if (hit) return hit;
  const result = repairKeystrokes(word) ?? split(word);
  // The cache is what makes a million comments cheap: their vocabulary is a few tens of thousands of words.
  if (cache.size < CACHE_LIMIT) cache.set(word, result);
  return result;
}

function split(word: string): Syllable {
  if (/^[a-z]*$/.test(word)) {
    // Plain ASCII (most words of a text typed without marks): nothing to decompose.
    const plain = spellingVariant(word);
    return { fold: plain, base: plain, full: plain, text: plain, hasTone: false, hasVowelMark: false };
  }
  let base = '';
  let fold = '';
  let tone = '';
  let toneMark = '';
  let hasVowelMark = false;
  for (const ch of word.normalize('NFD')) {
    const t = TONE_OF[ch];
    if (t) {
      tone = t;
      toneMark = ch;
    } else if (VOWEL_MARKS.has(ch)) {
      base += ch;
      hasVowelMark = true;
    } else if (ch >= '\u0300' && ch <= '\u036f') {
      // another combining mark (rare: pasted from other scripts) carries no Vietnamese meaning
    } else if (ch === 'đ') {
      base += ch;
      fold += 'd';
      hasVowelMark = true;
    } else {
      base += ch;
      fold += ch;
    }
  }
  base = spellingVariant(base.normalize('NFC'));
  fold = spellingVariant(fold);
  return { fold, base, full: tone ? base + tone : base, text: spell(base, toneMark), hasTone: tone !== '', hasVowelMark };
}

// Final "y" and "i" after a consonant are one sound written two ways (kỹ/kĩ, lý/lí, bác sỹ/bác sĩ, công ty/công ti);
// the spelling reform never settled, so both occur in the same document.
function spellingVariant(s: string): string {
  return /^(?:[bcdđghklmnprstvx]|ch|gh|kh|ng|nh|ph|th|tr)y$/.test(s) ? s.slice(0, -1) + 'i' : s;
}

/** Writes a syllable back with its tone on the vowel the current rules choose (hoà, thuỷ, khoẻ, quý, già). */
function spell(base: string, toneMark: string): string {
  if (!toneMark) return base;
  const chars = [...base];
  let start = chars.findIndex(isVowel);
  if (start < 0) return base;
  let end = start;
  while (end < chars.length && isVowel(chars[end])) end++;
  const onset = chars.slice(0, start).join('');
  // In "qu" and "gi" the u/i belongs to the onset when another vowel follows.
  if (end - start > 1 && ((onset === 'q' && chars[start] === 'u') || (onset === 'g' && chars[start] === 'i'))) start++;
  const run = chars.slice(start, end);
  let pos: number;
  const marked = Math.max(...run.map((c, i) => ('ăâêôơư'.includes(c) ? i : -1)));
  if (marked >= 0) pos = marked;
  else if (run.length === 1) pos = 0;
  else if (end < chars.length) pos = run.length - 1;
  else if (run.length === 3) pos = 1;
  else pos = ['oa', 'oe', 'uy'].includes(run.join('')) ? 1 : 0;
  chars[start + pos] = (chars[start + pos] + toneMark).normalize('NFC');
  return chars.join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Which letter strings are Vietnamese syllables. Used only to decide whether a keystroke repair is plausible, so
// the lists favour recall of real syllables over rejecting every impossible one.

const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];
const RHYMES = new Set(
  (
    'a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây ' +
    'e ec em en eng eo ep et ê êch êm ên ênh êp êt êu ' +
    'i ia ich iêc iêm iên iêng iêp iêt iêu im in inh ip it iu ' +
    'o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet oi om on ong oc ooc oong op ot ' +
    'ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt ' +
    'u ua uân uâng uât uây uc uê uêch uênh ui um un ung uơ uôc uôi uôm uôn uông uôt up ut uy uya uych uyên uyêt uynh uyt uyu ' +
    'ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu ' +
    'y yêm yên yêng yêt yêu'
  ).split(' '),
);

/** Whether a mark-free-of-tone spelling (vowel marks allowed) is a Vietnamese syllable. */
export function isSyllable(base: string): boolean {
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rhyme = base.slice(onset.length);
    if (RHYMES.has(rhyme)) return true;
    // "gi" and "qu" swallow the vowel the rhyme would start with: gì = gi + ì, quốc = qu + ốc
    if ((onset === 'gi' || onset === 'qu') && rhyme && RHYMES.has(rhyme)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Keystroke leftovers. When an input method is off or lags, a word arrives as the keys that were typed:
// Telex "vieetj" (ee → ê, j → nặng), "dduwowcj" (dd → đ, uw → ư, ow → ơ), a stray tone key after a correctly
// marked word ("nghịj"), or VNI digits "vie65t" (6 → circumflex, 5 → nặng).

const TELEX_TONE: Record<string, string> = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323' };
const VNI_TONE: Record<string, string> = { '1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323' };

function withTone(base: string, toneMark: string): Syllable | null {
  if (!isSyllable(base)) return null;
  // The tone's position does not matter: split() reads the tone wherever it sits.
  return split(toneMark ? base + toneMark : base);
}

/** Repairs Telex/VNI leftovers; null when the word is not one (or the repair would not be a syllable). */
function repairKeystrokes(word: string): Syllable | null {
  if (/^[a-z]+$/.test(word)) return decodeTelex(word);
  if (/^[a-z]+[0-9][a-z0-9]*$/.test(word)) return decodeVni(word);
  // A marked word with one extra tone key at its end: "nghịj", "việts".
  const last = word[word.length - 1];
  if (word.length > 2 && TELEX_TONE[last] && /[^a-z]/.test(word)) {
    const rest = split(word.slice(0, -1));
    if (rest.hasTone && isSyllable(rest.base) && !isSyllable(word.normalize('NFC'))) return rest;
  }
  return null;
}

function decodeTelex(word: string): Syllable | null {
  // A plain syllable ("ban", "tuan") is not a leftover even if it could be read as one.
  const plain = !/[fjwz]/.test(word) && !/(aa|ee|oo|dd)/.test(word) && isSyllable(word);
  if (plain) return null;
  // The tone key: usually last, sometimes right after the vowels ("vieejt").
  const candidates: Array<[string, string]> = [];
  const last = word[word.length - 1];
  if (TELEX_TONE[last]) candidates.push([word.slice(0, -1), TELEX_TONE[last]]);
  for (let i = 1; i < word.length - 1; i++) {
    if (TELEX_TONE[word[i]] && isVowel(word[i - 1])) candidates.push([word.slice(0, i) + word.slice(i + 1), TELEX_TONE[word[i]]]);
  }
  candidates.push([word, '']);
  for (const [letters, tone] of candidates) {
    const base = telexLetters(letters);
    if (base === null) continue;
    if (!tone && base === word) continue;
    const s = withTone(base, tone);
    if (s) return s;
  }
  return null;
}

function telexLetters(s: string): string | null {
  let out = s.replace(/^dd/, 'đ').replace(/aa/g, 'â').replace(/ee/g, 'ê').replace(/oo/g, 'ô');
  // "w" writes the horn or breve: on the vowel before it (uw, ow, aw, uow), or, typed late, on the vowel group.
  out = out.replace(/uow/g, 'ươ').replace(/uw/g, 'ư').replace(/ow/g, 'ơ').replace(/aw/g, 'ă');
  if (out.includes('w')) {
    out = out.replace(/w/g, '');
    if (out.includes('uo')) out = out.replace('uo', 'ươ');
    else if (/[uoa]/.test(out)) out = out.replace(/[uoa](?!.*[uoa])/, (v) => ({ u: 'ư', o: 'ơ', a: 'ă' })[v] as string);
    else return null;
  }
  return /[a-zđâêôơưă]/.test(out) && !/[fjwz]/.test(out) ? out : null;
}

function decodeVni(word: string): Syllable | null {
  let letters = '';
  let tone = '';
  for (const ch of word) {
    if (ch >= 'a' && ch <= 'z') letters += ch;
    else if (VNI_TONE[ch]) tone = VNI_TONE[ch];
    else if (ch === '6') letters = letters.replace(/[aeo](?!.*[aeo])/, (v) => ({ a: 'â', e: 'ê', o: 'ô' })[v] as string);
    else if (ch === '7') letters = letters.includes('uo') ? letters.replace('uo', 'ươ') : letters.replace(/[uo](?!.*[uo])/, (v) => (v === 'u' ? 'ư' : 'ơ'));
    else if (ch === '8') letters = letters.replace(/a(?!.*a)/, 'ă');
    else if (ch === '9') letters = letters.replace(/^d/, 'đ');
    else return null;
  }
  return withTone(letters, tone);
}
