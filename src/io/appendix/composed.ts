/**
 * Texts typed with decomposed Vietnamese (NFD: `e` + combining marks, as macOS and some converters
 * write) made composed (NFC), so a label reads, folds and matches as the same words typed in NFC.
 */
import type { RawGrid } from './grid';

/** Whether a text holds a combining mark (U+0300–U+036F): only those can change under NFC. */
function hasMark(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    if (ch >= 0x300 && ch <= 0x36f) return true;
  }
  return false;
}

/**
 * Each grid's composed grid, made once: the sheet's tables are found (stackedTables) and the
 * sheet then read (readAppendix) on the same grid, and a grid's rows are not changed in place
 * once read (a changed grid is a new object), so the second ask is the first's answer (a pass
 * over every cell of 100,000 rows less).
 */
const COMPOSED = new WeakMap<RawGrid, RawGrid>();

/** The grid with every text cell composed (NFC); the same grid when none needs it. */
export function composedTexts(g: RawGrid): RawGrid {
  let out = COMPOSED.get(g);
  if (out === undefined) COMPOSED.set(g, (out = composed(g)));
  return out;
}

/** composedTexts, made. */
function composed(g: RawGrid): RawGrid {
  if (!g.rows.some((row) => row.some((c) => c && hasMark(c.text)))) return g;
  return {
    ...g,
    rows: g.rows.map((row) =>
      row.map((c) => {
        if (!c || !hasMark(c.text)) return c;
        const text = c.text.normalize('NFC');
        return typeof c.value === 'string' && c.value === c.text
          ? { ...c, text, value: text }
          : { ...c, text };
      }),
    ),
  };
}
