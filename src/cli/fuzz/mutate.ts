/**
 * Mutants of Planbook's input formats, from a seeded generator (the same seed gives the same file):
 * byte damage for every format, structural damage inside zip packages (.xlsx, .ods: rows and columns
 * pushed to the sheet's edge, repeated cells, deeply nested formulas, broken XML, a lying directory),
 * and text and JSON damage for .csv/.tsv and .planbook.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** A seeded generator of numbers in [0, 1) (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Format = 'xls' | 'xlsx' | 'ods' | 'csv' | 'tsv' | 'planbook';

export interface Seed {
  name: string;
  format: Format;
  bytes: Uint8Array;
}

export interface Mutant {
  name: string;
  format: Format;
  /** What was done to the seed file (for the report). */
  how: string;
  bytes: Uint8Array;
}

type Rnd = () => number;
const int = (r: Rnd, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[int(r, xs.length)];

const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0xffffffff];

/** Byte damage: flips, random bytes, interesting integers, cut, duplicated or deleted blocks. */
function damageBytes(r: Rnd, src: Uint8Array): { how: string; bytes: Uint8Array } {
  const b = src.slice();
  const at = () => int(r, Math.max(1, b.length - 4));
  switch (int(r, 7)) {
    case 0: {
      const n = 1 + int(r, 16);
      for (let k = 0; k < n; k++) b[at()] ^= 1 << int(r, 8);
      return { how: `flip ${n} bits`, bytes: b };
    }
    case 1: {
      const n = 1 + int(r, 16);
      for (let k = 0; k < n; k++) b[at()] = int(r, 256);
      return { how: `set ${n} bytes`, bytes: b };
    }
    case 2: {
      const n = 1 + int(r, 4);
      const view = new DataView(b.buffer);
      for (let k = 0; k < n; k++) {
        const v = pick(r, INTERESTING);
        if (r() < 0.5) view.setUint32(at(), v >>> 0, true);
        else view.setUint16(at(), v & 0xffff, true);
      }
      return { how: `${n} interesting integers`, bytes: b };
    }
    case 3: {
      const cut = int(r, b.length);
      return { how: `truncated at ${cut}`, bytes: b.slice(0, cut) };
    }
    case 4: {
      const from = at();
      const len = 1 + int(r, Math.min(4096, b.length - from));
      const to = at();
      const out = new Uint8Array(b.length + len);
      out.set(b.subarray(0, to));
      out.set(b.subarray(from, from + len), to);
      out.set(b.subarray(to), to + len);
      return { how: `duplicated ${len} bytes`, bytes: out };
    }
    case 5: {
      const from = at();
      const len = 1 + int(r, Math.min(4096, b.length - from));
      const out = new Uint8Array(b.length - len);
      out.set(b.subarray(0, from));
      out.set(b.subarray(from + len), from);
      return { how: `deleted ${len} bytes`, bytes: out };
    }
    default: {
      const from = at();
      const len = 1 + int(r, 256);
      b.fill(pick(r, [0, 0xff, 0x20]), from, from + len);
      return { how: `filled ${len} bytes`, bytes: b };
    }
  }
}

const COLS = ['XFD', 'ZZ', 'AAA', 'XFC', 'A'];

/** Damage to an XML part's text: what a hostile or broken writer could put there. */
function damageXml(r: Rnd, xml: string, ods: boolean): { how: string; xml: string } {
  const rowRef = () => pick(r, [1_048_576, 1_000_000, 65_536, 200_001, 4_294_967_295, 0, -1]);
  switch (int(r, 10)) {
    case 0:
      return {
        how: 'cell pushed to the last column',
        xml: xml.replace(/ r="([A-Z]+)(\d+)"/, (_m, _c, n: string) => ` r="${pick(r, COLS)}${n}"`),
      };
    case 1:
      return {
        how: 'row number at the edge',
        xml: xml.replace(/<row r="\d+"/, () => `<row r="${rowRef()}"`),
      };
    case 2: {
      // repeat a row many times (rows × columns actually used)
      const m = /<row[\s\S]*?<\/row>|<table:table-row[\s\S]*?<\/table:table-row>/.exec(xml);
      if (!m) return { how: 'no row to repeat', xml };
      const n = pick(r, [100, 5_000, 50_000]);
      return {
        how: `row repeated ${n} times`,
        xml: xml.slice(0, m.index) + m[0].repeat(n) + xml.slice(m.index),
      };
    }
    case 3: {
      const depth = pick(r, [65, 130, 2_000, 20_000]);
      const f = `${'SUM('.repeat(depth)}1${')'.repeat(depth)}`;
      return {
        how: `formula nested ${depth} deep`,
        xml: ods
          ? xml.replace(/<table:table-cell/, `<table:table-cell table:formula="of:=${f}"`)
          : xml.replace(
              /<c r="([A-Z]+\d+)"([^>]*?)(\/>|>)/,
              `<c r="$1"$2><f>${f}</f><v>1</v></c><c r="XFA1"$3`,
            ),
      };
    }
    case 4: {
      const n = pick(r, [1_000, 100_000, 1_048_576, 16_384]);
      return {
        how: `repeated ${n} times (ODF attribute)`,
        xml: xml
          .replace(/table:number-(columns|rows)-repeated="\d+"/, `table:number-$1-repeated="${n}"`)
          .replace(/<table:table-cell /, `<table:table-cell table:number-columns-repeated="${n}" `),
      };
    }
    case 5: {
      const at = int(r, xml.length);
      return { how: `XML cut at ${at}`, xml: xml.slice(0, at) };
    }
    case 6: {
      const at = int(r, xml.length);
      const junk = pick(r, [
        '<',
        '&',
        '&bogus;',
        ']]>',
        '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
        '\u0000',
        '"',
        '</c>',
      ]);
      return {
        how: `inserted ${JSON.stringify(junk)}`,
        xml: xml.slice(0, at) + junk + xml.slice(at),
      };
    }
    case 7:
      return {
        how: 'dimension of a million rows',
        xml: xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
      };
    case 8:
      return {
        how: 'merged range over the whole sheet',
        xml: xml.replace(/<mergeCell ref="[^"]*"\/>/, '<mergeCell ref="A1:XFD1048576"/>'),
      };
    default: {
      const n = pick(r, [1_000, 10_000]);
      return {
        how: `${n} sheets listed`,
        xml: xml.replace(
          /(<sheet [^>]*\/>)/,
          (m) =>
            m +
            Array.from({ length: n }, (_, k) => m.replace(/name="[^"]*"/, `name="S${k}"`)).join(''),
        ),
      };
    }
  }
}

/** Damage inside a zip package: one part's XML, then zipped again (stored or deflated). */
function damageZip(r: Rnd, src: Uint8Array, ods: boolean): { how: string; bytes: Uint8Array } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(src);
  } catch {
    return damageBytes(r, src);
  }
  const parts = Object.keys(files).filter((n) => n.endsWith('.xml'));
  const preferred = parts.filter((n) => /sheet|content|workbook|sharedStrings/.test(n));
  const part = pick(r, preferred.length && r() < 0.8 ? preferred : parts);
  const { how, xml } = damageXml(r, strFromU8(files[part]), ods);
  files[part] = strToU8(xml);
  const bytes = zipSync(files, { level: r() < 0.3 ? 0 : 6 });
  return { how: `${part}: ${how}`, bytes };
}

/** Damage to delimited text: quotes, separators, very long lines and fields, formula-like text. */
function damageText(r: Rnd, src: Uint8Array, sep: string): { how: string; bytes: Uint8Array } {
  const text = new TextDecoder().decode(src);
  const lines = text.split('\n');
  const at = int(r, lines.length);
  switch (int(r, 7)) {
    case 0:
      lines[at] = `"${lines[at]}`;
      return { how: 'unclosed quote', bytes: strToU8(lines.join('\n')) };
    case 1:
      lines[at] = Array(pick(r, [1_000, 20_000, 200_000]))
        .fill('1')
        .join(sep);
      return { how: 'very wide line', bytes: strToU8(lines.join('\n')) };
    case 2: {
      const n = pick(r, [1_000, 100_000]);
      lines.splice(at, 0, ...Array<string>(n).fill(lines[at] ?? ''));
      return { how: `line repeated ${n} times`, bytes: strToU8(lines.join('\n')) };
    }
    case 3: {
      const f = pick(r, [
        `=${'('.repeat(130)}1${')'.repeat(130)}`,
        "=cmd|' /C calc'!A0",
        '=HYPERLINK("http://x","y")',
        '@SUM(1)',
        '1e309',
        '-0',
        '9'.repeat(400),
        '\u001b[31m',
      ]);
      const cells = (lines[at] ?? '').split(sep);
      cells[int(r, cells.length)] = f;
      lines[at] = cells.join(sep);
      return {
        how: `cell set to ${JSON.stringify(f.slice(0, 20))}`,
        bytes: strToU8(lines.join('\n')),
      };
    }
    case 4:
      lines[at] = (lines[at] ?? '') + 'x'.repeat(pick(r, [10_000, 1_000_000]));
      return { how: 'very long field', bytes: strToU8(lines.join('\n')) };
    case 5:
      return {
        how: 'separators swapped',
        bytes: strToU8(text.replace(/[\t,;]/g, () => pick(r, ['\t', ',', ';', '"']))),
      };
    default:
      return damageBytes(r, src);
  }
}

/** Damage to a .planbook file's JSON: values of the wrong type or size, prototype keys, nesting. */
function damageJson(r: Rnd, src: Uint8Array): { how: string; bytes: Uint8Array } {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(src));
  } catch {
    return damageBytes(r, src);
  }
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((x, i) => (nodes.push({ parent: v, key: i }), walk(x)));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        nodes.push({ parent: v as Record<string, unknown>, key: k });
        walk(x);
      }
  };
  walk(doc);
  if (!nodes.length || r() < 0.2) return damageBytes(r, src);
  const n = pick(r, nodes);
  const DEEP = 'planbook-fuzz-deep';
  const value = pick(r, [
    null,
    -1,
    1e308,
    Number.MAX_SAFE_INTEGER,
    '',
    'x'.repeat(100_000),
    '=' + 'SUM('.repeat(200) + '1' + ')'.repeat(200),
    [],
    {},
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}'),
    DEEP,
    Array(pick(r, [1_000, 300_000])).fill(0),
  ]);
  (n.parent as Record<string | number, unknown>)[n.key] = value;
  // nesting deeper than JSON.stringify recurses: written as text
  const d = pick(r, [100, 5_000, 100_000]);
  const text = JSON.stringify(doc).replace(`"${DEEP}"`, `${'['.repeat(d)}1${']'.repeat(d)}`);
  const shown = value === DEEP ? `[ nested ${d} deep ]` : JSON.stringify(value)?.slice(0, 30);
  return { how: `${String(n.key)} = ${shown}`, bytes: strToU8(text) };
}

/** One mutant of a seed file. */
export function mutate(seed: Seed, n: number, runSeed: number): Mutant {
  const r = prng(runSeed * 1_000_003 + n);
  const structural = r() < 0.6;
  const out = !structural
    ? damageBytes(r, seed.bytes)
    : seed.format === 'xlsx' || seed.format === 'ods'
      ? damageZip(r, seed.bytes, seed.format === 'ods')
      : seed.format === 'csv' || seed.format === 'tsv'
        ? damageText(r, seed.bytes, seed.format === 'csv' ? ',' : '\t')
        : seed.format === 'planbook'
          ? damageJson(r, seed.bytes)
          : damageBytes(r, seed.bytes);
  return {
    name: `${seed.name}#${n}.${seed.format}`,
    format: seed.format,
    how: out.how,
    bytes: out.bytes,
  };
}
