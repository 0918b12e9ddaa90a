/** Issue 15, the screen model: one set of totals (the plan's own), stated figures shown and marked. */
import { describe, expect, it } from 'vitest';
import { WorkbookSession } from '../../app/session';
import { amountColumnId } from '../../domain/template';
import type { Workbook } from '../../domain/types';
import { sampleWorkbook } from '../../app/sample';
import { translator } from '../i18n';
import { buildColumnDefs } from './columnDefs';
import { figureDiff, figureKey, pinnedTotals, statedFigure } from './totalsModel';

const sample = sampleWorkbook;

const label = (s: string | null) => (s === null ? 'Tổng cộng' : `Tổng vốn ${s}`);

function session(wb: Workbook) {
  return new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
}

/** The names of the rows the grid shows: the sheet's rows, then the pinned rows. */
function shownNames(wb: Workbook): string[] {
  const s = session(wb);
  const sheet = s.workbook.sheets[0];
  return [
    ...sheet.rows.map((r) => String(r.cells.name ?? '')),
    ...pinnedTotals(sheet, s.layout(sheet.id).sources, label).map((p) => p.label),
  ];
}

describe('the totals on screen', () => {
  it('shows one Tổng cộng row when the plan has one: its own, no computed rows pinned', () => {
    const names = shownNames(sample());
    expect(names.filter((n) => n === 'Tổng cộng')).toHaveLength(1);
    expect(names.slice(-3)).toEqual([
      'Tổng vốn đầu tư phát triển',
      'Tổng vốn sự nghiệp TT&TT',
      'Tổng cộng',
    ]);
  });

  it('adds the computed total rows when the plan has none', () => {
    const wb = sample();
    const sheet = wb.sheets[0];
    const bare = {
      ...wb,
      sheets: [{ ...sheet, rows: sheet.rows.filter((r) => r.kind !== 'total') }],
    };
    const names = shownNames(bare);
    expect(names.filter((n) => n === 'Tổng cộng')).toHaveLength(1);
    expect(names.slice(-3)).toEqual(['Tổng vốn ĐTPT', 'Tổng vốn SN', 'Tổng cộng']);
  });

  it('shows the stated figure of a section or total row, with the computed one where they differ', () => {
    const s = session(sample());
    const sheet = s.workbook.sheets[0];
    const v = s.values(sheet.id);
    const stated = sheet.columns.flatMap((n) =>
      n.kind === 'leaf' && n.role === 'stated' ? [n] : [],
    )[0];
    // section 1: Tổng mức đầu tư stated 36.300, its projects add up to 41.300
    expect(statedFigure(sheet.rows[0], figureKey(sheet.rows[0], stated, undefined))).toBe(36300);
    expect(figureDiff(sheet, v, 0, 'stated')).toEqual({ stated: 36300, computed: 41300 });
    // the plan's Tổng cộng row: 2011 stated over both sources 11.150, its rows give 9.100
    const total = sheet.rows.length - 1;
    const a11 = {
      kind: 'leaf' as const,
      id: amountColumnId(2011, 'ĐTPT'),
      label: '',
      role: 'amount' as const,
    };
    expect(figureKey(sheet.rows[total], a11, 'y2011')).toBe('y2011');
    expect(figureDiff(sheet, v, total, 'y2011')).toEqual({ stated: 11150, computed: 9100 });
    // a project row states nothing to compare
    expect(figureDiff(sheet, v, 1, 'stated')).toBeNull();
  });

  it('keeps Planbook’s own row total off the screen unless the user put it on the form', () => {
    const t = translator('vi');
    const sheet = sample().sheets[0];
    const find = (defs: unknown[]): { hide?: boolean } | undefined =>
      defs
        .flatMap((d) => [d, ...((d as { children?: unknown[] }).children ?? [])])
        .find((d) => (d as { colId?: string }).colId === 'total') as { hide?: boolean };
    expect(find(buildColumnDefs(sheet.columns, t))?.hide).toBe(true);
    const onForm = sheet.columns.map((n) =>
      n.kind === 'leaf' && n.role === 'rowTotal' ? { ...n, onForm: true as const } : n,
    );
    expect(find(buildColumnDefs(onForm, t))?.hide).toBeUndefined();
  });
});
