/**
 * The appendix reading made near-linear (rows read once, per-line caches, one pass over the figure
 * columns) reads every table exactly as the code it replaced (a frozen copy in
 * tests/support/readingBefore): the same rows, kinds, levels, cells, rules, marks, remarks, footer,
 * column roles and figure columns, band, metadata, line numbers and warnings, in order. Checked on
 * every fixture, on generated plans, on the audited tables in their hostile layouts, and on random
 * layouts (fixed seeds) mixing repeated headers, split labels, markers, totals, of-which and ratio
 * rows, footers, hidden rows, text in figure cells and odd spaces.
 */
import '../sheetJsEager'; // reads here cannot wait for SheetJS to load
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAppendix as before } from '../../../tests/support/readingBefore/reader';
import { hostileVariants, type SheetAudit } from '../../cli/audit/hostileLayouts';
import { generatePlan, prng } from '../../domain/generate';
import { leaves } from '../../domain/columns';
import { gridsFromWorkbook } from '../sheets';
import { cellText as cellTextBefore } from '../../../tests/support/readingBefore/grid';
import { cellText, gridFromText, isSpaceCode, type RawCell, type RawGrid } from './grid';
import { netLines } from './netLines';
import { findHeaderBand } from './headerBand';
import { refilledHeader } from './headerFill';
import { type AppendixReading, readAppendix } from './reader';

/** A reading as plain data (the sheet's random id left out), to compare exactly. */
function plain(r: AppendixReading | null) {
  if (!r) return null;
  const { id: _id, ...sheet } = r.sheet;
  return {
    sheet,
    meta: r.meta,
    band: r.band,
    lineOf: [...r.lineOf],
    colOf: [...r.colOf],
    // the figures a warning lists are new (the app writes them its way): compared apart
    warnings: r.warnings.map(({ figures: _f, ...w }) => w),
  };
}

type Plain = ReturnType<typeof plain> | string;

/**
 * The new reading without what percent cells add (domain/percent): `Row.percent`, and the ratio
 * part of a row of percentages alone (the old reading gave that row the part it had).
 */
function withoutPercents(got: Plain, old: Plain): Plain {
  if (!got || typeof got === 'string' || !old || typeof old === 'string') return got;
  const rows = got.sheet.rows.map(({ percent, ...row }, i) => {
    const was = old.sheet.rows[i];
    if (!percent || row.part !== 'ratio' || was?.id !== row.id || was.part === 'ratio') return row;
    const { part: _p, ...rest } = row;
    return was.part ? { ...rest, part: was.part } : rest;
  });
  return { ...got, sheet: { ...got.sheet, rows } };
}

/**
 * The new reading with a figure typed `441,756` in a sheet whose typed figures are English-style
 * (domain/numberStyle) given the old reading's decimal-comma value (441.756): the one intended
 * change of the sheet's number style.
 */
function withoutTypedStyle(got: Plain, old: Plain): Plain {
  if (!got || typeof got === 'string' || !old || typeof old === 'string') return got;
  const rows = got.sheet.rows.map((row, i) => {
    const was = old.sheet.rows[i];
    if (was?.id !== row.id) return row;
    const cells = { ...row.cells };
    for (const [k, v] of Object.entries(cells)) {
      const w = was.cells[k];
      if (
        typeof v === 'number' &&
        typeof w === 'number' &&
        v !== w &&
        Math.abs(v - w * 1000) < 1e-6 * Math.abs(v)
      )
        cells[k] = w;
    }
    return { ...row, cells };
  });
  return { ...got, sheet: { ...got.sheet, rows } };
}

/** A warning that a wrapped name's figures stand on the line below it (a rule the old code lacks). */
const isFiguresBelow = (w: { code: string; message: string }) =>
  w.code === 'joinedRow' && w.message.includes('its figures stand here');

/**
 * The grid the old reading is given: g itself, or (`filled`) g with its header's labels repeated
 * across or down made merges again (headerFill.ts: a label copied into every cell of its old merge
 * is one label, `TT` over `TT` no longer `TT TT`), the one intended change for the random tables
 * whose header holds a line repeated under itself. The fixtures are compared without it.
 */
function refilled(g: RawGrid, filled: boolean): ReturnType<typeof before> {
  const band = filled ? findHeaderBand(g) : null;
  const h = band && refilledHeader(g, band);
  // the band as found in g: a line repeating the one above is a header line, not a blank one
  return h && h !== g ? before(h, { start: band.start, end: band.end }) : before(g);
}

/** Whether the reading of g is the old one, whatever it is (null, a reading, an error). */
function expectSame(g: RawGrid, what: string, filled = false): void {
  const run = (f: typeof before) => {
    try {
      return plain(f(g));
    } catch (e) {
      return `threw ${String(e)}`;
    }
  };
  // the old reading with what came after it: the net line of `gross, refunds, net` is an item
  const old = (x: RawGrid) => {
    const r = refilled(x, filled);
    if (r) netLines(r.sheet.rows);
    return r;
  };
  const was = run(old);
  // the warning codes have one more now (`nextTable`, a second table on the sheet: readGrids
  // gives it, readAppendix never does); its readings are typed as the old ones
  const current = readAppendix as typeof before;
  expect(withoutTypedStyle(withoutPercents(run(current), was), was), what).toStrictEqual(was);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = `${dir}/${f}`;
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** The raw grids of a fixture file, or none when it is no table file or cannot be read. */
function gridsOf(path: string): RawGrid[] {
  try {
    if (/\.(tsv|csv|txt)$/i.test(path)) return [gridFromText(readFileSync(path, 'utf8'))];
    if (/\.xlsx\.b64$/.test(path))
      return gridsFromWorkbook(Buffer.from(readFileSync(path, 'utf8'), 'base64'));
    if (/\.(xlsx|xls|ods|html)$/i.test(path)) return gridsFromWorkbook(readFileSync(path));
  } catch {
    return []; // damaged on purpose: never reaches the reading
  }
  return [];
}

// the damaged files (fixtures/damaged) never reach the reading: their own tests refuse them
const fixtureGrids = files('fixtures')
  .filter((p) => !p.startsWith('fixtures/damaged/'))
  .flatMap((p) => gridsOf(p).map((g) => ({ p, g })));

const vn = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 2 });

/** A generated plan as a spreadsheet shows it: a two-line header, figures with their formats. */
function planGrid(projects: number, seed: number): RawGrid {
  const wb = generatePlan({ projects, seed });
  const sheet = wb.sheets[0];
  const ls = leaves(sheet.columns).filter((l) => l.role !== 'rowTotal');
  const head1 = ls.map((l) =>
    l.role === 'amount' ? (l.source === 'ĐTPT' ? `Năm ${l.year}` : '') : l.label,
  );
  const head2 = ls.map((l) => (l.role === 'amount' ? `Vốn ${l.source}` : ''));
  const text = (s: string): RawCell => ({ text: s });
  const rows: RawCell[][] = [
    [text(wb.meta.title)],
    [text('ĐVT: triệu đồng')],
    head1.map(text),
    head2.map(text),
    ...sheet.rows.map((r) =>
      ls.map((l): RawCell => {
        const v = r.cells[l.id];
        if (typeof v === 'number') return { text: vn(v), value: v, format: '#,##0' };
        return text(v == null ? '' : String(v));
      }),
    ),
  ];
  return { name: 'Phụ lục', rows, merges: [], lineOf: rows.map((_, i) => i + 1) };
}

const WORDS = [
  'Tổng cộng',
  'TỔNG SỐ',
  'Tổng số (A+B)',
  'Cộng',
  'Trong đó:',
  'trong đó',
  'Of which',
  'Tỷ lệ (%)',
  'So sánh (%)',
  'Ghi chú: số liệu sơ bộ',
  'Người lập biểu',
  'Hà Nội, ngày 5 tháng 3 năm 2024',
  'Dự án đường giao thông',
  'xây dựng trường học và',
  'BẮC TRUNG BỘ VÀ',
  'DUYÊN HẢI MIỀN TRUNG',
  'Expenditure on roads',
  'Chi đầu tư phát triển, trong đó:',
  'Tổng cục Thuế',
  '- Học phí',
  '+ Viện phí',
  'Bội chi (C = B - A)',
  '(1)',
  '(*)',
  '1/',
  '*',
  '(a)   1.234',
  '(1) 419.278.223',
  '-',
  '–',
  '#REF!',
  'n/a',
  '  nhiều   khoảng\ttrắng  ',
  'không\u00a0ngắt',
  '0',
  '2021',
  '=SUM(A1:A3)',
];
const NUMBERS = [
  'I',
  'II',
  'IV',
  'A',
  'B',
  '1',
  '2',
  '3',
  '1.1',
  '1.2.1',
  '-',
  '+',
  'a',
  'b)',
  'đ',
  '',
];

/** A random figure cell: a stored number, a text figure, a marker, a dash or a word. */
function figure(rnd: () => number): RawCell {
  const k = rnd();
  const v = Math.round(rnd() * 1e6) / (rnd() < 0.2 ? 100 : 1);
  if (k < 0.5) return { text: vn(v), value: v, ...(rnd() < 0.5 ? { format: '#,##0' } : {}) };
  if (k < 0.6) return { text: `${vn(v)}%`, value: v / 100, format: '0.0%' };
  if (k < 0.75) return { text: vn(v) };
  if (k < 0.8) return { text: '' };
  return { text: WORDS[Math.floor(rnd() * WORDS.length)] };
}

/** A random table: a header (sometimes repeated), numbered and unnumbered lines, odd texts. */
function randomGrid(seed: number): RawGrid {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const head1 = ['STT', 'Tên dự án', 'Chủ đầu tư', 'Năm 2021', '', 'Năm 2022', 'Ghi chú'];
  const head2 = ['', '', '', 'Vốn ĐTPT', 'Vốn SN', 'Vốn ĐTPT', ''];
  const codes = ['A', 'B', 'C', '1', '2', '3', '4'];
  const rows: RawCell[][] = [[{ text: 'KẾ HOẠCH VỐN' }], [], head1.map((text) => ({ text }))];
  rows.push(head2.map((text) => ({ text })));
  if (rnd() < 0.3) rows.push(codes.map((text) => ({ text })));
  const n = 5 + Math.floor(rnd() * 40);
  const hiddenRows = new Set<number>();
  for (let i = 0; i < n; i++) {
    const k = rnd();
    if (k < 0.05) rows.push(head1.map((text) => ({ text })));
    else if (k < 0.08) rows.push(head2.map((text) => ({ text })));
    else if (k < 0.11) rows.push([]);
    else {
      const tt = pick(NUMBERS);
      const name = rnd() < 0.6 ? `${pick(WORDS.slice(12))} ${i}` : pick(WORDS);
      const figures = rnd() < 0.25 ? [] : [figure(rnd), figure(rnd), figure(rnd)];
      const row: RawCell[] = [
        { text: tt },
        { text: name },
        { text: rnd() < 0.3 ? 'Sở Giao thông' : '' },
        ...figures,
      ];
      if (rnd() < 0.2) row.push({ text: pick(WORDS) });
      rows.push(row);
      if (rnd() < 0.04) hiddenRows.add(rows.length - 1);
    }
  }
  const tail = rnd();
  if (tail < 0.3) rows.push([{ text: pick(WORDS.slice(9, 12)) }], [{ text: 'Nguyễn Văn A' }]);
  return {
    name: `random ${seed}`,
    rows,
    merges: rnd() < 0.5 ? [{ r0: 2, c0: 3, r1: 2, c1: 4 }] : [],
    lineOf: rows.map((_, i) => i + 1),
    ...(hiddenRows.size ? { hiddenRows } : {}),
  };
}

/** A fixture's table with random lines of it repeated, moved, blanked, split or marked. */
function shuffled(g: RawGrid, seed: number): RawGrid {
  const rnd = prng(seed);
  const rows = g.rows.map((r) => r.slice());
  const edits = 1 + Math.floor(rnd() * 8);
  for (let e = 0; e < edits && rows.length > 2; e++) {
    const r = Math.floor(rnd() * rows.length);
    const k = rnd();
    if (k < 0.25) rows.splice(r, 0, rows[Math.floor(rnd() * Math.min(rows.length, 15))].slice());
    else if (k < 0.4) rows.splice(r, 0, []);
    else if (k < 0.55) rows.splice(r, 0, rows[Math.floor(rnd() * rows.length)].slice());
    else if (rows[r].length) {
      const c = Math.floor(rnd() * rows[r].length);
      const t = rows[r][c]?.text ?? '';
      rows[r][c] =
        k < 0.7
          ? { text: `(1) ${t}` }
          : k < 0.85
            ? { text: WORDS[Math.floor(rnd() * WORDS.length)] }
            : { text: t.replace(/ /g, '  ') };
    }
  }
  return { ...g, rows, merges: [], lineOf: rows.map((_, i) => i + 1), hiddenRows: undefined };
}

describe('the appendix reading reads as the old one', () => {
  it('reads white space as \\s does, and the text of a cell as before', () => {
    for (let ch = 0; ch < 0x10000; ch++)
      expect(isSpaceCode(ch), ch.toString(16)).toBe(/\s/.test(String.fromCharCode(ch)));
    const rnd = prng(7);
    const parts = [
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u2009',
      '\u3000',
      '\ufeff',
      '\u1680',
      '\u2000',
      'a',
      'Đ',
      'ế',
      '\u167f',
      '1.234',
      'x y',
    ];
    for (let k = 0; k < 5000; k++) {
      let text = '';
      for (let n = Math.floor(rnd() * 6); n > 0; n--)
        text += parts[Math.floor(rnd() * parts.length)];
      const g: RawGrid = { name: 's', rows: [[{ text }]], merges: [], lineOf: [1] };
      expect(cellText(g, 0, 0), JSON.stringify(text)).toBe(cellTextBefore(g, 0, 0));
    }
  });

  it(`on every fixture (${fixtureGrids.length} sheets)`, { timeout: 120_000 }, () => {
    expect(fixtureGrids.length).toBeGreaterThan(40);
    let read = 0;
    for (const { p, g } of fixtureGrids) {
      expectSame(g, `${p} ${g.name}`);
      if (readAppendix(g)) read++;
    }
    expect(read).toBeGreaterThan(30);
  });

  it('on generated plans', () => {
    for (const [n, seed] of [
      [40, 1],
      [300, 2],
      [2000, 3],
    ])
      expectSame(planGrid(n, seed), `plan ${n}`);
  });

  it('on the audited tables in their hostile layouts', () => {
    let variants = 0;
    for (const f of readdirSync('fixtures/audits').filter((x) => x.endsWith('.json'))) {
      const audit = JSON.parse(readFileSync(`fixtures/audits/${f}`, 'utf8'));
      const grids = gridsFromWorkbook(readFileSync(`fixtures/mof/${audit.file}`));
      // one audited table in three (every one is read by scripts/audit/layouts.ts)
      for (const [i, a] of (audit.sheets as SheetAudit[]).entries()) {
        const g = grids.find((x) => x.name === a.sheet);
        if (i % 3 || !a.table || !a.header || !a.data || !g) continue;
        for (const [name, make] of Object.entries(hostileVariants)) {
          const v = make(g, a);
          if (!v) continue;
          variants++;
          expectSame(v, `${audit.file} ${a.sheet} (${name})`);
        }
      }
    }
    expect(variants).toBeGreaterThan(50);
  }, 120_000);

  it('on random layouts (fixed seeds)', () => {
    // a numbered name wrapped with its figures below is one row now (splitLines.test.ts): the
    // few random tables that happen to hold one are read apart
    const wrapped: number[] = [];
    for (let seed = 1; seed <= 600; seed++) {
      const g = randomGrid(seed);
      if (readAppendix(g)?.warnings.some(isFiguresBelow)) wrapped.push(seed);
      else expectSame(g, `random ${seed}`, true);
    }
    expect(wrapped.length).toBeLessThan(30);
  }, 120_000);

  it('on fixtures with random lines repeated, blanked, marked or spaced (fixed seeds)', () => {
    const tables = fixtureGrids.filter(({ g }) => g.rows.length < 400);
    for (let seed = 1; seed <= 300; seed++) {
      const { p, g } = tables[seed % tables.length];
      expectSame(shuffled(g, seed), `${p} ${g.name} seed ${seed}`, true);
    }
  });
});
