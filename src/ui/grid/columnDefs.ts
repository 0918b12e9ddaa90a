/** AG Grid column definitions from the plan's column tree: multi-level headers, getters, spans. */
import type {
  ColDef,
  ColGroupDef,
  EditableCallbackParams,
  ValueGetterParams,
} from 'ag-grid-community';
import { columnLetter, isNumericLeaf, leaves } from '../../domain/columns';
import type { CellRange } from '../../app/selection';
import { explain } from '../../domain/checks';
import { cellPolicy, yearSpans } from '../../domain/policy';
import { isOnForm } from '../../domain/totals';
import type { ColumnLeaf, ColumnNode, Row } from '../../domain/types';
import type { T } from '../i18n';
import { PlanCellEditor } from './CellEditor';
import { collabCellTip, collabClassRules } from './collabCells';
import { withPresenceLabel } from './PresenceCell';
import { type GridCtx, type GridItem, isPinned } from './gridContext';
import { type GridView, shownAmount, wrapsText } from './displayFormat';
import { FigureCell, type FigureCellParams, NameCell } from './cellRenderers';
import { cellValue, changedBefore, findingAt, statedDiff } from './cellReads';

type Def = ColDef<GridItem> | ColGroupDef<GridItem>;

const WIDTHS: Record<string, number> = {
  number: 56,
  name: 340,
  lead: 150,
  coord: 150,
  notes: 160,
  text: 140,
};

/** Keys the grid leaves to Planbook (range selection, fill, clear) while not editing. */
export function gridKeys(p: { editing: boolean; event: KeyboardEvent }): boolean {
  if (p.editing) return false;
  const e = p.event;
  const k = e.key;
  const ctrl = e.ctrlKey || e.metaKey;
  if (k === 'Delete' || k === 'Backspace') return true;
  if (e.shiftKey && !e.altKey && k.startsWith('Arrow')) return true;
  return ctrl && ['a', 'd', 'r'].includes(k.toLowerCase());
}

type RangeOf = (ctx: GridCtx) => CellRange | null;

/** Whether the cell (row, leaf) lies in a range of the context (selection, cut, fill preview). */
export function inRange(
  of: RangeOf,
  p: { context: unknown; data?: { id: string }; node: { rowPinned?: string | null } },
  colId: string,
): boolean {
  const ctx = p.context as GridCtx;
  const r = of(ctx);
  const c = ctx.leafIndex.get(colId);
  // the plan index, by row id (AG Grid's own index counts only the rows a filter shows)
  const i = p.data && !p.node.rowPinned ? ctx.index.get(p.data.id) : undefined;
  if (!r || c === undefined || i === undefined) return false;
  return i >= r.r0 && i <= r.r1 && c >= r.c0 && c <= r.c1;
}

function editable(leaf: ColumnLeaf) {
  return (p: EditableCallbackParams<GridItem>) => {
    const item = p.data;
    if (!item || isPinned(item)) return false;
    const ctx = p.context as GridCtx;
    const sheet = ctx.session.workbook.sheets.find((s) => s.id === ctx.sheetId);
    return !!sheet && cellPolicy(sheet, item, leaf).editable;
  };
}

type Rules = NonNullable<ColDef<GridItem>['cellClassRules']>;

/**
 * A leaf's class rules, only those that can hold on its cells (AG Grid evaluates every rule of a
 * cell on each refresh: an edit refreshes a row's twenty cells and the totals'): the figure marks
 * on numeric leaves (and the row total), `pb-added` on the name.
 */
function classRules(
  leaf: ColumnLeaf,
  numeric: boolean,
  span: { groupId: string } | undefined,
): Rules {
  const rules: Rules = {};
  if (numeric) rules['pb-num'] = () => true;
  if (numeric || leaf.role === 'rowTotal')
    rules['pb-computed'] = (p) =>
      leaf.role === 'rowTotal' ||
      (!isPinned(p.data) && (p.data as Row | undefined)?.kind === 'section' && numeric);
  if (numeric)
    rules['pb-stated-diff'] = (p) => statedDiff(p.context as GridCtx, leaf, p.data, span) !== null;
  Object.assign(rules, {
    'pb-finding-error': (p) =>
      findingAt(p.context as GridCtx, leaf, span, p.data)?.severity === 'error',
    'pb-finding-warning': (p) =>
      findingAt(p.context as GridCtx, leaf, span, p.data)?.severity === 'warning',
    'pb-selected': (p) => inRange((c) => c.selection, p, leaf.id),
    'pb-cut': (p) => inRange((c) => c.cut, p, leaf.id),
    'pb-fill-target': (p) => inRange((c) => c.fillTarget, p, leaf.id),
    'pb-changed': (p) => changedBefore(p.context as GridCtx, leaf.id, p.data) !== undefined,
    'pb-refused': (p) => {
      const r = (p.context as GridCtx).refused;
      return !!r && r.colId === leaf.id && r.rowId === p.data?.id;
    },
    ...collabClassRules(leaf.id),
  } satisfies Rules);
  if (leaf.role === 'name')
    rules['pb-added'] = (p) => !!(p.context as GridCtx).marks?.added.has(p.data?.id ?? '');
  return rules;
}

function leafDef(
  leaf: ColumnLeaf,
  index: number,
  t: T,
  spans: ReturnType<typeof yearSpans>,
  view?: GridView,
): ColDef<GridItem> {
  const numeric = isNumericLeaf(leaf);
  const span = spans.get(leaf.id);
  const letter = columnLetter(index);
  const def: ColDef<GridItem> = {
    colId: leaf.id,
    headerName: leaf.label,
    headerTooltip: `${letter} · ${leaf.label}`,
    width: view?.widths[leaf.id] ?? leaf.width ?? (numeric ? 96 : (WIDTHS[leaf.role] ?? 120)),
    ...(view?.wrap && wrapsText(leaf) ? { wrapText: true, autoHeight: true } : {}),
    editable: editable(leaf),
    cellEditor: PlanCellEditor,
    // the edit is committed here, synchronously: the grid's edit events are delivered a task later
    valueSetter: (p) => {
      const item = p.data;
      if (item && !isPinned(item))
        (p.context as GridCtx).commit(item.id, leaf.id, String(p.newValue ?? ''));
      return false;
    },
    valueGetter: (p: ValueGetterParams<GridItem>) =>
      cellValue(p.context as GridCtx, leaf, span, p.data),
    cellClassRules: classRules(leaf, numeric, span),
    tooltipValueGetter: (p) => {
      const ctx = p.context as GridCtx;
      const r = ctx.refused;
      if (r && r.colId === leaf.id && r.rowId === (p.data as GridItem | undefined)?.id)
        return r.message;
      const collab = collabCellTip(ctx, leaf, p.data as GridItem | undefined, t);
      if (collab) return collab;
      const f = findingAt(ctx, leaf, span, p.data as GridItem);
      const diff = statedDiff(ctx, leaf, p.data as GridItem, span);
      const shown = (x: number) => shownAmount(ctx, leaf, x, p.data as GridItem | undefined);
      if (f && diff)
        return `${explain(f, ctx.lang, shown)} ${t('statedDiff', {
          stated: shown(diff.stated),
          computed: shown(diff.computed),
        })}`;
      if (f) return explain(f, ctx.lang, shown);
      const before = changedBefore(ctx, leaf.id, p.data as GridItem);
      if (before !== undefined)
        return t('beforeWas', {
          label: ctx.marks!.label,
          value:
            typeof before === 'number'
              ? shownAmount(ctx, leaf, before, p.data as GridItem | undefined)
              : (before ?? '—'),
        });
      if (leaf.role === 'name' && ctx.marks?.added.has((p.data as GridItem | undefined)?.id ?? ''))
        return t('addedSince', { label: ctx.marks.label });
      const d = statedDiff(ctx, leaf, p.data as GridItem, span);
      if (d)
        return t('statedDiff', {
          stated: shownAmount(ctx, leaf, d.stated),
          computed: shownAmount(ctx, leaf, d.computed),
        });
      return leaf.role === 'name' && typeof p.value === 'string' && p.value.length > 40
        ? p.value
        : undefined;
    },
    suppressKeyboardEvent: (p) =>
      !p.editing && (p.event.key === 'Delete' || p.event.key === 'Backspace'),
  };
  if (numeric) {
    def.valueFormatter = (p) => {
      const v = p.value as unknown;
      if (typeof v === 'number')
        return shownAmount(p.context as GridCtx, leaf, v, p.data as GridItem | undefined);
      if (v && typeof v === 'object' && 'error' in v) return `#${(v as { error: string }).error}`;
      return v === null || v === undefined ? '' : String(v);
    };
    def.type = 'rightAligned';
    // sections and total rows: the stated figure, and the computed one beside when they differ
    const params: FigureCellParams = {
      diffOf: (ctx, item) => statedDiff(ctx, leaf, item, span),
      format: (ctx, n) => shownAmount(ctx, leaf, n),
    };
    // only a cell that differs has a renderer (the others show their text, as AG Grid draws it)
    def.cellRendererSelector = (p) =>
      p.data &&
      !isPinned(p.data) &&
      p.data.kind !== 'project' &&
      statedDiff(p.context as GridCtx, leaf, p.data, span)
        ? { component: FigureCell, params }
        : undefined;
  }
  // Planbook's own row total is not on the form unless the user put it there
  if (!isOnForm(leaf)) def.hide = true;
  if (span) {
    def.colSpan = (p) => {
      const item = p.data;
      if (isPinned(item)) return item.source === null ? span.size : 1;
      return item && item.kind === 'total' && item.cells[span.groupId] !== undefined
        ? span.size
        : 1;
    };
  }
  if (leaf.role === 'name') {
    def.cellRenderer = NameCell;
    def.pinned = 'left';
    def.cellStyle = (p) => {
      const item = p.data;
      return { paddingLeft: `${8 + (item && !isPinned(item) ? item.level * 16 : 0)}px` };
    };
  }
  if (leaf.role === 'number') def.pinned = 'left';
  return withPresenceLabel(def, leaf.id);
}

/** Column definitions for an appendix sheet: a row-number gutter, then the column tree. */
export function buildColumnDefs(columns: ColumnNode[], t: T, view?: GridView): Def[] {
  const order = new Map(leaves(columns).map((l, i) => [l.id, i]));
  const spans = yearSpans(columns);
  const node = (n: ColumnNode): Def =>
    n.kind === 'leaf'
      ? leafDef(n, order.get(n.id)!, t, spans, view)
      : {
          groupId: n.id,
          headerName: n.label,
          marryChildren: true,
          headerClass: 'pb-group-header',
          children: n.children.map(node),
        };
  const gutter: ColDef<GridItem> = {
    colId: '__row',
    headerName: '',
    width: 48,
    pinned: 'left',
    editable: false,
    cellClass: 'pb-gutter',
    suppressKeyboardEvent: gridKeys,
    valueGetter: (p) =>
      p.data && !isPinned(p.data) ? ((p.context as GridCtx).index.get(p.data.id) ?? 0) + 1 : '',
  };
  return [gutter, ...columns.map(node)];
}
