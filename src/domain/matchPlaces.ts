/**
 * Names of another thing: two names alike but for a word that says *which* one — a number (`cho
 * 05 đơn vị` / `04`), the proper name after a place word (`Trường THCS xã A` / `xã B`), the last
 * word of a name (`Văn phòng Quốc hội` / `Quốc Nam`), or any word of a short name (`HÀ GIANG` /
 * `HÀ NAM`) — name two projects, not one renamed, unless the figures say otherwise. One word
 * respelled (`Cạn` / `Kạn`: half its letter pairs kept) is a typo, not another word.
 */
import { bigramDice, bigrams } from './matchNames';

/** Folded words after which the next word names a place (`xã`, `huyện`, `thành phố` …). */
const PLACE_WORDS = new Set([
  'xa',
  'huyen',
  'tinh',
  'phuong',
  'thon',
  'ap',
  'lang',
  'tran', // thị trấn
  'pho', // thành phố
  'tp',
  'tx',
]);

/** Two folded words spelled nearly alike (one letter changed, a typo): not two different words. */
function respelling(a: string, b: string): boolean {
  if (/^\d+$/.test(a) || /^\d+$/.test(b)) return false;
  return bigramDice(bigrams(a), bigrams(b)) >= 0.5;
}

/**
 * Whether canonical token lists `x` and `y` differ by a word that names another thing (see the
 * module comment): words only added or dropped (an amended name) never do.
 */
export function otherThing(x: readonly string[], y: readonly string[]): boolean {
  const sx = new Set(x);
  const sy = new Set(y);
  const onlyX = x.filter((t) => !sy.has(t));
  const onlyY = y.filter((t) => !sx.has(t));
  if (!onlyX.length || !onlyY.length) return false;
  // one word changed a letter: a typo; two words changed at once is another name (`An Lạc`, `Tân Lập`)
  if (onlyX.length === 1 && onlyY.length === 1 && respelling(onlyX[0], onlyY[0])) return false;
  const short = Math.max(x.length, y.length) <= 3;
  const telling = (ts: readonly string[], t: string) => {
    const i = ts.indexOf(t);
    return short || /^\d+$/.test(t) || i === ts.length - 1 || (i > 0 && PLACE_WORDS.has(ts[i - 1]));
  };
  return onlyX.some((t) => telling(x, t)) && onlyY.some((t) => telling(y, t));
}
