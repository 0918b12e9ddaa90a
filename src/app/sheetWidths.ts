/**
 * The column widths of an open workbook's sheets: read with the workbook, changed when the user
 * drags a column edge, written beside the workbook (never an undo step, never a revision).
 */
import type { Id } from '../domain/types';
import type { WorkbookRepo } from '../storage/repo';

export type WidthsBySheet = Record<Id, Record<Id, number>>;

export class SheetWidths {
  private all: WidthsBySheet;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly repo: WorkbookRepo | null,
    private readonly workbookId: Id,
    stored: WidthsBySheet | undefined,
    private readonly canWrite: () => boolean,
  ) {
    this.all = { ...(stored ?? {}) };
  }

  /** The widths (px) the user gave the columns of a sheet. */
  of(sheetId: Id): Readonly<Record<Id, number>> {
    return this.all[sheetId] ?? {};
  }

  /** Records new widths (px) for columns of a sheet and stores them; a read-only tab only shows them. */
  set(sheetId: Id, widths: Record<Id, number>): void {
    const changed = Object.entries(widths).filter(
      ([k, v]) => Number.isFinite(v) && v > 0 && this.of(sheetId)[k] !== Math.round(v),
    );
    if (!changed.length) return;
    const next = { ...this.of(sheetId) };
    for (const [k, v] of changed) next[k] = Math.round(v);
    this.all = { ...this.all, [sheetId]: next };
    const repo = this.repo;
    if (!repo || !this.canWrite()) return;
    const own = Object.fromEntries(changed.map(([k, v]) => [k, Math.round(v)]));
    // writes go one after another; a refused write (storage full) loses only a width
    this.pending = this.pending
      .then(() => repo.saveColumnWidths(this.workbookId, sheetId, own))
      .catch(() => undefined);
  }

  /** Resolves once every width recorded so far is stored. */
  whenSaved(): Promise<void> {
    return this.pending;
  }

  /** The widths read again from storage (another tab's workbook taken over). */
  reset(stored: WidthsBySheet | undefined): void {
    this.all = { ...(stored ?? {}) };
  }
}
