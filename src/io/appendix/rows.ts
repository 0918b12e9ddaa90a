/**
 * Classifying the rows under the header band: sections, projects, total rows, *of which* and ratio
 * rows, repeats at page breaks, split labels and figures, and the text below the table.
 */
import { parseLabelRule } from '../../domain/labelRules';
import { headsSections, sequenceStyles, styleOf } from '../../domain/rowNumbering';
import { sheetNumberStyle, styleLeftToSums } from '../../domain/numberStyle';
import { normaliseLevels } from '../../domain/rows';
import { canonicalSource, fold } from '../../domain/sources';
import type { Row } from '../../domain/types';
import type { RawGrid } from './grid';
import type { HeaderBand, LeafSpec } from './header';
import type { ImportWarning } from './importWarning';
import { isUnlabelled, mergeYearFigures, onlyPercents, ownerOf, textCells } from './rowCells';
import {
  announcesOfWhich,
  isEnglishLine,
  isOfWhichLabel,
  isRatioLabel,
  isTotalLabel,
} from './rowKinds';
import { type Ctx, figureSpecs, hasFigures, rowFigures, typedTexts } from './rowFigures';
import { staleFiltered } from './filteredRows';
import {
  blockPart,
  endsBlock,
  headsRowsBelow,
  nestedRow,
  numberOf,
  openBlock,
  startNesting,
} from './rowNesting';
import { codeSums, labelSums, treeSums } from './statedSums';
import { continuesLabel, figuresBelow, MAX_JOINED_LINES } from './splitLines';
import { field, rowTexts, tableRows } from './tableLines';

export type { ImportWarning };

/** The signs a rule in a label joins its terms with (see parseLabelRule). */
const SIGN = /[+\-−–]/;

interface Reading {
  rows: Row[];
  lineOf: Map<string, number>;
  footer: string[];
}

/**
 * Rows of the table below the band, classified and levelled, and the text below it. Figures
 * typed as text that either style reads (`61,600`) are read in the style under which the sums the
 * table states hold (its column codes, sections, total rows and the rules its labels state; the
 * rows read once to know them, and again when that style is the other).
 */
export function readRows(
  g: RawGrid,
  band: HeaderBand,
  specs: LeafSpec[],
  warnings: ImportWarning[],
): Reading {
  const headerTexts = new Set<string>();
  for (let r = band.start; r < band.end; r++)
    for (const t of rowTexts(g, r)) if (t) headerTexts.add(fold(t));
  const c: Ctx = { g, specs, headerTexts, warnings };
  const texts = typedTexts(c);
  const mark = warnings.length;
  if (!styleLeftToSums(texts)) {
    c.style = sheetNumberStyle(texts);
    return weighFiltered(c, band, readTable(c, band), mark).reading;
  }
  const code = codeSums(c, band.end);
  c.style = sheetNumberStyle(texts, code);
  const first = readTable(c, band);
  const { rows } = first.reading;
  const at = first.at;
  const style = sheetNumberStyle(texts, [
    ...code,
    ...treeSums(c, rows, at),
    ...labelSums(c, rows, at),
  ]);
  if (style === c.style) return weighFiltered(c, band, first, mark).reading;
  warnings.length = mark; // (the warnings of the first reading said again)
  const again = { g, specs, headerTexts, warnings, style };
  return weighFiltered(again, band, readTable(again, band), mark).reading;
}

type Read = ReturnType<typeof readTable>;

/**
 * The reading again without the lines an AutoFilter hides that the stated sums leave out (stale
 * lines in the filter's range, filteredRows.ts), when there are any; `mark`: the warnings before
 * the reading (said again).
 */
function weighFiltered(c: Ctx, band: HeaderBand, read: Read, mark: number): Read {
  const stale = staleFiltered(c.g, read.reading.rows, read.at, figureSpecs(c));
  if (!stale.size) return read;
  c.warnings.length = mark;
  return readTable({ ...c, stale }, band);
}

/** The rows read with the context's number style; `at`: the line of each row's figures. */
function readTable(c: Ctx, band: HeaderBand): { reading: Reading; at: Map<string, number> } {
  const { g, specs, warnings } = c;
  const at = new Map<string, number>();
  const { data, footer } = tableRows(c, band);
  // the style of each line's number, read in the sequence of the table's numbers (`i.` after
  // `h.` is a letter, before `ii.` a roman numeral)
  const numbered = sequenceStyles(data.map((x) => field(c, x, 'number')));
  const nest = startNesting();
  const out: Row[] = [];
  const lineOf = new Map<string, number>();
  const joined = new Map<Row, number>(); // lines joined to a row's label so far
  let n = 0;
  /** Warns that line x continues the name of the row above and carries its figures. */
  const joinedBelow = (x: number) =>
    warnings.push({
      code: 'joinedRow',
      row: g.lineOf[x],
      sheet: g.name,
      message: `line ${g.lineOf[x]}: continues the name of the numbered row above (its figures stand here); joined`,
    });
  for (let k = 0; k < data.length; k++) {
    const first = data[k];
    const at0 = k; // the line's index in the table, before a split moves `k` on
    const line = g.lineOf[first];
    const prev = out[out.length - 1];
    // a label split over lines: a tail in lower case, an English line under a Vietnamese one, or
    // the second line of an upper-case heading
    const joinsAbove =
      !!prev &&
      (joined.get(prev) ?? 0) < MAX_JOINED_LINES &&
      !hasFigures(c, first) &&
      continuesLabel(c, first, String(prev.cells.name ?? ''), prev.kind === 'project');
    // else a numbered name wrapped with its figures on a line below: one row, read from there
    const split = joinsAbove ? null : figuresBelow(c, data, k);
    if (split) for (const x of data.slice(k + 1, (k = split.at) + 1)) joinedBelow(x);
    const r = data[k];
    const tt = field(c, first, 'number');
    const name = split ? split.name : field(c, r, 'name');
    const textLine = split ? split.texts : r; // the line of its lead unit and notes
    const lead = field(c, textLine, 'lead');
    const coord = field(c, textLine, 'coord');
    // a labelled or numbered row's figures go straight into its cells, after its texts; a row
    // without either keeps them apart (they may be stray zeros, or belong to the row above)
    const texts = name || tt ? textCells(c, textLine, tt, name, lead, coord) : undefined;
    const figures = rowFigures(c, r, g.lineOf[r], false, texts);
    const { cells, extra, any: hasNumbers, marks, percent } = figures;
    const label = name || tt;
    if (joinsAbove) {
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
    // the row's cells: its texts, then its figures
    const base = texts ?? Object.assign(textCells(c, r, tt, name, lead, coord), cells);
    const id = `i${++n}`;
    // a bullet typed at the start of the label numbers the row when the TT cell is empty
    const style = tt ? numbered[at0] : styleOf(/^\s*([-–+])\s/.exec(name)?.[1] ?? '');
    const no = numberOf(tt);
    let row: Row;
    // an of-which block ends at a row numbered like its owner's next sibling or above
    if (endsBlock(nest, style, no, label, hasNumbers)) nest.block = null;
    if (nest.block) {
      row = blockPart(nest, nest.block, out, style, id, base);
      if (isOfWhichLabel(label) && !hasNumbers) continue; // a second `Trong đó:` inside the block
    } else if (
      isTotalLabel(label) &&
      (!tt ||
        !style ||
        (!out.length && headsSections(style) && !numbered.slice(k + 1).some((x) => x === style)))
    ) {
      // the label in the name's place, before the figures
      const figs = texts ? rowFigures(c, r, line, true).cells : cells;
      const named = { ...textCells(c, r, tt, name, lead, coord), name: label, ...figs };
      row = { id, kind: 'total', level: 0, cells: named };
      delete row.cells.tt;
      const src = canonicalSource(fold(label).replace(/^tong (so )?(von )?/, ''));
      if (src) row.totalSource = src;
      else mergeYearFigures(row, specs);
    } else if (isOfWhichLabel(label) && prev) {
      const owner = ownerOf(out);
      if (!owner) continue;
      openBlock(nest, owner);
      if (!hasNumbers) continue; // the `Trong đó:` line itself
      row = {
        id,
        kind: 'project',
        level: owner.level + 1,
        part: 'ofWhich',
        cells: base,
      };
    } else if (isRatioLabel(label) && !tt.match(/^[A-Z]$|^[IVX]+$/) && style !== 'lowerRoman') {
      row = {
        id,
        kind: 'project',
        level: nest.level + 1,
        part: 'ratio',
        cells: base,
      };
    } else {
      const deeper = headsRowsBelow(c, data, numbered, k, name, style);
      row = nestedRow(nest, style, deeper, lead, id, base);
    }
    // a rule adds or subtracts terms: a label without a sign states none (and is not parsed)
    const rule = name && SIGN.test(name) ? parseLabelRule(name) : null;
    if (rule && !row.part) row.rule = rule.text;
    if (extra.length) row.remark = `Số khác trên dòng này trong bản gốc: ${extra.join(', ')}`;
    if (Object.keys(marks).length) row.marks = marks;
    if (Object.keys(percent).length) row.percent = percent;
    if (!row.part && announcesOfWhich(label))
      nest.block = { owner: row, ownerStyle: style, ownerNo: no, styles: [] };
    if (nest.block?.owner === row && row.kind === 'project') row.kind = 'section';
    if (split) joined.set(row, split.lines);
    lineOf.set(id, line);
    at.set(id, r);
    nest.numberStyleOf.set(row, tt ? style : null);
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
  return { reading: { rows, lineOf, footer }, at };
}
