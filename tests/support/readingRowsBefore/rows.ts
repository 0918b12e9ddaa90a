/** Frozen at de7987a (before h140: figures written into the row's cells, numbers' cells in NumberCells): the oracle of src/io/appendix/readingRowsSame.test.ts. Test support only. */
/**
 * Classifying the rows under the header band: sections, projects, total rows, *of which* and ratio
 * rows, repeats at page breaks, split labels and figures, and the text below the table.
 */
import { parseLabelRule } from '../../../src/domain/labelRules';
import { normaliseLevels, numberingStyle, type NumberingStyle } from '../../../src/domain/rows';
import { canonicalSource, fold } from '../../../src/domain/sources';
import type { CellInput, Row } from '../../../src/domain/types';
import type { RawGrid } from '../../../src/io/appendix/grid';
import type { HeaderBand, LeafSpec } from '../../../src/io/appendix/header';
import {
  announcesOfWhich,
  isEnglishLine,
  isOfWhichLabel,
  isRatioLabel,
  isTotalLabel,
} from '../../../src/io/appendix/rowKinds';
import { type Ctx, hasFigures, rowFigures } from './rowFigures';
import { continuesLabel, MAX_JOINED_LINES } from '../../../src/io/appendix/splitLines';
import { field, isUpper, rowTexts, tableRows } from '../../../src/io/appendix/tableLines';

export interface ImportWarning {
  code:
    | 'joinedRow'
    | 'repeatedHeader'
    | 'ambiguousFigure'
    | 'textInAmount'
    | 'noHeader'
    | 'notAppendix'
    | 'legacyEncoding'
    | 'footnoteMarker'
    | 'hiddenRow'
    | 'belowTable'
    | 'movedFigure'
    | 'strayZeros';
  /** 1-based line or row in the input. */
  row: number | null;
  /** The sheet the warning is about (absent: the whole file). */
  sheet?: string;
  message: string;
  detail?: string;
  /** The figures read, in order (several figures under one column: the app writes them its way). */
  figures?: number[];
}

/** Styles a table numbers its rows with, outermost first, as they appear. */
type Style = NumberingStyle | 'lower';

function styleOf(tt: string): Style | null {
  const s = tt.trim().replace(/[.)]$/, '');
  if (/^[a-zđ]$/.test(s)) return 'lower';
  return numberingStyle(tt);
}

/** The signs a rule in a label joins its terms with (see parseLabelRule). */
const SIGN = /[+\-−–]/;

const DEEP: Style[] = ['dash', 'plus', 'lower', 'dotted'];

/** Rows of the table below the band, classified and levelled, and the text below it. */
export function readRows(
  g: RawGrid,
  band: HeaderBand,
  specs: LeafSpec[],
  warnings: ImportWarning[],
): { rows: Row[]; lineOf: Map<string, number>; footer: string[] } {
  const headerTexts = new Set<string>();
  for (let r = band.start; r < band.end; r++)
    for (const t of rowTexts(g, r)) if (t) headerTexts.add(fold(t));
  const c: Ctx = { g, specs, headerTexts, warnings };
  const { data, footer } = tableRows(c, band);
  const out: Row[] = [];
  const lineOf = new Map<string, number>();
  const joined = new Map<Row, number>(); // lines joined to a row's label so far
  const styles: Style[] = []; // numbering styles in order of appearance
  const stack: Style[] = []; // numbering style of the open section at each level
  let level = -1; // level of the innermost section so far
  let n = 0;
  /** An open of-which block: the row it breaks down, its level, and the styles seen inside it. */
  let block: { owner: Row; ownerStyle: Style | null; ownerNo: number; styles: Style[] } | null =
    null;
  for (let k = 0; k < data.length; k++) {
    const r = data[k];
    const line = g.lineOf[r];
    const tt = field(c, r, 'number');
    const name = field(c, r, 'name');
    const lead = field(c, r, 'lead');
    const coord = field(c, r, 'coord');
    const { cells, extra, any: hasNumbers, marks, percent } = rowFigures(c, r, line, false);
    const prev = out[out.length - 1];
    const label = name || tt;
    // a label split over lines: a tail in lower case, an English line under a Vietnamese one, or
    // the second line of an upper-case heading
    if (
      prev &&
      (joined.get(prev) ?? 0) < MAX_JOINED_LINES &&
      !hasNumbers &&
      continuesLabel(c, r, String(prev.cells.name ?? ''), prev.kind === 'project')
    ) {
      const sep = isEnglishLine(name) ? ' / ' : ' ';
      prev.cells.name = `${String(prev.cells.name ?? '')}${sep}${name}`.trim();
      joined.set(prev, (joined.get(prev) ?? 0) + 1);
      warnings.push({
        code: 'joinedRow',
        row: line,
        sheet: g.name,
        message: `line ${line}: “${name.slice(0, 40)}…” continues the label of the row above; joined`,
      });
      continue;
    }
    // zeros left on a row without label or number (a stray 0 printing blank) are no table row
    if (!name && !tt && !lead && hasNumbers && Object.values(cells).every((v) => v === 0)) {
      warnings.push({
        code: 'strayZeros',
        row: line,
        sheet: g.name,
        message: `line ${line}: only zeros on a row without a label; not read as a table row`,
      });
      continue;
    }
    // a figure displaced onto an otherwise empty row under the row it belongs to
    if (
      prev &&
      !name &&
      !tt &&
      hasNumbers &&
      Object.keys(cells).every((id) => prev.cells[id] == null)
    ) {
      Object.assign(prev.cells, cells);
      if (Object.keys(percent).length) prev.percent = { ...prev.percent, ...percent };
      warnings.push({
        code: 'movedFigure',
        row: line,
        sheet: g.name,
        message: `line ${line}: figures on a row without a label joined to the row above`,
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
    // a bullet typed at the start of the label numbers the row when the TT cell is empty
    const style = styleOf(tt || (/^\s*([-–+])\s/.exec(name)?.[1] ?? ''));
    const no = Number(tt.replace(/[.)]$/, ''));
    let row: Row;
    // an of-which block ends at a row numbered like its owner's next sibling or above
    if (block) {
      const rank = style ? styles.indexOf(style) : -1;
      const ownerRank = block.ownerStyle ? styles.indexOf(block.ownerStyle) : -1;
      const ends =
        isTotalLabel(label) ||
        (rank >= 0 && ownerRank >= 0 && rank < ownerRank) ||
        (style !== null &&
          style === block.ownerStyle &&
          (style !== 'arabic' || no === block.ownerNo + 1)) ||
        (!style && !block.styles.length && !isOfWhichLabel(label) && hasNumbers && isUpper(label));
      if (ends) block = null;
    }
    if (block) {
      const inner = style ? block.styles.indexOf(style) : -1;
      if (style && inner < 0) block.styles.push(style);
      const depth = style ? block.styles.indexOf(style) : block.styles.length;
      row = {
        id,
        kind: 'project',
        level: block.owner.level + 1 + Math.max(0, depth),
        part: 'ofWhich',
        cells: Object.assign(base, cells),
      };
      if (isOfWhichLabel(label) && !hasNumbers) continue; // a second `Trong đó:` inside the block
    } else if (
      isTotalLabel(label) &&
      (!tt ||
        !style ||
        (!out.length &&
          (style === 'letter' || style === 'roman') &&
          !data.slice(k + 1).some((x) => styleOf(field(c, x, 'number')) === style)))
    ) {
      row = { id, kind: 'total', level: 0, cells: { ...base, name: label, ...cells } };
      delete row.cells.tt;
      const src = canonicalSource(fold(label).replace(/^tong (so )?(von )?/, ''));
      if (src) row.totalSource = src;
      else mergeYearFigures(row, specs);
    } else if (isOfWhichLabel(label) && prev) {
      const owner = ownerOf(out);
      if (!owner) continue;
      if (owner.kind === 'project') owner.kind = 'section';
      block = {
        owner,
        ownerStyle: styleOf(String(owner.cells.tt ?? '')),
        ownerNo: Number(String(owner.cells.tt ?? '').replace(/[.)]$/, '')),
        styles: [],
      };
      if (!hasNumbers) continue; // the `Trong đó:` line itself
      row = {
        id,
        kind: 'project',
        level: owner.level + 1,
        part: 'ofWhich',
        cells: Object.assign(base, cells),
      };
    } else if (isRatioLabel(label) && !tt.match(/^[A-Z]$|^[IVX]+$/)) {
      row = {
        id,
        kind: 'project',
        level: level + 1,
        part: 'ratio',
        cells: Object.assign(base, cells),
      };
    } else {
      // the next line of the table, past the lines that continue this row's label
      let m = k + 1;
      while (
        m < data.length &&
        m <= k + MAX_JOINED_LINES &&
        !hasFigures(c, data[m]) &&
        continuesLabel(c, data[m], name, true)
      )
        m++;
      const following = data[m];
      const nextTt = following !== undefined ? field(c, following, 'number') : '';
      const next = nextTt ? styleOf(nextTt) : null;
      const nextName = following !== undefined ? field(c, following, 'name') : '';
      // an unnumbered line with figures under a numbered item breaks that item down
      const unnumberedBelow =
        following !== undefined &&
        !nextTt &&
        !!nextName &&
        !isTotalLabel(nextName) &&
        !isRatioLabel(nextName) &&
        !isOfWhichLabel(nextName) &&
        hasFigures(c, following);
      const deeper =
        (next !== null &&
          next !== style &&
          (DEEP.includes(next) || (style === 'arabic' && next === 'dotted')) &&
          !(style && DEEP.includes(style) && DEEP.indexOf(next) <= DEEP.indexOf(style))) ||
        (style !== null && !DEEP.includes(style) && unnumberedBelow);
      const section =
        style === 'letter' ||
        style === 'roman' ||
        (style !== null && style !== 'plus' && deeper && !lead);
      // a row numbered like an open section is its sibling; any other row nests in the innermost
      const at = style ? stack.lastIndexOf(style) : -1;
      const lvl = at >= 0 ? at : level + 1;
      if (section) {
        stack.length = lvl;
        stack[lvl] = style!;
        level = lvl;
        row = { id, kind: 'section', level: lvl, cells: Object.assign(base, cells) };
      } else {
        if (at >= 0) {
          stack.length = at;
          level = at - 1;
        }
        row = { id, kind: 'project', level: lvl, cells: Object.assign(base, cells) };
      }
      if (style && !styles.includes(style)) styles.push(style);
    }
    // a rule adds or subtracts terms: a label without a sign states none (and is not parsed)
    const rule = name && SIGN.test(name) ? parseLabelRule(name) : null;
    if (rule && !row.part) row.rule = rule.text;
    if (extra.length) row.remark = `Số khác trên dòng này trong bản gốc: ${extra.join(', ')}`;
    if (Object.keys(marks).length) row.marks = marks;
    if (Object.keys(percent).length) row.percent = percent;
    if (!row.part && announcesOfWhich(label))
      block = { owner: row, ownerStyle: style, ownerNo: no, styles: [] };
    if (block?.owner === row && row.kind === 'project') row.kind = 'section';
    lineOf.set(id, line);
    out.push(row);
  }
  // figures on rows without label or number after the table's last row (a count of its rows, a
  // check sum) are no rows of it
  while (out.length && isUnlabelled(out[out.length - 1])) {
    const row = out.pop()!;
    warnings.push({
      code: 'belowTable',
      row: lineOf.get(row.id) ?? null,
      sheet: g.name,
      message: `line ${lineOf.get(row.id)}: figures without a label below the table; not read as a row`,
    });
    lineOf.delete(row.id);
  }
  const rows = normaliseLevels(out);
  // a row of percentages alone is a ratio row whatever its label: never added into its parent
  // (marked once the table is read, so that the table's structure is read as before)
  for (const r of rows)
    if (r.kind === 'project' && !r.part && r.percent && onlyPercents(r.cells, r.percent))
      r.part = 'ratio';
  return { rows, lineOf, footer };
}

const isUnlabelled = (r: Row) =>
  r.kind === 'project' && !r.part && !r.cells.name && !r.cells.tt && !r.cells.lead;

/** The row an of-which line breaks down: the last row that is not itself a breakdown. */
/** Whether every figure of a row's cells is a percent cell. */
const onlyPercents = (cells: Record<string, CellInput>, percent: Record<string, number>) =>
  Object.keys(cells).every((k) => typeof cells[k] !== 'number' || percent[k] !== undefined);

function ownerOf(rows: Row[]): Row | undefined {
  for (let i = rows.length - 1; i >= 0; i--) if (!rows[i].part) return rows[i];
  return undefined;
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
