/**
 * Text pieces of SpreadsheetML as SheetJS 0.20.3 reads them, so that the streaming reader gives the
 * same raw grids: XML unescaping, tag attributes, shared strings, shared formulas (the number
 * format table is xlsxFormatTable.ts).
 */
export { grouped } from './xlsxFormats';
export { FormatTable } from './xlsxFormatTable';

/** Signals a feature only SheetJS reads: the caller falls back. */
export class Unsupported extends Error {}

const ENTITIES: Record<string, string> = {
  '&quot;': '"',
  '&apos;': "'",
  '&gt;': '>',
  '&lt;': '<',
  '&amp;': '&',
};
const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const CODE = /_x([\da-fA-F]{4})_/gi;

function rawUnescape(s: string): string {
  const i = s.indexOf('<![CDATA[');
  if (i === -1)
    return s
      .replace(
        ENTITY,
        ($$, $1: string) =>
          ENTITIES[$$] || String.fromCharCode(parseInt($1, $$.indexOf('x') > -1 ? 16 : 10)) || $$,
      )
      .replace(CODE, (_, c: string) => String.fromCharCode(parseInt(c, 16)));
  const j = s.indexOf(']]>');
  return rawUnescape(s.slice(0, i)) + s.slice(i + 9, j) + rawUnescape(s.slice(j + 3));
}

/** XML text to a string (entities, `_x000D_` codes, CDATA); `xlsx`: CR LF becomes LF. */
export function unescapeXml(s: string, xlsx = false): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0 && s.indexOf('<![') < 0)
    return xlsx && s.indexOf('\r\n') >= 0 ? s.replace(/\r\n/g, '\n') : s;
  const out = rawUnescape(s);
  return xlsx ? out.replace(/\r\n/g, '\n') : out;
}

const ATTR = /\s([^"\s?>/]+)\s*=\s*((?:")([^"]*)(?:")|(?:')([^']*)(?:')|([^'">\s]+))/g;

/** The attributes of an opening tag (prefixes dropped, as SheetJS keys them). */
export function attributes(tag: string): Record<string, string> {
  const z: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const m of tag.matchAll(ATTR)) {
    const cc = m[0].slice(1);
    let c = cc.indexOf('=');
    let q = cc.slice(0, c).trim();
    while (cc.charCodeAt(c + 1) === 32) ++c;
    const quot = cc.charCodeAt(c + 1) === 34 || cc.charCodeAt(c + 1) === 39 ? 1 : 0;
    const v = cc.slice(c + 1 + quot, cc.length - quot);
    const colon = q.indexOf(':');
    if (colon < 0) {
      if (q.indexOf('_') > 0) q = q.slice(0, q.indexOf('_'));
      z[q] = v;
      z[q.toLowerCase()] = v;
    } else {
      const k = (colon === 5 && q.slice(0, 5) === 'xmlns' ? 'xmlns' : '') + q.slice(colon + 1);
      z[k] = v;
      z[k.toLowerCase()] = v;
    }
  }
  return z;
}

const isWs = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * The value of one attribute in s[from, to) (attributes of an opening tag, the tag's name left
 * out), as SheetJS's parsexmltag keys it: the last occurrence wins, a prefix is dropped, a bare name
 * is cut at `_`, and names compare in lower case (`name` is given in lower case).
 */
export function attrIn(s: string, from: number, to: number, name: string): string | undefined {
  ONE[0] = name;
  attrsIn(s, from, to, ONE, OUT);
  return OUT[0];
}
const ONE = [''];
const OUT: (string | undefined)[] = [undefined];

/** Several attributes in one pass: out[k] receives the value of names[k] (as `attrIn`). */
export function attrsIn(
  s: string,
  from: number,
  to: number,
  names: readonly string[],
  out: (string | undefined)[],
): void {
  for (let k = 0; k < names.length; k++) out[k] = undefined;
  let i = from;
  let first = true; // `from` follows the tag's name and a space
  while (i < to) {
    if (!first) {
      if (!isWs(s.charCodeAt(i))) {
        i++;
        continue;
      }
      i++;
    }
    first = false;
    // a name of [^"\s?>/=]+, then `=`, then a quoted or bare value
    const ns = i;
    let ne = i;
    while (ne < to) {
      const c = s.charCodeAt(ne);
      if (c === 34 || isWs(c) || c === 63 || c === 62 || c === 47 || c === 61) break;
      ne++;
    }
    if (ne === ns) continue;
    let k = ne;
    while (k < to && isWs(s.charCodeAt(k))) k++;
    if (k >= to || s.charCodeAt(k) !== 61) {
      i = ne;
      continue;
    }
    k++;
    while (k < to && isWs(s.charCodeAt(k))) k++;
    const q = s.charCodeAt(k);
    let vs: number;
    let ve: number;
    if (q === 34 || q === 39) {
      ve = s.indexOf(q === 34 ? '"' : "'", k + 1);
      if (ve < 0 || ve >= to) {
        i = k;
        continue;
      }
      vs = k + 1;
      i = ve + 1;
    } else {
      vs = ve = k;
      while (ve < to) {
        const c = s.charCodeAt(ve);
        if (c === 39 || c === 34 || c === 62 || isWs(c)) break;
        ve++;
      }
      if (ve === k) {
        i = k;
        continue;
      }
      i = ve;
    }
    for (let n = 0; n < names.length; n++) if (keyIs(s, ns, ne, names[n])) out[n] = s.slice(vs, ve);
  }
}

/** Whether the attribute name s[ns, ne) is keyed `name` (lower case) by parsexmltag. */
function keyIs(s: string, ns: number, ne: number, name: string): boolean {
  let a = ns;
  let b = ne;
  let colon = -1;
  let u = -1;
  for (let k = ns; k < ne; k++) {
    const c = s.charCodeAt(k);
    if (c === 58 && colon < 0) colon = k;
    else if (c === 95 && u < 0) u = k;
  }
  if (colon >= 0) {
    if (colon - ns === 5 && s.startsWith('xmlns', ns))
      return 'xmlns' + s.slice(colon + 1, ne) === name;
    a = colon + 1;
  } else if (u > ns) b = u;
  if (b - a !== name.length) return false;
  for (let k = 0; k < name.length; k++) {
    let c = s.charCodeAt(a + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== name.charCodeAt(k)) return false;
  }
  return true;
}

/** The value of one attribute of a whole opening tag (`<c r="A1" …>`), as parsexmltag gives it. */
export function attribute(tag: string, name: string): string | undefined {
  let i = 0;
  while (i < tag.length) {
    const c = tag.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13) break;
    i++;
  }
  return i >= tag.length ? undefined : attrIn(tag, i, tag.length, name);
}

const CREF =
  /(^|[^._A-Z0-9])([$]?)([A-Z]{1,2}|[A-W][A-Z]{2}|X[A-E][A-Z]|XF[A-D])([$]?)(10[0-3]\d{4}|104[0-7]\d{3}|1048[0-4]\d{2}|10485[0-6]\d|104857[0-6]|[1-9]\d{0,5})(?![_.(A-Za-z0-9])/g;

/** A1 address → 0-based row and column (SheetJS decode_cell: digits and capitals anywhere). */
export function decodeCell(a: string): { r: number; c: number } {
  let R = 0;
  let C = 0;
  for (let i = 0; i < a.length; ++i) {
    const cc = a.charCodeAt(i);
    if (cc >= 48 && cc <= 57) R = 10 * R + (cc - 48);
    else if (cc >= 65 && cc <= 90) C = 26 * C + (cc - 64);
  }
  return { c: C - 1, r: R - 1 };
}

/** 0-based column → letters. */
export function encodeCol(col: number): string {
  if (col < 0) throw new Error(`invalid column ${col}`);
  let s = '';
  for (++col; col; col = Math.floor((col - 1) / 26))
    s = String.fromCharCode(((col - 1) % 26) + 65) + s;
  return s;
}

function decodeCol(s: string): number {
  const c = s.replace(/^\$([A-Z])/, '$1');
  let d = 0;
  for (let i = 0; i !== c.length; ++i) d = 26 * d + c.charCodeAt(i) - 64;
  return d - 1;
}

/** A shared formula written at `base`, moved to `cell` (relative references shift). */
export function shiftFormula(f: string, base: string, cell: string): string {
  const s = decodeCell(base.split(':')[0]);
  const c = decodeCell(cell);
  const dr = c.r - s.r;
  const dc = c.c - s.c;
  return f.replace(
    CREF,
    (_: string, $1: string, $2: string, $3: string, $4: string, $5: string) =>
      $1 +
      ($2 === '$' ? $2 + $3 : encodeCol(decodeCol($3) + dc)) +
      ($4 === '$' ? $4 + $5 : String(parseInt($5.replace(/\$(\d+)$/, '$1'), 10) - 1 + dr + 1)),
  );
}
