/**
 * Revisions of a workbook in the app: save, list, open read-only, start a new workbook or restore
 * one into the workbook, compare. Row ids pair projects only between versions of this workbook
 * (its saved revisions, files of its lineage); a department's file is matched by content.
 */
import { compareWithTableSteps } from '../domain/adjustment';
import { compareSteps, type Side } from '../domain/compare';
import { newId } from '../domain/ids';
import type { MatchOverrides } from '../domain/match';
import type { Id, Workbook } from '../domain/types';
import { evaluatedSide } from '../engine/sides';
import type { RevisionRecord } from '../storage/db';
import type { WorkbookRepo } from '../storage/repo';
import type { RevisionRepo, RevisionSummary } from '../storage/revisions';
import type { ComparisonResult } from './comparison';
import { StaleWork, stepsOf } from './inSteps';
import { adoptIds, restoreCommand } from './restore';
import { type DispatchResult, WorkbookSession } from './session';

export type { RevisionSummary };

/** A revision opened for reading: a session that refuses every edit. */
export interface OpenedRevision {
  session: WorkbookSession;
  revision: RevisionSummary;
  close(): void;
}

/** Whose row ids a workbook's rows carry (its lineage, or itself). */
export function identityOf(wb: Workbook): string {
  return wb.lineage ?? wb.id;
}

/**
 * Whose row ids a revision's rows carry: the workbook's for a saved one; for a file added as a
 * version, the lineage the file names (a `.planbook` or an export), none for a table.
 */
export function revisionIdentity(
  r: Pick<RevisionRecord, 'origin' | 'workbookId' | 'snapshot'>,
): string | undefined {
  return r.origin === 'saved' ? (r.snapshot.lineage ?? r.workbookId) : r.snapshot.lineage;
}

/** The same workbook with new workbook, sheet and grid ids (rows keep theirs: stable identity). */
export function withFreshIds(wb: Workbook): Workbook {
  const now = Date.now();
  return {
    ...structuredClone(wb),
    id: newId('w'),
    lineage: identityOf(wb),
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
    identity: identityOf(s.workbook),
    value: (sheetId, row, colId) => {
      const v = s.value(sheetId, row, colId);
      return typeof v === 'number' ? v : null;
    },
  };
}

/** How many compared revisions' sides are kept (compare mode: one revision against the open workbook). */
const KEPT_SIDES = 2;

export class Versions {
  /**
   * The sides of the revisions compared last, by revision id: a revision is written once and never
   * changed (RevisionRepo), so its id names its content; compare mode compares it again after each
   * edit without reading and decoding it from IndexedDB (nor evaluating it) each time, and the
   * comparison keeps what it derives from its rows (refsMemo) while they are the same objects.
   */
  private readonly sides = new Map<Id, Promise<Side | undefined>>();

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

  /** A revision's workbook and whose row ids it carries; undefined when there is none. */
  async snapshot(
    id: Id,
  ): Promise<
    { revision: RevisionSummary; workbook: Workbook; identity: string | undefined } | undefined
  > {
    const rec = await this.revisions.get(id);
    if (!rec) return undefined;
    const { snapshot, ...revision } = rec;
    return { revision, workbook: snapshot, identity: revisionIdentity(rec) };
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

  /**
   * Compares two versions: revisions by id, or the open workbook (`'current'`). The comparison
   * runs in pieces between the page's turns (typing goes on); an edit of the open workbook
   * meanwhile starts it again on the edited workbook (what was kept of a revision stays).
   */
  async compare(
    a: Id | 'current',
    b: Id | 'current',
    current: WorkbookSession,
    labels: { current: string },
    overrides: MatchOverrides = {},
  ): Promise<ComparisonResult | undefined> {
    const side = (x: Id | 'current'): Promise<Side | undefined> =>
      x === 'current'
        ? Promise.resolve(sessionSide(labels.current, current))
        : this.revisionSide(x);
    for (;;) {
      const [sa, sb] = await Promise.all([side(a), side(b)]);
      if (!sa || !sb) return undefined;
      const wb = current.workbook;
      const live = a === 'current' || b === 'current';
      try {
        return await stepsOf(
          compareWithTableSteps(sa, sb, overrides),
          undefined,
          () => live && current.workbook !== wb,
        );
      } catch (e) {
        if (!(e instanceof StaleWork)) throw e;
      }
    }
  }

  /** A revision as a side of a comparison, read and evaluated once while it is among the last compared. */
  private revisionSide(id: Id): Promise<Side | undefined> {
    let side = this.sides.get(id);
    if (side)
      this.sides.delete(id); // most recent last
    else
      side = this.snapshot(id).then((got) => {
        // none (yet): asked again next time
        if (!got) this.sides.delete(id);
        return got && evaluatedSide(got.revision.name, got.workbook, got.identity);
      });
    this.sides.set(id, side);
    side.catch(() => this.sides.delete(id));
    for (const old of this.sides.keys()) if (this.sides.size > KEPT_SIDES) this.sides.delete(old);
    return side;
  }

  /**
   * Restores a revision into the open workbook (one undo step). A file added as a version takes
   * the row ids of the projects it matches (with the user's corrections `overrides`).
   */
  async restore(
    id: Id,
    session: WorkbookSession,
    label: string,
    overrides: MatchOverrides = {},
  ): Promise<DispatchResult | undefined> {
    const got = await this.snapshot(id);
    if (!got) return undefined;
    let version = got.workbook;
    if (got.identity !== identityOf(session.workbook)) {
      // the pairs only (no adjustment table), in pieces; again if the workbook is edited meanwhile
      const other = evaluatedSide('', version, got.identity);
      for (;;) {
        const wb = session.workbook;
        try {
          const c = await stepsOf(
            compareSteps(sessionSide('', session), other, overrides),
            undefined,
            () => session.workbook !== wb,
          );
          version = adoptIds(version, c);
          break;
        } catch (e) {
          if (!(e instanceof StaleWork)) throw e;
        }
      }
    }
    return session.dispatch(restoreCommand(session.workbook, version), label);
  }
}
