/** Classifying the rows under the header band: sections, projects, total rows, repeats, joins. */
import { parseAmount } from '../../domain/numbers';
import { normaliseLevels, numberingStyle, type NumberingStyle } from '../../domain/rows';
import { canonicalSource, fold } from '../../domain/sources';
import type { CellInput, Row } from '../../domain/types';
import { cellText, type RawGrid } from './grid';
import type { HeaderBand, LeafSpec } from './header';

export interface ImportWarning {
  code:
    | 'joinedRow'
    | 'repeatedHeader'
    | 'ambiguousFigure'
    | 'textInAmount'
    | 'noHeader'
    | 'notAppendix'
    | 'legacyEncoding';
  /** 1-based line or row in the input. */
  row: number | null;
  message: string;
  detail?: string;
}

interface Ctx {
  g: RawGrid;
  specs: LeafSpec[];
  headerTexts: Set<string>;
  warnings: ImportWarning[];
}

const num = (text: string) => (text === '-' || text === '–' ? null : parseAmount(text, 'auto'));

function rowTexts(g: RawGrid, r: number): string[] {
  return (g.rows[r] ?? []).map((c) => c.text.replace(/\s+/g, ' ').trim());
}

function isRepeatedHeader(c: Ctx, r: number): boolean {
  const texts = rowTexts(c.g, r).filter(Boolean);
  if (!texts.length) return false;
  const hits = texts.filter((t) => c.headerTexts.has(fold(t))).length;
  return hits >= 2 && hits >= texts.length * 0.6;
}

function field(c: Ctx, r: number, role: string): string {
  const spec = c.specs.find((s) => s.leaf.role === role);
  return spec
    ? spec.cols
        .map((col) => cellText(c.g, r, col))
        .filter(Boolean)
        .join(' ')
    : '';
}

/** Values of a row's numeric leaves (the last number of a merged span; extra numbers are warned). */
function values(
  c: Ctx,
  r: number,
  line: number,
): { cells: Record<string, CellInput>; extra: string[] } {
  const cells: Record<string, CellInput> = {};
  const extra: string[] = [];
  for (const s of c.specs) {
    const role = s.leaf.role;
    if (role !== 'amount' && role !== 'stated' && role !== 'value') continue;
    const texts = s.cols.map((col) => cellText(c.g, r, col)).filter(Boolean);
    // a spreadsheet's stored number wins over its shown text (`425,000` shown in English style)
    const nums = s.cols
      .map((col) => {
        const v = c.g.rows[r]?.[col]?.value;
        const t = cellText(c.g, r, col);
        return !t ? null : typeof v === 'number' && Number.isFinite(v) ? v : num(t);
      })
      .filter((x): x is number => x !== null);
    if (nums.length) {
      cells[s.leaf.id] = nums[nums.length - 1];
      if (nums.length > 1) {
        extra.push(...texts.slice(0, -1));
        c.warnings.push({
          code: 'ambiguousFigure',
          row: line,
          message: `line ${line}: several figures under “${s.leaf.label}” (${texts.join(', ')}); the last one is taken, the others are kept in the row's remark`,
          detail: texts.join(', '),
        });
      }
    } else if (texts.length && texts.some((t) => t !== '-' && t !== '–')) {
      cells[s.leaf.id] = texts.join(' ');
      c.warnings.push({
        code: 'textInAmount',
        row: line,
        message: `line ${line}: “${texts.join(' ')}” under “${s.leaf.label}” is not a number; kept as text`,
        detail: texts.join(' '),
      });
    }
  }
  return { cells, extra };
}

/** Rows of the table below the band, classified and levelled. */
export function readRows(
  g: RawGrid,
  band: HeaderBand,
  specs: LeafSpec[],
  warnings: ImportWarning[],
): { rows: Row[]; lineOf: Map<string, number> } {
  const headerTexts = new Set<string>();
  for (let r = band.start; r < band.end; r++)
    for (const t of rowTexts(g, r)) if (t) headerTexts.add(fold(t));
  const c: Ctx = { g, specs, headerTexts, warnings };
  const out: Row[] = [];
  const lineOf = new Map<string, number>();
  const sectionStyles: NumberingStyle[] = [];
  let lastSectionLevel = -1;
  let afterRepeat = false;
  let n = 0;
  const data: number[] = [];
  for (let r = band.end; r < g.rows.length; r++) {
    const texts = rowTexts(g, r);
    if (!texts.some(Boolean)) continue;
    if (isRepeatedHeader(c, r)) {
      warnings.push({
        code: 'repeatedHeader',
        row: g.lineOf[r],
        message: `line ${g.lineOf[r]}: repeated header (page break) dropped`,
      });
      afterRepeat = true;
      continue;
    }
    if (
      afterRepeat &&
      !cellText(g, r, specs[0]?.cols[0] ?? 0) &&
      !field(c, r, 'name') &&
      texts.some(Boolean) &&
      texts.every((t) => !t || headerTexts.has(fold(t)) || /^\d{4}$/.test(t))
    )
      continue;
    data.push(r);
  }
  for (let k = 0; k < data.length; k++) {
    const r = data[k];
    const line = g.lineOf[r];
    const tt = field(c, r, 'number');
    const name = field(c, r, 'name');
    const lead = field(c, r, 'lead');
    const coord = field(c, r, 'coord');
    const { cells, extra } = values(c, r, line);
    const hasNumbers = Object.values(cells).some((v) => typeof v === 'number');
    const prev = out[out.length - 1];
    const label = name || tt;
    // a name split across a page break: a lower-case tail with nothing else
    if (
      prev &&
      name &&
      /^[a-zà-ỹđ]/.test(name) &&
      !hasNumbers &&
      !lead &&
      !coord &&
      (!tt || tt === '-')
    ) {
      prev.cells.name = `${String(prev.cells.name ?? '')} ${name}`.trim();
      warnings.push({
        code: 'joinedRow',
        row: line,
        message: `line ${line}: “${name.slice(0, 40)}…” continues the name of the row above; joined`,
      });
      continue;
    }
    const base: Record<string, CellInput> = {};
    if (tt) base.tt = tt;
    if (name) base.name = name;
    if (lead) base.lead = lead;
    if (coord) base.coord = coord;
    const notes = field(c, r, 'notes');
    if (notes) base.notes = notes;
    const id = `i${++n}`;
    const folded = fold(label);
    let row: Row;
    if (/^(tong|cong)\b/.test(folded) || /^(tong|cong)\b/.test(fold(tt))) {
      row = { id, kind: 'total', level: 0, cells: { ...base, name: label, ...cells } };
      delete row.cells.tt;
      const src = canonicalSource(folded.replace(/^tong (so )?(von )?/, ''));
      if (src) row.totalSource = src;
      else mergeYearFigures(row, specs);
    } else {
      const style = numberingStyle(tt);
      const next =
        data[k + 1] !== undefined ? numberingStyle(field(c, data[k + 1], 'number')) : null;
      const deeper =
        next === 'dash' || next === 'plus' || (style === 'arabic' && next === 'dotted');
      const section =
        style === 'letter' ||
        style === 'roman' ||
        ((style === 'arabic' || style === 'dotted') && deeper && !lead);
      if (section && style) {
        if (!sectionStyles.includes(style)) sectionStyles.push(style);
        lastSectionLevel = sectionStyles.indexOf(style);
        row = { id, kind: 'section', level: lastSectionLevel, cells: { ...base, ...cells } };
      } else {
        row = { id, kind: 'project', level: lastSectionLevel + 1, cells: { ...base, ...cells } };
      }
    }
    if (extra.length) row.remark = `Số khác trên dòng này trong bản gốc: ${extra.join(', ')}`;
    lineOf.set(id, line);
    out.push(row);
  }
  return { rows: normaliseLevels(out), lineOf };
}

/** A grand-total row with one figure per year (merged over the year's sources in print). */
function mergeYearFigures(row: Row, specs: LeafSpec[]): void {
  const byYear = new Map<number, LeafSpec[]>();
  for (const s of specs)
    if (s.leaf.role === 'amount' && s.leaf.year)
      byYear.set(s.leaf.year, [...(byYear.get(s.leaf.year) ?? []), s]);
  for (const [year, ls] of byYear) {
    if (ls.length < 2) continue;
    const filled = ls.filter((s) => typeof row.cells[s.leaf.id] === 'number');
    if (filled.length === 1 && filled[0] === ls[0]) {
      row.cells[`y${year}`] = row.cells[ls[0].leaf.id];
      delete row.cells[ls[0].leaf.id];
    }
  }
}
