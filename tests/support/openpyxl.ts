/**
 * openpyxl (Debian's python3-openpyxl) as an independent reader of exported `.xlsx` files: every XML
 * part must parse, the workbook must open, and each cell comes back with its type and value.
 */
import { execFileSync } from 'node:child_process';

export const PYTHON = process.env.PYTHON_PATH ?? '/usr/bin/python3';

/** One cell as openpyxl reads it: `s` text, `n` number, `f` formula (value with its `=`), `b`… */
export interface PyCell {
  ref: string;
  type: string;
  value: string | number | boolean | null;
}

export interface PySheet {
  name: string;
  state: string;
  cells: PyCell[];
}

/** What openpyxl read of a file, or why it could not. */
export type PyBook = { ok: true; sheets: PySheet[] } | { ok: false; error: string };

const SCRIPT = String.raw`
import json, sys, zipfile, warnings
import xml.etree.ElementTree as ET
import openpyxl
warnings.simplefilter('ignore')
out = []
for path in sys.argv[1:]:
    try:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith('.xml') or name.endswith('.rels'):
                    ET.fromstring(z.read(name))
        wb = openpyxl.load_workbook(path)
        sheets = []
        for ws in wb.worksheets:
            cells = []
            for row in ws.iter_rows():
                for c in row:
                    if c.value is None:
                        continue
                    v = c.value
                    if not isinstance(v, (str, int, float, bool)):
                        v = str(v)
                    cells.append({'ref': c.coordinate, 'type': c.data_type, 'value': v})
            sheets.append({'name': ws.title, 'state': ws.sheet_state, 'cells': cells})
        out.append({'ok': True, 'sheets': sheets})
    except Exception as e:
        out.append({'ok': False, 'error': type(e).__name__ + ': ' + str(e)})
print(json.dumps(out))
`;

/** Reads every file with openpyxl in one python process. */
export function readWithOpenpyxl(files: string[]): PyBook[] {
  const text = execFileSync(PYTHON, ['-c', SCRIPT, ...files], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    timeout: 300_000,
  });
  return JSON.parse(text) as PyBook[];
}

/** A text as the file format means it: `_xHHHH_` escapes decoded (openpyxl leaves them as written). */
export function decodeXstring(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}
