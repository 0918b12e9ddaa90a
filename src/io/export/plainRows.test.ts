import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { leaves } from '../../domain/columns';
import { generatePlan, prng } from '../../domain/generate';
import type { AppendixSheet, CellInput, GridSheet, Workbook } from '../../domain/types';
import { toCsv } from '../../../tests/support/libreoffice';
import { evaluatedExport } from '../../../tests/support/evaluatedExport';
import { readPlanFile } from '../readPlan';

async function exportOf(wb: Workbook, streamRowsOver: number) {
  return (await evaluatedExport(wb, { streamRowsOver })).out;
}

/** The package's parts as text, the hidden sheet's packed plan left out (it carries a time). */
function parts(out: Awaited<ReturnType<typeof exportOf>>): Record<string, string> {
  const all = Object.fromEntries(
    Object.entries(unzipSync(out.bytes)).map(([k, v]) => [k, strFromU8(v)]),
  );
  return { ...all, [`xl/worksheets/sheet${out.names.length}.xml`]: '' };
}

const TEXTS = [
  '',
  'x',
  "'0123",
  '12abc',
  '<&>"',
  'a_x0041_b',
  'tab\there',
  'line\nbreak',
  'bell\u0007',
  'cr\rlf',
  '=not a formula here',
  '  spaced  ',
  'Dự án đầu tư xây dựng công trình hạ tầng kỹ thuật khu đô thị mới phía Nam thành phố (giai đoạn 2)',
  'rất '.repeat(60),
  '\uD83D\uDE00 emoji',
  'lone \uD800 surrogate',
];

/**
 * A generated plan with project cells of every kind the fast path meets or hands back: texts in
 * text and figure columns, decimals and negatives, empty strings, deep levels, the user's
 * formulas (some reading a plain sheet), and Planbook's row total on the form when `rowTotal`;
 * `deep`: some projects indented far deeper than their sections (up to 70 levels); `across`:
 * formulas reading the plain sheet.
 */
function mixedPlan(
  seed: number,
  rowTotal: boolean,
  { texts = TEXTS, deep = true, across = true } = {},
): Workbook {
  const wb = structuredClone(generatePlan({ projects: 240, seed }));
  const rnd = prng(seed * 7 + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const sheet: AppendixSheet = wb.sheets[0];
  const ls = leaves(sheet.columns);
  if (rowTotal) for (const l of ls) if (l.role === 'rowTotal') l.onForm = true;
  const amounts = ls.filter((l) => l.role === 'amount');
  sheet.rows.forEach((r, i) => {
    if (r.kind !== 'project' || rnd() < 0.3) return;
    if (deep && rnd() < 0.2) r.level = 1 + Math.floor(rnd() * 70);
    for (const l of ls) {
      if (l.role === 'rowTotal' || rnd() < 0.7) continue;
      const k = rnd();
      let x: CellInput;
      if (l.role === 'amount')
        x =
          k < 0.3
            ? Math.round(rnd() * 1e6) / 100
            : k < 0.4
              ? -Math.round(rnd() * 1000)
              : k < 0.6
                ? pick(texts)
                : k < 0.7
                  ? `=E${i + 1}*2`
                  : k < 0.75 && across
                    ? "='Dữ liệu'!A1+1"
                    : null;
      else x = k < 0.8 ? pick(texts) : k < 0.9 ? Math.round(rnd() * 100) : null;
      if (x === null) delete r.cells[l.id];
      else r.cells[l.id] = x;
    }
    if (rnd() < 0.1) r.cells[pick(amounts).id] = 0.1 + 0.2;
  });
  const grid: GridSheet = { kind: 'grid', id: 'g1', name: 'Dữ liệu', cells: [[7, 'a']] };
  return { ...wb, grids: [grid] };
}

describe('plain project rows written straight from the model', () => {
  it('give exactly the parts the layout path gives (random plans, every kind of cell)', async () => {
    for (const [seed, rowTotal] of [
      [1, false],
      [2, true],
      [3, false],
      [4, true],
      [5, false],
    ] as const) {
      const wb = mixedPlan(seed, rowTotal);
      const fast = await exportOf(wb, 0);
      const whole = await exportOf(wb, Infinity);
      expect(fast.layouts[0].plain).toBeDefined();
      expect(whole.layouts[0].plain).toBeUndefined();
      expect(parts(fast)).toEqual(parts(whole));
      expect(fast.figures).toEqual(whole.figures);
    }
  }, 120_000);

  it('a long export LibreOffice recalculates to the figures written, and Planbook reads back as the same plan', async () => {
    // texts a spreadsheet keeps as they are (an empty text is no cell, a lone surrogate U+FFFD),
    // projects at their sections' levels (a plan read back keeps a consistent tree)
    const kept = TEXTS.filter((t) => t !== '' && !t.includes('\uD800'));
    const wb = mixedPlan(9, true, { texts: kept, deep: false });
    const out = await exportOf(wb, 0);
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-plain-')), 'plain.xlsx');
    writeFileSync(file, out.bytes);
    const cached = toCsv(file, false).get('Phụ lục')!;
    const recalculated = toCsv(file, true).get('Phụ lục')!;
    expect(recalculated.length).toBeGreaterThan(240);
    expect(recalculated).toEqual(cached);
    const back = readPlanFile('plain.xlsx', out.bytes).workbook;
    expect(back.sheets[0].rows.map((r) => [r.kind, r.level, r.cells])).toEqual(
      wb.sheets[0].rows.map((r) => [r.kind, r.level, r.cells]),
    );
  }, 120_000);
});
