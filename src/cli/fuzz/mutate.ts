/**
 * Mutants of Planbook's input formats, from a seeded generator (the same seed gives the same file):
 * byte damage for every format (mutateBytes.ts), structural damage inside zip packages (.xlsx,
 * .ods; mutateZip.ts), and text and JSON damage for .csv/.tsv and .planbook.
 */
import { strToU8 } from 'fflate';
import { prng } from '../../domain/generate';
import { damageBytes, int, pick, type Rnd } from './mutateBytes';
import { damageZip } from './mutateZip';

export { prng };

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
