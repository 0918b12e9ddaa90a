/** The cell editor: starts from the typed key, or from the raw content (formula or number). */
import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef, useState } from 'react';
import { formatAmount } from '../../domain/numbers';
import type { Row } from '../../domain/types';
import type { GridCtx, GridItem } from './gridContext';

/** The text an editor starts with for a cell (formulas as typed, numbers in the user's style). */
export function rawText(ctx: GridCtx, row: Row, colId: string): string {
  const i = ctx.index.get(row.id);
  const raw = i === undefined ? null : ctx.session.raw(ctx.sheetId, i, colId);
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'number') return formatAmount(raw, ctx.lang, 10);
  return String(raw);
}

export function PlanCellEditor(p: CustomCellEditorProps<GridItem, unknown, GridCtx>) {
  const [initial] = useState(() => {
    if (p.eventKey && p.eventKey.length === 1) return p.eventKey;
    return rawText(p.context, p.data as Row, p.column.getColId());
  });
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const { onValueChange } = p;
  useEffect(() => {
    onValueChange(initial);
    const el = ref.current;
    if (el) {
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    }
  }, [initial, onValueChange]);
  return (
    <input
      ref={ref}
      className="pb-editor"
      value={text}
      aria-label="cell editor"
      onChange={(e) => {
        setText(e.target.value);
        onValueChange(e.target.value);
      }}
    />
  );
}
