/**
 * Numbering that follows the row tree: the plan's own scheme (which style numbers sections at each
 * level, which bullet its projects carry) read from the rows as written, and the rows renumbered by
 * it after a structural edit. A number typed by hand (`manualNumber`) stays until the user asks.
 */
import { sequenceStyles } from './rowNumbering';
import { toRoman, type NumberingStyle } from './rows';
import type { Row } from './types';

export type Style = NumberingStyle | 'lower' | 'upper' | 'lowerRoman';

/** How a plan numbers its rows: the style of sections at each level, and of projects. */
export interface NumberingScheme {
  sections: Style[];
  /** Projects: a bullet (`-`, `+`), or a counter style, at each level below their section. */
  projects: Style[];
  /**
   * Projects right under a section are counted straight through the sheet (1…50 across its
   * sections) instead of restarting under each section; absent: not yet read from the rows.
   */
  through?: boolean;
}

/** The usual scheme of Vietnamese plan appendices: I / 1 / 1.1 / a, projects `-`. */
export const DEFAULT_SCHEME: NumberingScheme = {
  sections: ['roman', 'arabic', 'dotted', 'lower'],
  projects: ['dash', 'dash', 'plus', 'plus'],
};

function mostCommon(counts: Map<Style, number>): Style | undefined {
  let best: Style | undefined;
  let n = 0;
  for (const [s, c] of counts)
    if (c > n) {
      best = s;
      n = c;
    }
  return best;
}

/** Reads the scheme a plan's rows are numbered with (levels it does not show keep the default). */
export function detectScheme(rows: readonly Row[]): NumberingScheme {
  const sec = new Map<number, Map<Style, number>>();
  const proj = new Map<number, Map<Style, number>>();
  // (`i.` read in its sequence: a letter after `h.`, a roman numeral before `ii.`)
  const styles = sequenceStyles(rows.map((r) => String(r.cells.tt ?? '')));
  for (const [i, r] of rows.entries()) {
    if (r.kind === 'total' || r.part || r.manualNumber) continue;
    const st = styles[i];
    if (!st) continue;
    const by = r.kind === 'section' ? sec : proj;
    // projects are read by how deep they sit below their section, as `renumber` numbers them
    const at = r.kind === 'section' ? r.level : Math.max(0, r.level - 1);
    const m = by.get(at) ?? new Map<Style, number>();
    m.set(st, (m.get(st) ?? 0) + 1);
    by.set(at, m);
  }
  const pick = (by: Map<number, Map<Style, number>>, fallback: Style[]) =>
    Array.from(
      { length: Math.max(fallback.length, ...[...by.keys()].map((k) => k + 1)) },
      (_, level) =>
        mostCommon(by.get(level) ?? new Map()) ?? fallback[Math.min(level, fallback.length - 1)],
    );
  return {
    sections: pick(sec, DEFAULT_SCHEME.sections),
    projects: pick(proj, DEFAULT_SCHEME.projects),
    through: countsThrough(rows),
  };
}

/**
 * Whether the rows number the projects right under a section straight through the sheet: where a
 * new section's first counted project continues the previous one (…, 3 | 4) more often than it
 * starts again at 1.
 */
export function countsThrough(rows: readonly Row[]): boolean {
  const kinds: Row['kind'][] = [];
  let last: number | undefined;
  let fresh = false; // a section began since the last counted project
  let continued = 0;
  let restarted = 0;
  for (const r of rows) {
    if (r.kind === 'total' || r.part) continue;
    kinds.length = r.level;
    kinds[r.level] = r.kind;
    if (r.kind === 'section') {
      fresh = true;
      continue;
    }
    if (r.level > 0 && kinds[r.level - 1] !== 'section') continue;
    const m = /^(\d+)[.)]?$/.exec(String(r.cells.tt ?? '').trim());
    if (!m || r.manualNumber) continue;
    const n = Number(m[1]);
    if (fresh && last !== undefined) {
      if (n === last + 1 && n !== 1) continued++;
      else if (n === 1) restarted++;
    }
    fresh = false;
    last = n;
  }
  return continued > restarted;
}

/** The k-th (1-based) number of a style; `path` holds the numbers of the enclosing sections. */
export function numberOf(style: Style, k: number, path: readonly number[]): string {
  switch (style) {
    case 'roman':
      return toRoman(k);
    case 'lowerRoman':
      return toRoman(k).toLowerCase();
    case 'letter':
    case 'upper':
      return k <= 26 ? String.fromCharCode(64 + k) : String(k);
    case 'lower':
      return k <= 26 ? String.fromCharCode(96 + k) : String(k);
    case 'dotted':
      return [...path.slice(-1), k].join('.');
    case 'dash':
      return '-';
    case 'plus':
      return '+';
    default:
      return String(k);
  }
}

const NO_PATH: readonly number[] = [];
const DOT = 46; // '.'
const PAREN = 41; // ')'
const PUNCTUATED = /^(.+?)([.)])$/;

/**
 * Where a walk numbering rows stands before a row: how many sections / projects of each level the
 * current parent has numbered so far, the enclosing sections' numbers and kinds, the punctuation
 * after numbers last seen per kind and depth, and the projects counted straight through.
 */
export interface NumberState {
  section: number[];
  project: number[];
  path: number[];
  kinds: Row['kind'][];
  punct: Map<number, string>;
  through: number;
}

/** The state before the first row. */
export function freshState(): NumberState {
  return { section: [], project: [], path: [], kinds: [], punct: new Map(), through: 0 };
}

/**
 * Row `r` numbered by the scheme from state `st` (which it moves past the row): the row itself
 * when its number stands, else a copy with the new one.
 */
export function numberRow(r: Row, scheme: NumberingScheme, all: boolean, st: NumberState): Row {
  // total rows and *of which* / ratio lines are not counted among their siblings
  if (r.kind === 'total' || r.part) return r;
  // (a bulleted project between two subsections takes no number from them)
  st.section.length = Math.min(st.section.length, r.level + 1);
  st.project.length = Math.min(st.project.length, r.level + 1);
  st.path.length = r.level;
  st.kinds.length = r.level;
  st.kinds[r.level] = r.kind;
  const counters = st[r.kind];
  counters[r.level] = (counters[r.level] ?? 0) + 1;
  const underSection =
    r.kind === 'project' && (r.level === 0 || st.kinds[r.level - 1] === 'section');
  // a scheme counting straight through: projects right under a section share one counter
  const k = scheme.through && underSection ? ++st.through : counters[r.level];
  if (r.kind === 'section') st.path[r.level] = k;
  if (r.manualNumber && !all) return r;
  const styles = r.kind === 'section' ? scheme.sections : scheme.projects;
  // a project's style is read by how deep it sits below its section
  const depth = r.kind === 'section' ? r.level : Math.max(0, r.level - 1);
  const style = styles[Math.min(depth, styles.length - 1)] ?? 'arabic';
  // (only a dotted number reads the enclosing sections' numbers)
  const bare = numberOf(style, k, style === 'dotted' ? st.path.slice(0, r.level) : NO_PATH);
  const tt = r.cells.tt;
  const had = (typeof tt === 'string' ? tt : String(tt ?? '')).trim();
  // (a number without `.` or `)` at its end: no punctuation to read, the pattern not run)
  const end = had.charCodeAt(had.length - 1);
  const m = end === DOT || end === PAREN ? PUNCTUATED.exec(had) : null;
  const key = depth * 2 + (r.kind === 'section' ? 0 : 1); // per kind and depth
  // the punctuation after numbers (`1.`, `a)`) last seen per kind and depth: new rows take it
  if (m) st.punct.set(key, m[2]);
  else if (had) st.punct.set(key, '');
  if ((m ? m[1] : had) === bare && r.cells.tt === had && !r.manualNumber) return r;
  const bullet = style === 'dash' || style === 'plus';
  const want = bullet ? bare : bare + (m ? m[2] : (st.punct.get(key) ?? ''));
  const { manualNumber: _m, ...rest } = r;
  void _m;
  return { ...rest, cells: { ...r.cells, tt: want } };
}

/**
 * The rows numbered by the scheme: counters restart under each section (but projects right under a
 * section, when the scheme counts them straight `through`), bullets stay bullets. Rows whose
 * number was typed by hand keep it (unless `all`), and count as numbered. Unchanged rows stay the
 * same objects.
 */
export function renumber(rows: readonly Row[], scheme: NumberingScheme, all = false): Row[] {
  const st = freshState();
  return rows.map((r) => numberRow(r, scheme, all, st));
}
