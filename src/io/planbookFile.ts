/**
 * The `.planbook` file: one workbook as JSON with a type and a format version, for backups and
 * for sending to a colleague. Opening validates every field and migrates older versions.
 */
import { newId } from '../domain/ids';
import type { Workbook } from '../domain/types';
import { arr, grid, Invalid, meta, obj, sheet } from './planbookFields';

export const PLANBOOK_TYPE = 'planbook';
export const PLANBOOK_FORMAT_VERSION = 1;

/** Why a file could not be opened. */
export type PlanbookFileError =
  | { code: 'notJson' }
  | { code: 'notPlanbook' }
  | { code: 'tooNew'; version: number }
  | { code: 'invalid'; path: string };

export type ParseResult =
  { ok: true; workbook: Workbook; migratedFrom?: number } | { ok: false; error: PlanbookFileError };

/** A migration turns the payload of version v into version v + 1. */
export type Migration = (payload: Record<string, unknown>) => Record<string, unknown>;

/** Migrations by source version (version 1 is the first public format). */
export const MIGRATIONS: Record<number, Migration> = {};

/**
 * The text of a `.planbook` file before its workbook's JSON (which a `}` closes): what
 * `JSON.stringify({ type, formatVersion, savedAt, workbook })` writes before the workbook.
 */
export function planbookHead(savedAt: Date): string {
  return `{"type":${JSON.stringify(PLANBOOK_TYPE)},"formatVersion":${PLANBOOK_FORMAT_VERSION},"savedAt":${JSON.stringify(savedAt.toISOString())},"workbook":`;
}

/** Serialises a workbook to the text of a `.planbook` file. */
export function serializePlanbook(wb: Workbook): string {
  return `${planbookHead(new Date())}${JSON.stringify(wb)}}`;
}

/**
 * Reads the text of a `.planbook` file. The workbook gets fresh workbook and sheet ids, so opening
 * a file never touches a stored workbook; its rows keep theirs, and `lineage` names the workbook
 * they belong to (so versions of one workbook compare by row identity).
 */
export function parsePlanbook(
  text: string,
  migrations: Record<number, Migration> = MIGRATIONS,
  current = PLANBOOK_FORMAT_VERSION,
): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'notJson' } };
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { type?: unknown }).type !== PLANBOOK_TYPE
  ) {
    return { ok: false, error: { code: 'notPlanbook' } };
  }
  let payload = data as Record<string, unknown>;
  const from = typeof payload.formatVersion === 'number' ? payload.formatVersion : NaN;
  if (!Number.isInteger(from) || from < 1)
    return { ok: false, error: { code: 'invalid', path: 'formatVersion' } };
  if (from > current) return { ok: false, error: { code: 'tooNew', version: from } };
  for (let v = from; v < current; v++) {
    const m = migrations[v];
    if (!m) return { ok: false, error: { code: 'invalid', path: `formatVersion ${v}` } };
    payload = m(payload);
  }
  try {
    const w = obj(payload.workbook, 'workbook');
    const now = Date.now();
    const lineage = typeof w.lineage === 'string' ? w.lineage : w.id;
    const workbook: Workbook = {
      id: newId('w'),
      ...(typeof lineage === 'string' && lineage ? { lineage } : {}),
      meta: meta(w.meta),
      sheets: arr(w.sheets, 'workbook.sheets').map((s, i) => sheet(s, `sheets[${i}]`)),
      ...(w.grids !== undefined
        ? { grids: arr(w.grids, 'workbook.grids').map((g, i) => grid(g, `grids[${i}]`)) }
        : {}),
      createdAt: typeof w.createdAt === 'number' ? w.createdAt : now,
      updatedAt: now,
    };
    if (!workbook.sheets.length && !workbook.grids?.length) throw new Invalid('sheets');
    return from === current ? { ok: true, workbook } : { ok: true, workbook, migratedFrom: from };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: { code: 'invalid', path: e.path } };
    throw e;
  }
}
