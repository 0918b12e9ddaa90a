/** Revisions of a workbook in the app: save, list, open read-only, start a new workbook, compare. */
import type { Side } from '../domain/compare';
import { newId } from '../domain/ids';
import type { MatchOverrides } from '../domain/match';
import type { Id, Workbook } from '../domain/types';
import { evaluatedSide } from '../engine/sides';
import type { WorkbookRepo } from '../storage/repo';
import type { RevisionRepo, RevisionSummary } from '../storage/revisions';
import { type ComparisonResult, compareWorkbooks } from './comparison';
import { WorkbookSession } from './session';

export type { RevisionSummary };

/** A revision opened for reading: a session that refuses every edit. */
export interface OpenedRevision {
  session: WorkbookSession;
  revision: RevisionSummary;
  close(): void;
}

/** The same workbook with new workbook, sheet and grid ids (rows keep theirs: stable identity). */
export function withFreshIds(wb: Workbook): Workbook {
  const now = Date.now();
  return {
    ...structuredClone(wb),
    id: newId('w'),
    sheets: wb.sheets.map((s) => ({ ...structuredClone(s), id: newId('s') })),
    ...(wb.grids
      ? { grids: wb.grids.map((g) => ({ ...structuredClone(g), id: newId('g') })) }
      : {}),
    createdAt: now,
    updatedAt: now,
  };
}

/** A side of a comparison from the open workbook (its engine already holds every value). */
export function sessionSide(label: string, s: WorkbookSession): Side {
  return {
    label,
    workbook: s.workbook,
    value: (sheetId, row, colId) => {
      const v = s.value(sheetId, row, colId);
      return typeof v === 'number' ? v : null;
    },
  };
}

export class Versions {
  constructor(
    private readonly repo: WorkbookRepo,
    private readonly revisions: RevisionRepo,
  ) {}

  /** The timeline of a workbook, oldest first. */
  list(workbookId: Id): Promise<RevisionSummary[]> {
    return this.revisions.list(workbookId);
  }

  /** Saves the current state (once every edit so far is stored) as a named revision. */
  async save(session: WorkbookSession, name: string, note = ''): Promise<RevisionSummary> {
    await session.whenSaved();
    return this.revisions.add(session.workbook.id, session.workbook, { name, note });
  }

  /** Adds a file read by the importer as a revision of a workbook (a department's new version). */
  addFromFile(workbookId: Id, wb: Workbook, fileName: string, note = ''): Promise<RevisionSummary> {
    return this.revisions.add(workbookId, wb, {
      name: fileName,
      note,
      origin: 'imported',
      fileName,
    });
  }

  /** A revision's workbook; undefined when there is none. */
  async snapshot(id: Id): Promise<{ revision: RevisionSummary; workbook: Workbook } | undefined> {
    const rec = await this.revisions.get(id);
    if (!rec) return undefined;
    const { snapshot, ...revision } = rec;
    return { revision, workbook: snapshot };
  }

  /** Opens a revision read-only. */
  async open(id: Id): Promise<OpenedRevision | undefined> {
    const got = await this.snapshot(id);
    if (!got) return undefined;
    const session = new WorkbookSession(
      { workbook: got.workbook, order: new Map(), rev: 0 },
      null,
      true,
    );
    return { session, revision: got.revision, close: () => session.close() };
  }

  /** Starts a new workbook from a revision; resolves with its id. */
  async newWorkbookFrom(id: Id, title?: string): Promise<Id | undefined> {
    const got = await this.snapshot(id);
    if (!got) return undefined;
    const wb = withFreshIds(got.workbook);
    if (title) wb.meta = { ...wb.meta, title };
    await this.repo.create(wb);
    return wb.id;
  }

  /** Compares two versions: revisions by id, or the open workbook (`'current'`). */
  async compare(
    a: Id | 'current',
    b: Id | 'current',
    current: WorkbookSession,
    labels: { current: string },
    overrides: MatchOverrides = {},
  ): Promise<ComparisonResult | undefined> {
    const side = async (x: Id | 'current'): Promise<Side | undefined> => {
      if (x === 'current') return sessionSide(labels.current, current);
      const got = await this.snapshot(x);
      return got && evaluatedSide(got.revision.name, got.workbook);
    };
    const [sa, sb] = await Promise.all([side(a), side(b)]);
    return sa && sb ? compareWorkbooks(sa, sb, overrides) : undefined;
  }
}
