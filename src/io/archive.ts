/**
 * The `.planbook-archive` file (a zip): every workbook as its own `.planbook` file (so one can be
 * taken out and opened alone), its versions and execution trackings beside it, every
 * consolidation with its submissions and the submitted files' bytes, and a manifest naming them.
 * Reading checks the manifest and every part (workbooks and versions through the `.planbook`
 * reader) before anything is stored; a bad archive gets one reason.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Consolidation, Submission } from '../domain/consolidateTypes';
import type { ExecutionTrackingRecord, VersionRecord } from '../domain/records';
import type { Id, Workbook } from '../domain/types';
import { parsePlanbook, serializePlanbook } from './planbookFile';

export const ARCHIVE_TYPE = 'planbook-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
/** Bound on what an archive may unpack to (declared sizes), in bytes. */
export const ARCHIVE_MAX_BYTES = 1_500_000_000;

/** A version as archived (the stored record). */
export type ArchivedVersion = VersionRecord;

/** An execution tracking as archived (the stored record; its plan is kept as stored). */
export type ArchivedExecution = ExecutionTrackingRecord;

export interface ArchivedWorkbook {
  workbook: Workbook;
  versions: ArchivedVersion[];
  executions: ArchivedExecution[];
}

/** A consolidation as archived: its stored state, submissions and files (bytes as received). */
export interface ArchivedConsolidation {
  consolidation: Consolidation & { rev: number };
  submissions: { id: Id; consolidationId: Id; submission: Submission; workbook: Workbook }[];
  files: { id: Id; consolidationId: Id; name: string; bytes: Uint8Array }[];
}

export interface Archive {
  savedAt: string;
  workbooks: ArchivedWorkbook[];
  consolidations: ArchivedConsolidation[];
}

/** Why an archive could not be read. */
export type ArchiveError =
  | { code: 'notArchive' }
  | { code: 'tooNew'; version: number }
  | { code: 'tooLarge' }
  | { code: 'invalid'; path: string };

export type ArchiveResult = { ok: true; archive: Archive } | { ok: false; error: ArchiveError };

const MANIFEST = 'planbook-archive.json';

/** The bytes of an archive holding everything given. */
export function writeArchive(a: Archive): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const manifest = {
    type: ARCHIVE_TYPE,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    savedAt: a.savedAt,
    workbooks: a.workbooks.map((w, i) => {
      const base = `workbooks/${String(i + 1).padStart(3, '0')}`;
      files[`${base}.planbook`] = strToU8(serializePlanbook(w.workbook));
      files[`${base}.versions.json`] = strToU8(JSON.stringify(w.versions));
      files[`${base}.executions.json`] = strToU8(JSON.stringify(w.executions));
      return { id: w.workbook.id, title: w.workbook.meta.title, file: base };
    }),
    consolidations: a.consolidations.map((c, i) => {
      const base = `consolidations/${String(i + 1).padStart(3, '0')}`;
      files[`${base}.json`] = strToU8(
        JSON.stringify({ consolidation: c.consolidation, submissions: c.submissions }),
      );
      const parts = c.files.map((f, k) => {
        const path = `${base}/${String(k + 1).padStart(3, '0')}.bin`;
        files[path] = f.bytes;
        return { id: f.id, name: f.name, path };
      });
      files[`${base}.files.json`] = strToU8(JSON.stringify(parts));
      return { id: c.consolidation.id, title: c.consolidation.form.title, file: base };
    }),
  };
  files[MANIFEST] = strToU8(JSON.stringify(manifest, null, 1));
  return zipSync(files, { level: 6 });
}

class Invalid extends Error {
  constructor(public readonly path: string) {
    super(path);
  }
}

const BAD_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON text parsed with no key that could reach an object's prototype. */
function json(bytes: Uint8Array | undefined, path: string): unknown {
  if (!bytes) throw new Invalid(path);
  try {
    return JSON.parse(strFromU8(bytes), (k, v: unknown) => {
      if (BAD_KEYS.has(k)) throw new Invalid(path);
      return v;
    });
  } catch (e) {
    if (e instanceof Invalid) throw e;
    throw new Invalid(path);
  }
}

function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Invalid(path);
  return v as Record<string, unknown>;
}
function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new Invalid(path);
  return v;
}
function str(v: unknown, path: string): string {
  if (typeof v !== 'string' || !v) throw new Invalid(path);
  return v;
}

/**
 * A workbook read through the `.planbook` reader, with the ids it was stored under (the reader
 * gives fresh ones to a file opened alone).
 */
function workbookOf(text: unknown, path: string): Workbook {
  const o = obj(text, path);
  const r = parsePlanbook(JSON.stringify(o));
  if (!r.ok) throw new Invalid(r.error.code === 'invalid' ? `${path}: ${r.error.path}` : path);
  const w = obj(o.workbook, `${path}.workbook`);
  const id = str(w.id, `${path}.workbook.id`);
  const sheets = arr(w.sheets, `${path}.workbook.sheets`);
  const grids = w.grids === undefined ? [] : arr(w.grids, `${path}.workbook.grids`);
  const lineage = typeof w.lineage === 'string' && w.lineage !== id ? w.lineage : undefined;
  const wb = r.workbook;
  return {
    ...wb,
    id,
    ...(lineage ? { lineage } : { lineage: undefined }),
    sheets: wb.sheets.map((s, i) => ({ ...s, id: str(obj(sheets[i], path).id, path) })),
    ...(wb.grids
      ? { grids: wb.grids.map((g, i) => ({ ...g, id: str(obj(grids[i], path).id, path) })) }
      : {}),
    updatedAt: typeof w.updatedAt === 'number' ? w.updatedAt : wb.updatedAt,
  };
}

const clean = (wb: Workbook): Workbook => {
  if (wb.lineage !== undefined) return wb;
  const { lineage: _l, ...rest } = wb;
  return rest;
};

/** Reads an archive's bytes; nothing is stored here. */
export function readArchive(bytes: Uint8Array): ArchiveResult {
  let files: Record<string, Uint8Array>;
  let declared = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        declared += f.originalSize;
        if (declared > ARCHIVE_MAX_BYTES) throw new RangeError('tooLarge');
        return true;
      },
    });
  } catch (e) {
    if (e instanceof RangeError && e.message === 'tooLarge')
      return { ok: false, error: { code: 'tooLarge' } };
    return { ok: false, error: { code: 'notArchive' } };
  }
  if (!files[MANIFEST]) return { ok: false, error: { code: 'notArchive' } };
  try {
    const m = obj(json(files[MANIFEST], MANIFEST), MANIFEST);
    if (m.type !== ARCHIVE_TYPE) return { ok: false, error: { code: 'notArchive' } };
    const v = m.formatVersion;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new Invalid('formatVersion');
    if (v > ARCHIVE_FORMAT_VERSION) return { ok: false, error: { code: 'tooNew', version: v } };
    const workbooks = arr(m.workbooks, 'workbooks').map((x, i): ArchivedWorkbook => {
      const e = obj(x, `workbooks[${i}]`);
      const base = str(e.file, `workbooks[${i}].file`);
      const workbook = clean(workbookOf(json(files[`${base}.planbook`], base), `${base}.planbook`));
      const versions = arr(json(files[`${base}.versions.json`], base), base).map((y, k) => {
        const p = `${base}.versions[${k}]`;
        const r = obj(y, p);
        return {
          id: str(r.id, `${p}.id`),
          workbookId: workbook.id,
          name: typeof r.name === 'string' ? r.name : '',
          note: typeof r.note === 'string' ? r.note : '',
          createdAt: typeof r.createdAt === 'number' ? r.createdAt : 0,
          origin: r.origin === 'imported' ? ('imported' as const) : ('saved' as const),
          ...(typeof r.fileName === 'string' ? { fileName: r.fileName } : {}),
          snapshot: clean(
            workbookOf({ type: 'planbook', formatVersion: 1, workbook: r.snapshot }, p),
          ),
        };
      });
      const executions = arr(json(files[`${base}.executions.json`], base), base).map((y, k) => {
        const p = `${base}.executions[${k}]`;
        const r = obj(y, p);
        const plan = obj(r.plan, `${p}.plan`);
        obj(plan.basedOn, `${p}.plan.basedOn`);
        if (str(plan.id, `${p}.plan.id`) !== str(r.id, `${p}.id`)) throw new Invalid(`${p}.id`);
        return { ...(r as unknown as ArchivedExecution), workbookId: workbook.id };
      });
      return { workbook, versions, executions };
    });
    const consolidations = arr(m.consolidations ?? [], 'consolidations').map(
      (x, i): ArchivedConsolidation => {
        const e = obj(x, `consolidations[${i}]`);
        const base = str(e.file, `consolidations[${i}].file`);
        const body = obj(json(files[`${base}.json`], base), base);
        const c = obj(body.consolidation, `${base}.consolidation`);
        const id = str(c.id, `${base}.consolidation.id`);
        obj(c.form, `${base}.consolidation.form`);
        const submissions = arr(body.submissions, `${base}.submissions`).map((y, k) => {
          const s = obj(y, `${base}.submissions[${k}]`);
          str(s.id, `${base}.submissions[${k}].id`);
          return { ...s, consolidationId: id } as ArchivedConsolidation['submissions'][number];
        });
        const parts = arr(json(files[`${base}.files.json`], base), base).map((y, k) => {
          const p = obj(y, `${base}.files[${k}]`);
          const bytes = files[str(p.path, `${base}.files[${k}].path`)];
          if (!bytes) throw new Invalid(`${base}.files[${k}]`);
          return {
            id: str(p.id, `${base}.files[${k}].id`),
            consolidationId: id,
            name: String(p.name ?? ''),
            bytes,
          };
        });
        return {
          consolidation: c as unknown as ArchivedConsolidation['consolidation'],
          submissions: submissions as ArchivedConsolidation['submissions'],
          files: parts,
        };
      },
    );
    return {
      ok: true,
      archive: {
        savedAt: typeof m.savedAt === 'string' ? m.savedAt : '',
        workbooks,
        consolidations,
      },
    };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: { code: 'invalid', path: e.path } };
    throw e;
  }
}
