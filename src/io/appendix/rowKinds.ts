/**
 * What a row's label says about it, from how official tables are written: total rows, *of which*
 * breakdowns, ratio rows, the notes and signature block below a table, footnote markers.
 */
import { fold } from '../../domain/sources';

// the last label folded: a row's label is asked several questions in turn (total? of which? ratio?)
let lastText: string | undefined;
let lastFolded = '';
/** `fold(text)`, kept for the next question about the same text. */
function folded(text: string): string {
  if (text !== lastText) {
    lastFolded = fold(text);
    lastText = text;
  }
  return lastFolded;
}

/** A label that totals the table or a block: `TỔNG SỐ`, `Tổng cộng`, `Cộng`, `Tổng thu NSNN`. */
export function isTotalLabel(label: string): boolean {
  // a bulleted line (`- Tổng số thu`) is an item of a list, never a total of the table
  if (/^\s*[-–+•]/.test(label)) return false;
  const f = folded(label).replace(/^[\s*:.-]+/, '');
  // `Tổng cục`, `Tổng công ty`, `Tổng liên đoàn`, `Tổng đài` … name bodies, not totals
  if (/^tong (cuc|cong ty|lien doan|dai|hoi|lanh su|bien tap|giam doc|thu ky|bi thu)\b/.test(f))
    return false;
  if (/^(tong so|tong cong|cong|cong so|grand total|total|tong)\s*[:(-]?(\s|$)/.test(f))
    return !/^cong\b/.test(f) || opensWithSum(label, f);
  // `Tổng thu …`, `Tổng chi …`, `Tổng vốn …`, `Tổng nhu cầu …` total a flow
  return /^tong (thu|chi|von|nhu cau|muc|nguon|kinh phi|du toan|quyet toan|ke hoach|gia tri)\b/.test(
    f,
  );
}

/**
 * Whether a label folded to `cong …` opens with `Cộng` (sum), not `Công` (`Công trình: …`, `Công
 * ty …`, `Công an tỉnh`: a project's or a body's name, as a department may label one): spelled
 * `Công` it is not, unaccented it is unless a word naming a thing follows.
 */
function opensWithSum(label: string, f: string): boolean {
  const first = /^[\s*:.-]*(\p{L}+)/u.exec(label.normalize('NFC'))?.[1].toLowerCase() ?? '';
  if (first === 'công') return false;
  return !/^cong (trinh|ty|tac|nghe|nghiep|vien|an|doan|chuc|ich|suat|khai|nhan|dan|thuong)\b/.test(
    f,
  );
}

/** `Trong đó:`, `Of which`, `In which`, `Trđ` at the start of a label: an of-which breakdown. */
export function isOfWhichLabel(label: string): boolean {
  return /^[\s(*-]*(trong do|of which|in which|trd\b|in that|including)/.test(folded(label));
}

/** A label ending with `trong đó:` / `of which`: the rows under it are a partial breakdown. */
export function announcesOfWhich(label: string): boolean {
  return /(,|;|\s)\s*(trong do|of which|in which)\s*:?\s*\)?\s*$/.test(folded(label));
}

/** A ratio row: `Tỷ lệ bội chi so GDP`, `Tốc độ tăng (%)`, `So sánh (%)`. */
export function isRatioLabel(label: string): boolean {
  const f = folded(label);
  return (
    /^[\s\d.\-+*)]*(ty le|toc do|so sanh|chi so|ti le|rate|ratio|share|percent)/.test(f) ||
    /(so voi gdp|so gdp|% gdp|\(%\)|ty trong)/.test(f)
  );
}

/** The first line of the text below a table: notes, sources, footnotes, the signature block. */
export function isFooterLine(text: string): boolean {
  const f = folded(text);
  return (
    /^(ghi chu|chu thich|chu y|luu y|note|notes|remark|source|nguon\s*:|nguon so lieu)/.test(f) ||
    /^(\(\*+\)|\*+\s|\(\d{1,2}\)\s*\D|\d{1,2}\/\s)/.test(f) ||
    /^(nguoi lap|nguoi lap bieu|thu truong|giam doc|ke toan truong|kt\.|tm\.|tl\.|q\.|noi nhan|chu tich|bo truong|pho chu tich|truong phong)/.test(
      f,
    ) ||
    /^[^,]{0,40},?\s*ngay\s*\.*\s*\d*\s*thang\s*\.*\s*\d*\s*nam/.test(f)
  );
}

/** A footnote marker standing in a figure cell: `(1)`, `(*)`, `1/`, `*`, `(a)`. */
export function isMarker(text: string): boolean {
  return /^(\(\s*(\d{1,2}|\*{1,3}|[a-z])\s*\)|\d{1,2}\/|\*{1,3})$/i.test(text.trim());
}

/**
 * A Vietnamese syllable as typed without diacritics (`truong`, `nghiep`, `duyen`, `Gia`): an
 * onset, a vowel group and a final Vietnamese allows. English words rarely fit (`revenues`, `of`,
 * `and`, `Total`, `Oil` do not).
 */
const BARE_SYLLABLE = new RegExp(
  '^(ngh|ng|nh|ch|tr|th|ph|kh|gh|gi|qu|[bcdghklmnpqrstvx])?' +
    '(oai|oay|oao|oeo|uoi|uya|uye|uyu|ieu|yeu|uou|uay|ai|ao|au|ay|eo|eu|ia|iu|oa|oe|oi|oo|ua|ue|ui|uy|uu|ye|ie|uo|a|e|i|o|u|y)' +
    '(ch|nh|ng|c|m|n|p|t)?$',
  'i',
);

/** A word saying nothing of the language: a figure, an upper-case abbreviation (`THPT`, `UBND`). */
const NEUTRAL = /^(\d+|(?=[A-Z]{2,6}$)[^AEIOUY]*[AEIOUY]?[^AEIOUY]*)$/;

/**
 * Whether a line without diacritics is Vietnamese typed without them: two syllables at least, and
 * every other word a figure or an abbreviation (`Bac Trung Bo Va`, `GIA LAI`, `Truong THPT Dong Ha`).
 */
export function isBareVietnamese(text: string): boolean {
  let syllables = 0;
  for (const w of text.trim().split(/[\s,.;:()/-]+/)) {
    if (!w) continue;
    if (BARE_SYLLABLE.test(w)) syllables++;
    else if (!NEUTRAL.test(w)) return false;
  }
  return syllables >= 2;
}

/**
 * A line in English only (no Vietnamese letters), as the second line of a bilingual label; a
 * Vietnamese line typed without diacritics is not one.
 */
export function isEnglishLine(text: string): boolean {
  const t = text.trim();
  // eslint-disable-next-line no-control-regex
  if (!/[a-z]{3,}/i.test(t) || /[^\u0000-\u007f–—’‘“”]/.test(t)) return false;
  return t.split(/\s+/).filter((w) => /^[a-z]{2,}$/i.test(w)).length >= 1 && !isBareVietnamese(t);
}

/** Whether a text has Vietnamese letters. */
export function isVietnamese(text: string): boolean {
  return /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i.test(text);
}

/**
 * An error value (`#REF!` left by a deleted sheet; LibreOffice's own `Err:520`, `Err:502`, as an
 * `.ods` it saved shows them): no figure and no text of the table.
 */
export function isErrorValue(text: string): boolean {
  return /^(?:#(?:REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!)|Err:\d{3})$/.test(text.trim());
}
