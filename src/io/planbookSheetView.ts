/**
 * The numbering scheme and display settings of a sheet read from a `.planbook` file: kept when
 * well formed, dropped (never refusing the file) when not, since they only change how rows are
 * numbered and figures shown.
 */
import { DISPLAY_UNITS, type SheetDisplay } from '../domain/display';
import type { NumberingScheme, Style } from '../domain/numbering';
import type { AppendixSheet } from '../domain/types';

const STYLES = new Set<string>([
  'letter',
  'roman',
  'arabic',
  'dotted',
  'dash',
  'plus',
  'lower',
  'upper',
  'lowerRoman',
]);

function styles(v: unknown): Style[] | null {
  if (!Array.isArray(v) || !v.length || v.length > 20) return null;
  return v.every((x) => typeof x === 'string' && STYLES.has(x)) ? (v as Style[]) : null;
}

function scheme(v: unknown): NumberingScheme | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const sections = styles(o.sections);
  const projects = styles(o.projects);
  if (!sections || !projects) return null;
  const through = typeof o.through === 'boolean' ? { through: o.through } : {};
  return { sections: [...sections], projects: [...projects], ...through };
}

function display(v: unknown): SheetDisplay | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const out: SheetDisplay = {};
  if (typeof o.unit === 'string' && (DISPLAY_UNITS as readonly string[]).includes(o.unit))
    out.unit = o.unit as SheetDisplay['unit'];
  if (typeof o.decimals === 'number' && Number.isInteger(o.decimals) && o.decimals >= 0)
    out.decimals = Math.min(6, o.decimals);
  if (o.wrap === true) out.wrap = true;
  return Object.keys(out).length ? out : null;
}

/** The sheet's `numbering` and `display` fields as read from a file (absent when not valid). */
export function sheetViewFields(
  s: Record<string, unknown>,
): Pick<AppendixSheet, 'numbering' | 'display'> {
  const n = scheme(s.numbering);
  const d = display(s.display);
  return { ...(n ? { numbering: n } : {}), ...(d ? { display: d } : {}) };
}
