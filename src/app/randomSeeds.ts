/**
 * The seeds of random steps (what to do, and numbers to pick targets and values with) and the
 * random contents they stand for: cell values of every kind, text, new rows.
 */
import fc from 'fast-check';
import type { CellInput, Row, RowKind } from '../domain/types';

/** A counter for new ids, with a prefix unique to the run (stored sheet ids must not collide). */
export interface Ids {
  prefix: string;
  next: number;
}

/** One random step: what to do and a few numbers to pick its targets and values with. */
export interface Seed {
  kind: number;
  a: number;
  b: number;
  c: number;
  d: number;
  parts: Seed[];
}

const leaf = fc.record({
  kind: fc.nat(40),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
  d: fc.nat(1000),
  parts: fc.constant([] as Seed[]),
});

/** Seeds, one in eight a batch of two or three steps. */
export const seedArb: fc.Arbitrary<Seed> = fc.oneof(
  { weight: 7, arbitrary: leaf },
  {
    weight: 1,
    arbitrary: fc
      .array(leaf, { minLength: 2, maxLength: 3 })
      .map((parts) => ({ kind: -1, a: 0, b: 0, c: 0, d: 0, parts })),
  },
);

const COLS = 'ABCDEFGHIJK';

/** A value for an appendix cell: numbers, blanks, formulas (good, broken, cyclic, arrays). */
export function amount(n: number, rows: number): CellInput {
  const r = (k: number) => 1 + (k % (rows + 2));
  const col = COLS[4 + (n % 4)];
  const forms = [
    () => n % 500,
    () => (n % 97) / 4,
    () => null,
    () => `=${col}${r(n)}*2`,
    () => `=SUM(E${r(n)}:F${r(n >> 2)})`,
    () => `=${col}${r(n)}+${COLS[4 + ((n >> 3) % 4)]}${r(n >> 1)}`,
    () => '=1/0',
    () => `=I${r(n)}`,
    () => '=SEQUENCE(2)',
    () => `=TRANSPOSE(E${r(n)}:E${r(n) + 1})`,
    () => `=J${r(n)}-1`,
    () => '=NOSUCH(1)',
    () => -(n % 300),
    () => `='Dữ liệu'!A${1 + (n % 3)}*2`,
    () => `=SUM('Dữ liệu'!A1:B${1 + (n % 3)})+${col}${r(n)}`,
  ];
  return forms[n % forms.length]();
}

/** A value for a text cell: names, blanks, units, a formula. */
export function text(n: number): CellInput {
  const forms = [() => `Dự án ${n}`, () => null, () => 'Sở Tài chính', () => 'UBND', () => '=E2'];
  return forms[n % forms.length]();
}

/** Row kinds a new row is drawn from (projects the likeliest). */
export const KINDS: RowKind[] = ['project', 'project', 'section', 'project', 'total'];

/** A new row drawn from a seed (its k-th of a step), ids from `ids`. */
export function newRow(s: Seed, k: number, rows: number, ids: Ids): Row {
  const kind = KINDS[(s.b + k) % KINDS.length];
  const cells: Record<string, CellInput> = { tt: kind === 'project' ? '-' : String(k + 1) };
  cells.name = `Mới ${s.a + k}`;
  if (kind !== 'section') cells.y2011_dtpt = amount(s.c + k, rows);
  if ((s.d + k) % 3 === 0) cells.lead = text(s.d + k);
  return { id: `n${ids.prefix}${ids.next++}`, kind, level: (s.c + k) % 3, cells };
}
