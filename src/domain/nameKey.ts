/**
 * What a project's name says, whatever the hand that typed it: folded words (case, diacritics,
 * spacing, punctuation), the abbreviations of Vietnamese administrative writing expanded (`XD`,
 * `CNTT`, `UBND`, `TT&TT`, `KT-XH`, `GĐ`…), phases written one way (`(Giai đoạn 2)`, `giai đoạn
 * II`, `GĐ2` → `giai doan 2`), numbers without leading zeros, a count of units written one way
 * (`(29 ĐV)`, `cho 29 đơn vị` → `29 don vi`). Two names with the same key name the
 * same thing; their tokens feed the similarity of names that differ.
 */
import { fold } from './sources';

/** Folded abbreviations (as token sequences) and what they stand for; longest first wins. */
const ABBREVIATIONS: [string, string][] = [
  ['tt va tt', 'thong tin va truyen thong'],
  ['tt tt', 'thong tin va truyen thong'],
  ['tttt', 'thong tin va truyen thong'],
  ['bcvt', 'buu chinh vien thong'],
  ['cntt tt', 'cong nghe thong tin va truyen thong'],
  ['cntt', 'cong nghe thong tin'],
  ['xd', 'xay dung'],
  ['xdcb', 'xay dung co ban'],
  ['ubnd', 'uy ban nhan dan'],
  ['hdnd', 'hoi dong nhan dan'],
  ['dbqh', 'dai bieu quoc hoi'],
  ['kt xh', 'kinh te xa hoi'],
  ['ktxh', 'kinh te xa hoi'],
  ['qlnn', 'quan ly nha nuoc'],
  ['ql', 'quan ly'],
  ['cqnn', 'co quan nha nuoc'],
  ['csdl', 'co so du lieu'],
  ['vp', 'van phong'],
  ['gd va dt', 'giao duc va dao tao'],
  ['gd dt', 'giao duc va dao tao'],
  ['gddt', 'giao duc va dao tao'],
  ['gd', 'giai doan'],
  ['tn va mt', 'tai nguyen va moi truong'],
  ['tn mt', 'tai nguyen va moi truong'],
  ['tnmt', 'tai nguyen va moi truong'],
  ['nn va ptnt', 'nong nghiep va phat trien nong thon'],
  ['nn ptnt', 'nong nghiep va phat trien nong thon'],
  ['nnptnt', 'nong nghiep va phat trien nong thon'],
  ['kh va dt', 'ke hoach va dau tu'],
  ['kh dt', 'ke hoach va dau tu'],
  ['khdt', 'ke hoach va dau tu'],
  ['kh va cn', 'khoa hoc va cong nghe'],
  ['kh cn', 'khoa hoc va cong nghe'],
  ['khcn', 'khoa hoc va cong nghe'],
  ['ldtb va xh', 'lao dong thuong binh va xa hoi'],
  ['ldtb xh', 'lao dong thuong binh va xa hoi'],
  ['ldtbxh', 'lao dong thuong binh va xa hoi'],
  ['vh tt va dl', 'van hoa the thao va du lich'],
  ['vh tt dl', 'van hoa the thao va du lich'],
  ['vhttdl', 'van hoa the thao va du lich'],
  ['gtvt', 'giao thong van tai'],
  ['ptth', 'phat thanh truyen hinh'],
  ['nsnn', 'ngan sach nha nuoc'],
  ['nstw', 'ngan sach trung uong'],
  ['nsdp', 'ngan sach dia phuong'],
  ['ctmtqg', 'chuong trinh muc tieu quoc gia'],
  ['dtpt', 'dau tu phat trien'],
  ['cbcc', 'can bo cong chuc'],
  ['ccvc', 'cong chuc vien chuc'],
  ['tp', 'thanh pho'],
  ['tx', 'thi xa'],
  ['dv', 'don vi'],
  ['hv', 'hoc vien'],
];

/** Abbreviations by their first token, each a list of [tokens, expansion tokens], longest first. */
const BY_FIRST = new Map<string, [string[], string[]][]>();
for (const [abbr, full] of ABBREVIATIONS) {
  const words = abbr.split(' ');
  const list = BY_FIRST.get(words[0]) ?? [];
  list.push([words, full.split(' ')]);
  list.sort((x, y) => y[0].length - x[0].length);
  BY_FIRST.set(words[0], list);
}

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4', v: '5', vi: '6' };

/** Words joining others ("và"), left out of the key: `XD & triển khai` = `Xây dựng và triển khai`. */
const JOINERS = new Set(['va']);

/** Base letter or digit of each character met so far ('' for the others), found once. */
const BASE = new Map<string, string>();
/** The same by UTF-16 code (outside surrogates): read by code, no string per character. */
const BY_CODE: (string | undefined)[] = [];

/** A character's base letter or digit (`ệ` → `e`), '' for punctuation and the like. */
export function baseLetter(ch: string): string {
  let b = BASE.get(ch);
  if (b === undefined) {
    b = fold(ch);
    if (!/^[a-z0-9]$/.test(b)) b = '';
    BASE.set(ch, b);
  }
  return b;
}

/** The base letter of a UTF-16 code outside the surrogates. */
function baseOfCode(c: number): string {
  let b = BY_CODE[c];
  if (b === undefined) {
    b = baseLetter(String.fromCharCode(c));
    BY_CODE[c] = b;
  }
  return b;
}

const isDigit = (c: string) => c >= '0' && c <= '9';

/**
 * A text folded in one pass: `text` its letters and digits with single spaces (case, diacritics,
 * punctuation gone), `words` the same split at letter–digit boundaries too (`gd2` → `gd`, `2`).
 */
export function foldName(s: unknown): { text: string; words: string[] } {
  const words: string[] = [];
  let text = '';
  let word = '';
  let gap = false;
  const str = String(s ?? '');
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) continue; // a decomposed accent: part of its letter
    let b: string;
    if (c >= 0xd800 && c <= 0xdfff) {
      // a character beyond the first plane: read it whole
      const cp = str.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (ch.length > 1) i++;
      b = baseLetter(ch);
    } else b = baseOfCode(c);
    if (!b) {
      if (word) words.push(word);
      word = '';
      gap = true;
      continue;
    }
    if (gap && text) text += ' ';
    gap = false;
    text += b;
    if (word && isDigit(b) !== isDigit(word[word.length - 1])) {
      words.push(word);
      word = '';
    }
    word += b;
  }
  if (word) words.push(word);
  return { text, words };
}

/** Folded words of a text: letters and digits only, a letter–digit boundary splits (`gd2`). */
export function foldedWords(s: unknown): string[] {
  return foldName(s).words;
}

/** A word without vowels (`ld`, `tb`, `xh`): a piece of an abbreviation, never a word of its own. */
function isConsonants(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    // a-z but a, e, i, o, u, y (digits neither)
    if (c < 98 || c > 122 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121)
      return false;
  }
  return w.length > 0;
}

/**
 * An abbreviation written in pieces (`LĐ-TB&XH`, `VHTT&DL`: vowel-less words, `và` between them)
 * whose pieces joined are a one-word abbreviation (`ldtbxh`): its expansion and the words it
 * takes, the most first; null when the words at i are no such pieces.
 */
function piecesAt(words: readonly string[], i: number): [number, string[]] | null {
  let joined = '';
  const pieces: string[] = [];
  let best: [number, string[]] | null = null;
  for (let j = i; j < words.length; j++) {
    if (words[j] === 'va' && pieces.length > 0) continue;
    if (!isConsonants(words[j])) break;
    joined += words[j];
    pieces.push(words[j]);
    if (pieces.length < 2) continue;
    // the pieces joined (`ld tb xh` → `ldtbxh`) or as the words of one (`cntt và tt` → `cntt tt`)
    const hit =
      BY_FIRST.get(joined)?.find(([abbr]) => abbr.length === 1) ??
      BY_FIRST.get(pieces[0])?.find(
        ([abbr]) => abbr.length === pieces.length && abbr.every((w, k) => w === pieces[k]),
      );
    if (hit) best = [j + 1 - i, hit[1]];
  }
  return best;
}

/** The canonical tokens of folded words (abbreviations expanded, phases and numbers alike). */
export function tokensOf(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const cands = BY_FIRST.get(words[i]);
    const hit = cands?.find(([abbr]) => abbr.every((w, k) => words[i + k] === w));
    const pieces = i + 1 < words.length && isConsonants(words[i]) ? piecesAt(words, i) : null;
    if (pieces && pieces[0] > (hit?.[0].length ?? 0)) {
      for (const w of pieces[1]) out.push(w);
      i += pieces[0];
      continue;
    }
    if (hit) {
      for (const w of hit[1]) out.push(w);
      i += hit[0].length;
      continue;
    }
    const w = words[i++];
    out.push(isDigit(w[0]) ? String(Number(w)) : w);
  }
  // phases: "giai doan ii" → "giai doan 2"
  for (let i = 2; i < out.length; i++)
    if (out[i - 2] === 'giai' && out[i - 1] === 'doan' && ROMAN[out[i]]) out[i] = ROMAN[out[i]];
  // a count of units written two ways: `cho 29 đơn vị` = `(29 ĐV)` (the count itself is kept)
  return out.filter((w, i) => !JOINERS.has(w) && !(w === 'cho' && isCount(out, i + 1)));
}

/** Whether the tokens at `i` are a count of units: a number, then `don vi` (`29 ĐV`). */
function isCount(tokens: readonly string[], i: number): boolean {
  return isDigit(tokens[i]?.[0] ?? '') && tokens[i + 1] === 'don' && tokens[i + 2] === 'vi';
}

/**
 * A name's key without its counts of units (`(29 ĐV)`, `cho 29 đơn vị`), and whether it had any:
 * what two spellings of one project share when only one of them states the count.
 */
export function withoutCounts(key: string): { bare: string; counted: boolean } {
  const tokens = key.split(' ');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (isCount(tokens, i)) i += 2;
    else out.push(tokens[i]);
  }
  return { bare: out.join(' '), counted: out.length < tokens.length };
}

/** The canonical tokens of a name (see the module comment). */
export function nameTokens(s: unknown): string[] {
  return tokensOf(foldName(s).words);
}

/** The key two spellings of one name share. */
export function nameKey(s: unknown): string {
  return nameTokens(s).join(' ');
}
