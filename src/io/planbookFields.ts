/**
 * The validation of a `.planbook` payload's fields: meta, appendix sheets (columns, rows, marks,
 * percents, check settings, sheet view) and grid sheets; a field that fails throws Invalid with
 * its path.
 */
import { DOC_TYPES } from '../domain/formMeta';
import { newId } from '../domain/ids';
import { sheetViewFields } from './planbookSheetView';
import type {
  AppendixSheet,
  CheckSettings,
  CellInput,
  ColumnNode,
  DocType,
  GridSheet,
  PlanMeta,
  Row,
} from '../domain/types';

/** A field that fails validation, by its path in the payload. */
export class Invalid extends Error {
  constructor(public readonly path: string) {
    super(path);
  }
}

const ROLES = new Set([
  'number',
  'name',
  'lead',
  'coord',
  'amount',
  'rowTotal',
  'stated',
  'notes',
  'text',
  'value',
]);
const KINDS = new Set(['section', 'project', 'total']);
const BAD_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** An object with no prototype keys (throws Invalid at `path`). */
export function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Invalid(path);
  for (const k of Object.keys(v)) if (BAD_KEYS.has(k)) throw new Invalid(`${path}.${k}`);
  return v as Record<string, unknown>;
}
function str(v: unknown, path: string, optional = false): string {
  if (v === undefined && optional) return '';
  if (typeof v !== 'string') throw new Invalid(path);
  return v;
}
function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Invalid(path);
  return v;
}
/** An array (throws Invalid at `path`). */
export function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new Invalid(path);
  return v;
}

/** The workbook's meta, validated field by field. */
export function meta(v: unknown): PlanMeta {
  const m = obj(v, 'meta');
  const stated = obj(m.stated ?? { bySource: {} }, 'meta.stated');
  const bySource: Record<string, number> = {};
  for (const [k, x] of Object.entries(obj(stated.bySource ?? {}, 'meta.stated.bySource')))
    bySource[k] = num(x, `meta.stated.bySource.${k}`);
  return {
    title: str(m.title, 'meta.title'),
    issuingBody: str(m.issuingBody, 'meta.issuingBody', true),
    docNumber: str(m.docNumber, 'meta.docNumber', true),
    docDate: str(m.docDate, 'meta.docDate', true),
    years: arr(m.years, 'meta.years').map((y, i) => num(y, `meta.years[${i}]`)),
    unit: str(m.unit, 'meta.unit', true),
    sources: arr(m.sources, 'meta.sources').map((s, i) => {
      const o = obj(s, `meta.sources[${i}]`);
      return {
        code: str(o.code, `meta.sources[${i}].code`),
        name: str(o.name, `meta.sources[${i}].name`),
      };
    }),
    stated: {
      ...(stated.total !== undefined ? { total: num(stated.total, 'meta.stated.total') } : {}),
      bySource,
    },
    ...(m.remark !== undefined ? { remark: str(m.remark, 'meta.remark') } : {}),
    ...formFields(m),
    ...(m.unitAliases !== undefined
      ? { unitAliases: record(m.unitAliases, 'meta.unitAliases', str) }
      : {}),
    ...(m.ceilings !== undefined ? { ceilings: record(m.ceilings, 'meta.ceilings', num) } : {}),
  };
}

/** The optional fields of the form (superior body, document type, place, signer). */
function formFields(m: Record<string, unknown>): Partial<PlanMeta> {
  const out: Partial<PlanMeta> = {};
  for (const k of ['superiorBody', 'place', 'signerTitle', 'signerName'] as const)
    if (m[k] !== undefined) out[k] = str(m[k], `meta.${k}`);
  if (m.docType !== undefined) {
    const t = str(m.docType, 'meta.docType');
    if (!DOC_TYPES.some((d) => d === t)) throw new Invalid('meta.docType');
    out.docType = t as DocType;
  }
  return out;
}

/** An object of string keys (no prototype names) whose values pass `each`. */
function record<T>(
  v: unknown,
  path: string,
  each: (x: unknown, p: string) => T,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, x] of Object.entries(obj(v, path))) {
    if (BAD_KEYS.has(k)) throw new Invalid(`${path}.${k}`);
    out[k] = each(x, `${path}.${k}`);
  }
  return out;
}

function column(v: unknown, path: string, ids: Set<string>): ColumnNode {
  const c = obj(v, path);
  const id = str(c.id, `${path}.id`);
  if (ids.has(id) || BAD_KEYS.has(id)) throw new Invalid(`${path}.id`);
  ids.add(id);
  const year = c.year === undefined ? undefined : num(c.year, `${path}.year`);
  if (c.kind === 'group') {
    const children = arr(c.children, `${path}.children`).map((x, i) =>
      column(x, `${path}.children[${i}]`, ids),
    );
    return {
      kind: 'group',
      id,
      label: str(c.label, `${path}.label`),
      ...(year !== undefined ? { year } : {}),
      children,
    };
  }
  if (c.kind !== 'leaf' || !ROLES.has(c.role as string)) throw new Invalid(`${path}.role`);
  return {
    kind: 'leaf',
    id,
    label: str(c.label, `${path}.label`),
    role: c.role as never,
    ...(year !== undefined ? { year } : {}),
    ...(c.source !== undefined ? { source: str(c.source, `${path}.source`) } : {}),
    ...(c.code !== undefined ? { code: str(c.code, `${path}.code`) } : {}),
    ...(c.width !== undefined ? { width: num(c.width, `${path}.width`) } : {}),
    ...(c.additive === false ? { additive: false as const } : {}),
    ...(c.decimals !== undefined ? { decimals: num(c.decimals, `${path}.decimals`) } : {}),
    ...(c.onForm === true ? { onForm: true as const } : {}),
  };
}

function row(v: unknown, path: string): Row {
  const r = obj(v, path);
  if (!KINDS.has(r.kind as string)) throw new Invalid(`${path}.kind`);
  const level = num(r.level, `${path}.level`);
  if (!Number.isInteger(level) || level < 0 || level > 50) throw new Invalid(`${path}.level`);
  const cells: Row['cells'] = {};
  for (const [k, x] of Object.entries(obj(r.cells, `${path}.cells`))) {
    if (x !== null && typeof x !== 'string' && (typeof x !== 'number' || !Number.isFinite(x)))
      throw new Invalid(`${path}.cells.${k}`);
    cells[k] = x as never;
  }
  return {
    id: str(r.id, `${path}.id`),
    kind: r.kind as Row['kind'],
    level,
    cells,
    ...(r.totalSource !== undefined
      ? { totalSource: str(r.totalSource, `${path}.totalSource`) }
      : {}),
    ...(r.remark !== undefined ? { remark: str(r.remark, `${path}.remark`) } : {}),
    ...(r.part === 'ofWhich' || r.part === 'ratio' ? { part: r.part } : {}),
    ...(r.rule !== undefined ? { rule: str(r.rule, `${path}.rule`) } : {}),
    ...(r.manualNumber === true ? { manualNumber: true as const } : {}),
    ...(r.marks !== undefined ? { marks: marks(r.marks, `${path}.marks`) } : {}),
    ...(r.percent !== undefined ? { percent: percents(r.percent, `${path}.percent`) } : {}),
  };
}

function marks(v: unknown, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(obj(v, path))) out[k] = str(x, `${path}.${k}`);
  return out;
}

/** A row's percent cells: column id → decimals printed (a whole number 0–10). */
function percents(v: unknown, path: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(obj(v, path))) {
    const d = num(x, `${path}.${k}`);
    if (!Number.isInteger(d) || d < 0 || d > 10 || BAD_KEYS.has(k))
      throw new Invalid(`${path}.${k}`);
    out[k] = d;
  }
  return out;
}

function checkSettings(v: unknown, path: string): CheckSettings {
  const c = obj(v, path);
  const out: CheckSettings = {};
  if (c.explained !== undefined) {
    const explained: Record<string, string> = {};
    for (const [k, x] of Object.entries(obj(c.explained, `${path}.explained`))) {
      if (BAD_KEYS.has(k)) throw new Invalid(`${path}.explained`);
      explained[k] = str(x, `${path}.explained.${k}`, true);
    }
    out.explained = explained;
  }
  if (c.off !== undefined)
    out.off = arr(c.off, `${path}.off`).map((x, i) => str(x, `${path}.off[${i}]`));
  return out;
}

/** An appendix sheet, validated field by field (a fresh sheet id). */
export function sheet(v: unknown, path: string): AppendixSheet {
  const s = obj(v, path);
  if (s.kind !== 'appendix') throw new Invalid(`${path}.kind`);
  const ids = new Set<string>();
  const rows = arr(s.rows, `${path}.rows`).map((x, i) => row(x, `${path}.rows[${i}]`));
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (seen.has(r.id)) throw new Invalid(`${path}.rows[${i}].id`);
    seen.add(r.id);
  });
  return {
    kind: 'appendix',
    id: newId('s'),
    name: str(s.name, `${path}.name`),
    title: str(s.title, `${path}.title`, true),
    columns: arr(s.columns, `${path}.columns`).map((x, i) =>
      column(x, `${path}.columns[${i}]`, ids),
    ),
    rows,
    ...(s.hasCodeRow !== undefined ? { hasCodeRow: s.hasCodeRow === true } : {}),
    ...(s.footer !== undefined
      ? {
          footer: arr(s.footer, `${path}.footer`).map((x, i) =>
            str(x, `${path}.footer[${i}]`, true),
          ),
        }
      : {}),
    ...(s.checks !== undefined ? { checks: checkSettings(s.checks, `${path}.checks`) } : {}),
    ...sheetViewFields(s),
  };
}

function gridCell(v: unknown, path: string): CellInput {
  if (v === null || typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new Invalid(path);
}

function int(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Invalid(path);
  return v;
}

/** A plain grid sheet, validated (a fresh grid id). */
export function grid(v: unknown, path: string): GridSheet {
  const g = obj(v, path);
  if (g.kind !== 'grid') throw new Invalid(`${path}.kind`);
  const cells = arr(g.cells, `${path}.cells`).map((row, r) =>
    arr(row, `${path}.cells[${r}]`).map((c, k) => gridCell(c, `${path}.cells[${r}][${k}]`)),
  );
  const out: GridSheet = { kind: 'grid', id: newId('g'), name: str(g.name, `${path}.name`), cells };
  if (g.merges !== undefined) {
    out.merges = arr(g.merges, `${path}.merges`).map((m, i) => {
      const o = obj(m, `${path}.merges[${i}]`);
      const at = (k: string) => int(o[k], `${path}.merges[${i}].${k}`);
      return { r0: at('r0'), c0: at('c0'), r1: at('r1'), c1: at('c1') };
    });
  }
  return out;
}
