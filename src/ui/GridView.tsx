/**
 * A plain grid sheet of an open workbook: its values and formulas in the one grid of every sheet
 * (range selection, clipboard, fill, input methods, the formula bar), and a way to turn it into an
 * appendix.
 */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useRef, useState } from 'react';
import type { Refusal, RefusalCode } from '../app/commands';
import { selectionStats } from '../app/editing';
import { convertGridCommand } from '../app/gridToAppendix';
import type { CellRange } from '../app/selection';
import type { OpenedWorkbook } from '../app/services';
import { columnLetter } from '../domain/columns';
import { FindToggle } from './FindBar';
import { FormulaBar } from './FormulaBar';
import { PlainCollab } from './PlainCollab';
import { PlainFindBar } from './PlainFindBar';
import { useWorkbookFind } from './useWorkbookFind';
import type { GridCtx, GridItem } from './grid/gridContext';
import { type FocusInfo, PlanGrid } from './grid/PlanGrid';
import { HeaderRowsInput } from './HeaderRowsInput';
import { useLang } from './i18n';
import { byReadOnly, byVersion, useSession } from './useSession';
import { useUndoKeys } from './useUndoKeys';
import { SheetTabs } from './SheetTabs';
import { StatusLine, type StatusLineProps } from './StatusLine';
import { PaneHeader } from './PaneHeader';

const noKeys = () => false;

export function GridView(p: {
  opened: OpenedWorkbook;
  onBack: () => void;
  exportText: () => string;
  gridId: string;
  onSheet: (id: string) => void;
  onAddSheet: () => void;
  banner?: React.ReactNode;
  onVersions?: () => void;
  onView?: (kind: 'units' | 'years') => void;
}) {
  const { t, lang } = useLang();
  const { session } = p.opened;
  const [message, setMessage] = useState<StatusLineProps['message']>(null);
  const [stats, setStats] = useState<StatusLineProps['stats']>(null);
  const [at, setAt] = useState<{ r: number; c: number } | null>(null);
  const apiRef = useRef<GridApi<GridItem> | null>(null);
  const ctxRef = useRef<GridCtx | null>(null);
  const [band, setBand] = useState({ a: 1, b: 1 });
  const readOnly = useSession(session, byReadOnly);
  useSession(session, byVersion);
  const grid = session.workbook.grids!.find((g) => g.id === p.gridId)!;

  const refused = useCallback(
    (f: Pick<Refusal, 'code' | 'detail'>, where?: { r: number; c: number }) => {
      const { r, c } = where ?? { r: 0, c: 0 };
      setMessage({
        kind: 'error',
        text: t('refused', {
          cell: `${columnLetter(c)}${r + 1}`,
          why: t(`r_${f.code}`, { detail: f.detail ?? '' }),
        }),
      });
    },
    [t],
  );

  /** The formula bar's entry, committed as the grid's editor commits (the user's number style). */
  const edit = useCallback(
    (r: number, c: number, text: string) => {
      const ctx = ctxRef.current;
      if (!ctx) return;
      const res = ctx.adapter.commit(ctx, String(r), String(c), text);
      if (res.ok) return setMessage(null);
      refused(res.refusal, { r, c });
    },
    [refused],
  );

  /** A typed entry refused: the message, and the cell marked with it (its editor reopens). */
  const onRefused = useCallback(
    (rowId: string, colId: string, code: RefusalCode, detail?: string) => {
      const r = Number(rowId);
      const c = Number(colId);
      const text = t('refused', {
        cell: `${columnLetter(c)}${r + 1}`,
        why: t(`r_${code}`, { detail: detail ?? '' }),
      });
      const ctx = ctxRef.current;
      if (ctx) ctx.refused = { rowId, colId, message: text };
      setMessage({ kind: 'error', text });
      const node = apiRef.current?.getRowNode(rowId);
      if (node) apiRef.current?.refreshCells({ rowNodes: [node], force: true });
    },
    [t],
  );
  const onAccepted = useCallback(() => {
    const ctx = ctxRef.current;
    if (ctx?.refused) {
      const node = apiRef.current?.getRowNode(ctx.refused.rowId);
      ctx.refused = null;
      if (node) apiRef.current?.refreshCells({ rowNodes: [node], force: true });
    }
    setMessage(null);
  }, []);
  const onFocus = useCallback(
    (f: FocusInfo) =>
      setAt(
        f.rowIndex === null || !f.colId || f.colId === '__row'
          ? null
          : { r: f.rowIndex, c: Number(f.colId) },
      ),
    [],
  );

  const onSelection = useCallback((s: CellRange | null) => {
    const ctx = ctxRef.current;
    if (!ctx || !s || (s.r0 === s.r1 && s.c0 === s.c1)) return setStats(null);
    const values: unknown[] = [];
    for (let i = s.r0; i <= s.r1; i++)
      for (let j = s.c0; j <= s.c1; j++) values.push(ctx.adapter.value(i, String(j)));
    setStats(selectionStats(values));
  }, []);

  const convert = () => {
    const conv = convertGridCommand(
      session.workbook,
      p.gridId,
      { start: band.a - 1, end: band.b },
      (r, c) => session.gridValue(p.gridId, r, c),
    );
    if (!conv)
      return setMessage({ kind: 'error', text: t('convertFailed', { a: band.a, b: band.b }) });
    const res = session.dispatch(conv.command, 'convertGrid');
    if (!res.ok) return setMessage({ kind: 'error', text: t(`r_${res.refusals[0].code}`) });
    setMessage({ kind: 'info', text: t('converted', { name: grid.name, n: conv.projects }) });
    p.onSheet(conv.sheetId);
  };

  const find = useWorkbookFind({
    session,
    sheetId: p.gridId,
    onSheet: p.onSheet,
    apiRef,
    ctxRef,
    say: setMessage,
  });
  const rangeRefused = useCallback((f: Refusal) => refused(f, f.at), [refused]);
  useUndoKeys(session);

  return (
    <div className="pb-workbook" lang={lang}>
      <PaneHeader
        session={session}
        onBack={p.onBack}
        exportText={p.exportText}
        onVersions={p.onVersions}
        csv={{ id: grid.id, name: grid.name }}
        say={setMessage}
      />
      {p.banner}
      <div className="pb-convert" data-testid="convert-bar">
        <span className="pb-note">{t('gridSheetNote')}</span>{' '}
        <HeaderRowsInput
          band={band}
          onChange={setBand}
          testId="convert"
          labels={['markHeader', 'markHeaderTo']}
        />{' '}
        <button type="button" data-testid="convert" disabled={readOnly} onClick={convert}>
          {t('convertToAppendix')}
        </button>{' '}
        <button
          type="button"
          disabled={!session.history.canUndo || readOnly}
          onClick={() => session.undo()}
        >
          ↶ {t('undo')}
        </button>{' '}
        <FindToggle onOpen={find.openFind} />
      </div>
      <FormulaBar
        address={at ? `${columnLetter(at.c)}${at.r + 1}` : ''}
        text={
          at && ctxRef.current
            ? ctxRef.current.adapter.editText(ctxRef.current, String(at.r), String(at.c))
            : ''
        }
        editable={!!at && !readOnly}
        onCommit={(text) => at && edit(at.r, at.c, text)}
        onCancel={() => undefined}
      />
      <PlainFindBar ff={find} />
      <PlainCollab
        session={session}
        link={p.opened.sync}
        gridId={grid.id}
        at={at}
        readOnly={readOnly}
        ctxRef={ctxRef}
        apiRef={apiRef}
      />
      <h2 className="pb-sheet-title">
        {grid.name} <small>({t('gridSheet')})</small>
      </h2>
      <div className="pb-main">
        <PlanGrid
          key={grid.id}
          session={session}
          sheetId={grid.id}
          apiRef={apiRef}
          ctxRef={ctxRef}
          onRangeRefused={rangeRefused}
          onSelection={onSelection}
          onRefused={onRefused}
          onAccepted={onAccepted}
          onFocus={onFocus}
          onKeyDown={noKeys}
        />
      </div>
      <SheetTabs
        sheets={session.workbook.sheets}
        grids={session.workbook.grids ?? []}
        current={grid.id}
        onPick={p.onSheet}
        onAdd={p.onAddSheet}
        readOnly={readOnly}
        views={
          p.onView && session.workbook.sheets.length
            ? { current: null, onPick: p.onView }
            : undefined
        }
      />
      <StatusLine message={message} stats={stats} />
    </div>
  );
}
