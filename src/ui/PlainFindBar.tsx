/**
 * The find bar (Ctrl+F) of a plain grid sheet: the workbook's find (see useWorkbookFind), so a
 * query finds cells of this sheet and of the appendices. The same field and keys as the
 * appendix's find bar (Ctrl+H: with the replace row), without its row filters.
 */
import { FindControls } from './FindControls';
import { ReplaceControls, ReplaceToggle } from './ReplaceControls';
import './work.css';
import type { useWorkbookFind } from './useWorkbookFind';

/** The find bar of a plain sheet. */
export function PlainFindBar({ ff }: { ff: ReturnType<typeof useWorkbookFind> }) {
  if (!ff.open) return null;
  return (
    <div className="pb-findbar" role="search" data-testid="find-bar">
      <FindControls ff={ff} />
      <ReplaceToggle ff={ff} />
      <ReplaceControls ff={ff} />
    </div>
  );
}
