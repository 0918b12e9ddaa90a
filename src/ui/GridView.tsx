/** A plain grid sheet of an open workbook: its values and formulas, editable, and a way to turn it into an appendix. */
import { useCallback, useState } from 'react';
import type { Refusal } from '../app/commands';
import { convertGridCommand } from '../app/gridToAppendix';
import type { OpenedWorkbook } from '../app/services';
import { columnLetter } from '../domain/columns';
import { gridCell, gridInput } from '../domain/grid';
import { FormulaBar } from './FormulaBar';
import { gridRawText, PlainGrid } from './grid/PlainGrid';
import { HeaderRowsInput } from './HeaderRowsInput';
import { useLang } from './i18n';
import { byReadOnly, byVersion, useSession } from './useSession';
import { useUndoKeys } from './useUndoKeys';
import { SheetTabs } from './SheetTabs';
import { StatusLine, type StatusLineProps } from './StatusLine';
import { PaneHeader } from './PaneHeader';

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
  const [at, setAt] = useState<{ r: number; c: number } | null>(null);
  const [band, setBand] = useState({ a: 1, b: 1 });
  const readOnly = useSession(session, byReadOnly);
  useSession(session, byVersion);
  const grid = session.workbook.grids!.find((g) => g.id === p.gridId)!;

  const edit = useCallback(
    (r: number, c: number, text: string) => {
      const res = session.dispatch(
        { type: 'setGridCells', gridId: p.gridId, changes: [{ r, c, value: gridInput(text) }] },
        'editCell',
      );
      if (res.ok) return setMessage(null);
      const f: Refusal = res.refusals[0];
      setMessage({
        kind: 'error',
        text: t('refused', {
          cell: `${columnLetter(c)}${r + 1}`,
          why: t(`r_${f.code}`, { detail: f.detail ?? '' }),
        }),
      });
    },
    [session, p.gridId, t],
  );

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
        </button>
      </div>
      <FormulaBar
        address={at ? `${columnLetter(at.c)}${at.r + 1}` : ''}
        text={at ? gridRawText(gridCell(grid, at.r, at.c)) : ''}
        editable={!!at && !readOnly}
        onCommit={(text) => at && edit(at.r, at.c, text)}
        onCancel={() => undefined}
      />
      <h2 className="pb-sheet-title">
        {grid.name} <small>({t('gridSheet')})</small>
      </h2>
      <div className="pb-main">
        <PlainGrid
          key={grid.id}
          session={session}
          gridId={grid.id}
          readOnly={readOnly}
          onEdit={edit}
          onFocus={(r, c) => setAt({ r, c })}
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
      <StatusLine message={message} stats={null} />
    </div>
  );
}
