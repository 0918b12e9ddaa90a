/**
 * Which formulas an export writes as formulas. Everything else that starts with `=` is written as
 * the text it is: a spreadsheet never runs what Planbook only kept as text.
 */

/** Excel's limits: formula length (characters) and nesting of function calls. */
export const MAX_FORMULA_LENGTH = 8_192;
export const MAX_FORMULA_DEPTH = 64;

/** Functions that reach outside the workbook (links, web, DDE, code) and references to other files. */
const OUTSIDE =
  /[|[\]]|\b(HYPERLINK|WEBSERVICE|FILTERXML|RTD|CALL|REGISTER(\.ID)?|EXEC|DDE\w*|IMAGE|IMPORT\w*|ENCODEURL)\s*\(/i;

/** Deepest nesting of parentheses outside string literals. */
export function formulaDepth(f: string): number {
  let depth = 0;
  let max = 0;
  let quoted = false;
  for (let i = 0; i < f.length; i++) {
    const ch = f[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '(') max = Math.max(max, ++depth);
    else if (ch === ')') depth = Math.max(0, depth - 1);
  }
  return max;
}

/** Whether a formula (with or without its `=`) may be written as a formula. */
export function exportableFormula(f: string): boolean {
  const body = f.replace(/^=/, '');
  return (
    body.trim() !== '' &&
    body.length <= MAX_FORMULA_LENGTH &&
    !OUTSIDE.test(body.replace(/"[^"]*"/g, '""').replace(/'[^']*'/g, "''")) &&
    formulaDepth(body) <= MAX_FORMULA_DEPTH
  );
}
