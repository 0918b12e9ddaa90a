/** Frozen copy (session 12) of the React cell renderer the grid used before the plain JS ones (oracle for cellRenderers.test.ts). */
/** The project name cell: the name, and a mark with the transcriber's note when the row has one. */
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { Row } from '../../../src/domain/types';
import { useLang } from '../../../src/ui/i18n';
import { type GridItem, isPinned } from '../../../src/ui/grid/gridContext';

export function NameCell(p: CustomCellRendererProps<GridItem>) {
  const { t } = useLang();
  const item = p.data;
  const remark = item && !isPinned(item) ? (item as Row).remark : undefined;
  return (
    <span className="pb-name">
      {remark && (
        <span
          className="pb-remark"
          title={t('remark', { text: remark })}
          aria-label={t('remark', { text: remark })}
          data-remark
        >
          ⚑
        </span>
      )}
      {String(p.value ?? '')}
    </span>
  );
}
