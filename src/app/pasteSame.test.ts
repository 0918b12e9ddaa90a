/**
 * The paste's fast paths (app/tsv.ts: a block without quotes split at once, plain figures skipped
 * by the style guess; planPaste's new rows in a set, no per-cell objects between) plan what the
 * frozen copy of the old clipboard.ts plans, over random pastes: figures, texts, number-like strings
 * (`61.600`, `1,5`), blanks, dashes, formulas, refused cells, section and total rows, blocks that
 * add rows, copied contents, filters and units; applied, undone and redone, both leave the same
 * figures.
 */
import { describe, expect, it } from 'vitest';
import * as before from '../../tests/support/clipboardBefore/clipboard';
import { seeded } from '../../tests/support/executionEngineBefore/samePlans';
import { leaves } from '../domain/columns';
import { cellPolicy } from '../domain/policy';
import { makePlan } from '../domain/template';
import type { AppendixSheet, CellInput, ColumnNode, Row, Workbook } from '../domain/types';
import { planFill, planPaste } from './clipboard';
import { WorkbookSession } from './session';
import { detectStyle, parseTsv } from './tsv';

const TEXTS = [
  '61.600',
  '1,5',
  '1.500',
  '1,500.25',
  '1.500,25',
  '12',
  '-3',
  '0',
  ' 7 ',
  '',
  '',
  '  ',
  '-',
  '—',
  'abc',
  'Sở A',
  '0123',
  '=1+2',
  '=E2*2',
  '1 500',
  '3.14159',
  '12,3456',
  '1e3',
  '(5)',
  '"q"',
  'a"b',
];

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

/** A plan of a few sections of projects, some figures and texts, its total row last. */
function plan(rnd: () => number): Workbook {
  const rows: [Row['kind'], number, string, Record<string, CellInput>?][] = [];
  const sections = 1 + Math.floor(rnd() * 3);
  for (let s = 0; s < sections; s++) {
    rows.push(['section', 0, `S${s}`]);
    const n = 1 + Math.floor(rnd() * 4);
    for (let p = 0; p < n; p++)
      rows.push([
        'project',
        1,
        `p${s}.${p}`,
        rnd() < 0.7 ? { y2011_dtpt: Math.round(rnd() * 100), y2012_sn: rnd() < 0.3 ? 5 : 1 } : {},
      ]);
  }
  rows.push(['total', 0, 'Tổng cộng', rnd() < 0.3 ? { stated: 1 } : {}]);
  return onForm(makePlan({ rows }));
}

/**
 * The plan with its row total on the form, a column the grid shows: the frozen copy lands a block
 * on every leaf, as the paste does on the columns shown (a hidden row total is passed over since
 * h162: clipboard.test.ts).
 */
function onForm(wb: Workbook): Workbook {
  const put = (ns: ColumnNode[]): ColumnNode[] =>
    ns.map((n) =>
      n.kind === 'leaf'
        ? n.role === 'rowTotal'
          ? { ...n, onForm: true }
          : n
        : { ...n, children: put(n.children) },
    );
  return { ...wb, sheets: wb.sheets.map((sh) => ({ ...sh, columns: put(sh.columns) })) };
}

/** A random block of clipboard texts (and, now and then, contents copied inside Planbook). */
function block(rnd: () => number): { m: string[][]; raw?: CellInput[][] } {
  const h = 1 + Math.floor(rnd() * 6);
  const w = 1 + Math.floor(rnd() * 5);
  const m = Array.from({ length: h }, () => Array.from({ length: w }, () => pick(rnd, TEXTS)));
  if (rnd() < 0.8) return { m };
  const raw = m.map((r) => r.map((t): CellInput => (t === '' ? null : rnd() < 0.5 ? t : 4)));
  return { m, raw };
}

/**
 * A plan's result with row ids named by place (`#3`: the sheet's fourth row; `new0`: the first row
 * the paste adds), as two sessions give their new rows ids of their own.
 */
function named(x: unknown, sheet: AppendixSheet): string {
  const names = new Map(sheet.rows.map((r, i) => [r.id, `#${i}`]));
  let added = 0;
  return JSON.stringify(x, (_k, v: unknown) => {
    if (typeof v !== 'string') return v;
    // a new row's id (makeRow: `r` and 16 hex digits), named in order of appearance
    if (!names.has(v) && /^r[0-9a-f]{16}$/.test(v)) names.set(v, `new${added++}`);
    return names.get(v) ?? v;
  });
}

/** Every shown figure and content of a session's sheet (its row ids left out). */
function figures(s: WorkbookSession): unknown[] {
  const sheet = s.workbook.sheets[0];
  const ls = leaves(sheet.columns);
  return sheet.rows.map((r, i) => [
    r.kind,
    r.manualNumber ?? false,
    ls.map((l) => [s.raw('s1', i, l.id), s.value('s1', i, l.id)]),
  ]);
}

describe('TSV fast paths', () => {
  it('parse and style guess as before over random clipboard texts', () => {
    const rnd = seeded(7);
    const parts = ['1', '61.600', '1,5', 'x', '"', '""', '\t', '\n', '\r\n', '\r', ' ', 'a b'];
    for (let k = 0; k < 3000; k++) {
      const n = Math.floor(rnd() * 14);
      const text = Array.from({ length: n }, () => pick(rnd, parts)).join('');
      const m = parseTsv(text);
      expect(m).toEqual(before.parseTsv(text));
      expect(detectStyle(m)).toBe(before.detectStyle(m));
    }
    const figuresOnly = Array.from({ length: 200 }, () =>
      Array.from({ length: 4 }, () =>
        pick(
          rnd,
          TEXTS.filter((t) => !t.includes('"')),
        ),
      ),
    );
    expect(detectStyle(figuresOnly)).toBe(before.detectStyle(figuresOnly));
  });
});

describe('planPaste against the frozen copy', () => {
  it('plans the same command over random pastes, applied, undone and redone alike', () => {
    let landed = 0;
    let grew = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = seeded(seed);
      const wb = plan(rnd);
      const a = new WorkbookSession(
        { workbook: structuredClone(wb), order: new Map(), rev: 1 },
        null,
      );
      const b = new WorkbookSession(
        { workbook: structuredClone(wb), order: new Map(), rev: 1 },
        null,
      );
      for (let step = 0; step < 6; step++) {
        const sheetA: AppendixSheet = a.workbook.sheets[0];
        const sheetB: AppendixSheet = b.workbook.sheets[0];
        const width = leaves(sheetA.columns).length;
        const at = {
          row: Math.floor(rnd() * sheetA.rows.length),
          col: Math.floor(rnd() * width),
        };
        const { m, raw } = block(rnd);
        const keep = rnd() < 0.2 ? (r: Row) => r.kind !== 'section' : undefined;
        const scale = rnd() < 0.2 ? 1000 : 1;
        const rOld = before.planPaste(sheetA, at, m, raw, keep, scale);
        const rNew = planPaste(sheetB, at, m, raw, keep, scale);
        expect(named(rNew, sheetB), `seed ${seed} step ${step}`).toBe(named(rOld, sheetA));
        if ('command' in rOld && 'command' in rNew) {
          const okA = a.dispatch(rOld.command, 'paste').ok;
          expect(b.dispatch(rNew.command, 'paste').ok).toBe(okA);
          if (okA) landed++;
          if (okA && rOld.newRows) grew++;
        }
        if (rnd() < 0.3) expect(b.undo()).toBe(a.undo());
        if (rnd() < 0.2) expect(b.redo()).toBe(a.redo());
        expect(figures(b), `seed ${seed} step ${step}`).toEqual(figures(a));
      }
    }
    // the random pastes land often, rows added among them (not only refusals)
    expect(landed).toBeGreaterThan(30);
    expect(grew).toBeGreaterThan(3);
  });

  it('a fill plans as before (its texts and moved formulas through the same paste); one from a computed sum changes nothing', () => {
    const rnd = seeded(99);
    for (let k = 0; k < 30; k++) {
      const wb = plan(rnd);
      const sheet = wb.sheets[0];
      const n = sheet.rows.length;
      const r0 = Math.floor(rnd() * n);
      const c0 = 4 + Math.floor(rnd() * 4);
      const source = { r0, c0, r1: r0, c1: c0 };
      const target = { r0, c0, r1: Math.min(n - 1, r0 + 3), c1: c0 };
      const raw = (i: number, c: string) => sheet.rows[i]?.cells[c] ?? null;
      // (session 19) a section's sum is no figure to copy: the cells below are left as they are
      if (!cellPolicy(sheet, sheet.rows[r0], leaves(sheet.columns)[c0]).editable) {
        const r = planFill(sheet, source, target, raw);
        const cmds = 'command' in r && r.command.type === 'batch' ? r.command.commands : [];
        expect(cmds.filter((c) => c.type === 'setCells')).toEqual([]);
        continue;
      }
      const old = before.planFill(sheet, source, target, raw);
      const now = planFill(sheet, source, target, raw);
      // (session 20) a fill never adds rows: where the frozen copy added project rows before the
      // totals (a fill dragged onto the total row), it writes the target rows as they are
      const oldCmds = 'command' in old && old.command.type === 'batch' ? old.command.commands : [];
      if (oldCmds.some((c) => c.type === 'insertRows')) {
        const cmds = 'command' in now && now.command.type === 'batch' ? now.command.commands : [];
        expect(cmds.filter((c) => c.type === 'insertRows')).toEqual([]);
        const ids = new Set(sheet.rows.slice(target.r0, target.r1 + 1).map((r) => r.id));
        for (const c of cmds)
          if (c.type === 'setCells')
            for (const ch of c.changes) expect(ids.has(ch.rowId)).toBe(true);
        continue;
      }
      expect(named(now, sheet)).toBe(named(old, sheet));
    }
  });
});
