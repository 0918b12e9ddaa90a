/**
 * A check of an `.xls` workbook stream (BIFF records) before SheetJS parses it: every formula record
 * (FORMULA, ARRAY, SHRFMLA) must hold its fixed fields and the formula length it states. SheetJS
 * reads a formula's length from the bytes after a record too short to hold it, gets NaN, and its
 * formula parser (`parse_Rgce`, `while (target != blob.l)`) then loops for ever without allocating:
 * found by the fuzzer (m6058.xls: an ARRAY record cut to 7 bytes by a filled run).
 */

const BOF = new Set([0x0009, 0x0209, 0x0409, 0x0809]);
const CONTINUE = new Set([0x003c, 0x043c, 0x0812, 0x0875, 0x087f]);
const FILEPASS = 0x002f;

/** Where each formula record's formula length (cce) lies, by BIFF version: offset and width. */
function formulaLengthField(type: number, biff: number): [number, number] | undefined {
  switch (type) {
    case 0x0006: // FORMULA (BIFF2, BIFF5, BIFF8)
    case 0x0206: // FORMULA (BIFF3)
    case 0x0406: // FORMULA (BIFF4)
      // cell (6, or 7 in BIFF2), cached value (8), flags (1, or 2 after BIFF2), chn (4, BIFF5+)
      return biff === 2 ? [16, 1] : biff < 5 ? [16, 2] : [20, 2];
    case 0x0021: // ARRAY (BIFF2)
    case 0x0221: // ARRAY (BIFF3+)
      // range (6), flags (1 in BIFF2, 2 in BIFF3-4, 2 + 4 reserved after)
      return biff === 2 ? [7, 1] : biff < 5 ? [8, 2] : [12, 2];
    case 0x04bc: // SHRFMLA: range (6), reserved (1), uses (1)
      return [8, 2];
    default:
      return undefined;
  }
}

/** The BIFF version SheetJS takes from a BOF record (parse_workbook's table). */
function biffOf(type: number, ver: number, dt: number): number {
  const byType: Record<number, number> = { 0x0009: 2, 0x0209: 3, 0x0409: 4 };
  const byVer: Record<number, number> = {
    0x0200: 2,
    0x0300: 3,
    0x0400: 4,
    0x0500: 5,
    0x0600: 8,
    0x0002: 2,
    0x0007: 2,
  };
  let biff = byType[type] ?? byVer[ver] ?? 8;
  if (ver === 0 && dt === 0x1000) biff = 5;
  if (biff === 8 && ver === 0 && dt === 16) biff = 2;
  return biff;
}

/**
 * Throws when a formula record of the workbook stream is too short for its formula length field or
 * states a formula longer than the record; returns quietly otherwise (other damage is SheetJS's to
 * report). Records after a FILEPASS (encrypted) are not looked at.
 */
export function checkFormulaRecords(stream: Uint8Array): void {
  const u16 = (at: number) => stream[at] | (stream[at + 1] << 8);
  let biff = 8; // as SheetJS: the version is taken from BOF records while it reads 8
  let last = -1;
  for (let at = 0; at + 4 <= stream.length;) {
    const type = u16(at);
    const size = u16(at + 2);
    const data = at + 4;
    if (type === FILEPASS) return;
    if (type === 0 && last === 0x000a) return; // padding after the last EOF (as SheetJS stops)
    if (BOF.has(type) && biff === 8 && data + 4 <= stream.length)
      biff = biffOf(type, u16(data), u16(data + 2));
    const field = formulaLengthField(type, biff);
    if (field) {
      // SheetJS reads a record together with the CONTINUE records after it
      let length = Math.min(size, stream.length - data);
      for (let k = data + size; k + 4 <= stream.length && CONTINUE.has(u16(k)); k += 4 + u16(k + 2))
        length += Math.min(u16(k + 2), stream.length - k - 4);
      const [offset, width] = field;
      const kind = type === 0x04bc ? 'shared formula' : type & 0x20 ? 'array formula' : 'formula';
      if (length < offset + width)
        throw new Error(`its ${kind} record at byte ${at} is cut short to ${length} bytes`);
      const cce = width === 1 ? stream[data + offset] : u16(data + offset);
      if (cce !== 0xffff && cce > length - offset - width)
        throw new Error(`its ${kind} record at byte ${at} states a formula longer than itself`);
    }
    if (type !== 0) last = type;
    at = data + size;
  }
}
