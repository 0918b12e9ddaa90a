/**
 * Value cells written into an engine in blocks (issue 20: a 100,000-project build must not hold the
 * main thread for its values either). The one place that touches HyperFormula's internals: for
 * HyperFormula 3.5.0, a value cell written where the sheet holds nothing is made the way the
 * engine's own build makes it (its content parser, a value vertex put in the graph and the address
 * mapping, the column search told), with none of a public write's undo entry, change list and
 * evaluation. Any other version, or internals not as expected, take the public `setCellContents`
 * path, which ends in the same engine.
 */
import { HyperFormula, type RawCellContent, type SimpleCellAddress } from 'hyperformula';

/** A cell's content as the layout makes it (a formula, a text starting `=`, is left out). */
export type ValueContent = number | string | boolean | null;

const isFormula = (v: ValueContent): boolean => typeof v === 'string' && v.startsWith('=');

/** How values are written: straight into the graph when it can be, or only through the API. */
export type ValuePath = 'direct' | 'public';

interface Parsed {
  value?: unknown;
  formula?: string;
}

/** The internals a direct write uses, found and checked once per engine. */
interface Internals {
  graph: {
    getCell(address: SimpleCellAddress): unknown;
    addVertex(address: SimpleCellAddress, vertex: unknown): void;
  };
  search: { add(value: unknown, address: SimpleCellAddress): void };
  parser: { parse(content: unknown): Parsed };
  empty: Parsed;
  Vertex: new (parsed: unknown, raw: unknown) => unknown;
  /** The class of numbers with a format (percent, currency, dates): the search gets their value. */
  Rich: abstract new (...args: never[]) => { val: number };
}

type Classes = Pick<Internals, 'Vertex' | 'Rich'>;

const isFn = (o: unknown, name: string): boolean =>
  typeof o === 'object' && o !== null && typeof (o as Record<string, unknown>)[name] === 'function';

let classes: Classes | null | undefined;

/** The value vertex and rich number classes, read off a two-cell engine (null if not as expected). */
function probe(): Classes | null {
  if (classes !== undefined) return classes;
  classes = null;
  try {
    classes = readClasses();
  } catch {
    // not as expected: the public path
  }
  return classes;
}

function readClasses(): Classes | null {
  const hf = HyperFormula.buildFromSheets({ p: [[1, '5%']] }, { licenseKey: 'gpl-v3' });
  try {
    const graph = (hf as unknown as { dependencyGraph?: unknown }).dependencyGraph;
    if (!isFn(graph, 'getCell')) return null;
    const at = (col: number) =>
      (graph as Internals['graph']).getCell({ sheet: 0, row: 0, col }) as Record<string, unknown>;
    const one = at(0);
    const pct = isFn(at(1), 'getCellValue')
      ? (at(1) as { getCellValue(): unknown }).getCellValue()
      : undefined;
    if (!isFn(one, 'getCellValue') || !isFn(one, 'getValues') || typeof pct !== 'object') {
      return null;
    }
    const Vertex = one.constructor as Internals['Vertex'];
    const Rich = Object.getPrototypeOf((pct as object).constructor) as Internals['Rich'];
    const made = new Vertex(2, '2') as { getValues(): { parsedValue: unknown; rawValue: unknown } };
    const { parsedValue, rawValue } = made.getValues();
    if (parsedValue !== 2 || rawValue !== '2' || !(pct instanceof Rich)) return null;
    if ((pct as { val: unknown }).val !== 0.05) return null;
    return { Vertex, Rich };
  } finally {
    hf.destroy();
  }
}

/** The internals of `hf` a direct write needs, or null when they are not the expected ones. */
function internalsOf(hf: HyperFormula): Internals | null {
  if (HyperFormula.version !== '3.5.0') return null;
  const h = hf as unknown as Record<string, unknown>;
  const graph = h.dependencyGraph;
  const search = h.columnSearch;
  const parser = h._cellContentParser;
  if (!isFn(graph, 'getCell') || !isFn(graph, 'addVertex')) return null;
  if (!isFn(search, 'add') || !isFn(parser, 'parse')) return null;
  const c = probe();
  if (!c) return null;
  const p = parser as Internals['parser'];
  return {
    graph: graph as Internals['graph'],
    search: search as Internals['search'],
    parser: p,
    empty: p.parse(null),
    ...c,
  };
}

/** Whether values written to `hf` go straight into its graph (false: through the API). */
export function canWriteDirect(hf: HyperFormula): boolean {
  return internalsOf(hf) !== null;
}

/**
 * A writer of value rows into sheets of `hf`: `write(sheet, rows, from, to)` writes rows[from..to)
 * at their own row indices from column 0, each cell as the engine's build would hold it (null
 * cells and formulas are left out: the formulas are written after). The target cells should hold
 * nothing: a cell that does is written through `setCellContents`, as is everything when `path` is
 * 'public' or the internals are not the expected ones. Nothing is evaluated for a direct write:
 * nothing reads the cells yet.
 */
export function valueWriter(
  hf: HyperFormula,
  path: ValuePath = 'direct',
): (sheet: number, rows: readonly (readonly ValueContent[])[], from: number, to: number) => void {
  const x = path === 'direct' ? internalsOf(hf) : null;
  if (!x) {
    return (sheet, rows, from, to) => {
      if (to <= from) return;
      const values = rows
        .slice(from, to)
        .map((r) => (r.some(isFormula) ? r.map((v) => (isFormula(v) ? null : v)) : r));
      hf.setCellContents({ sheet, row: from, col: 0 }, values as RawCellContent[][]);
    };
  }
  const { maxRows, maxColumns } = hf.getConfig();
  return (sheet, rows, from, to) => {
    for (let row = from; row < to; row++) {
      const r = rows[row];
      if (row >= maxRows || r.length > maxColumns) {
        // past the engine's size: its own write refuses a value there, as its build would
        let end = r.length;
        while (end > 0 && (r[end - 1] === null || r[end - 1] === undefined)) end--;
        if (row >= maxRows || end > maxColumns) {
          const values = r.slice(0, end).map((v) => (isFormula(v) ? null : v));
          if (end) hf.setCellContents({ sheet, row, col: 0 }, [values as RawCellContent[]]);
          continue;
        }
      }
      for (let col = 0; col < r.length; col++) {
        const v = r[col];
        if (v === null || v === undefined) continue;
        const address = { sheet, row, col };
        const parsed = x.parser.parse(v);
        if (parsed === x.empty || parsed.formula !== undefined) continue;
        if (x.graph.getCell(address) !== undefined) {
          hf.setCellContents(address, [[v]]);
          continue;
        }
        const value = parsed.value;
        x.search.add(value instanceof x.Rich ? value.val : value, address);
        x.graph.addVertex(address, new x.Vertex(value, v));
      }
    }
  };
}
