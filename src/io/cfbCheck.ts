/**
 * A check of an `.xls` (OLE compound file) before SheetJS reads it: the links of its directory tree
 * must not loop. On a looping directory SheetJS's path builder grows an array until V8 aborts the
 * whole process ("invalid size error"), which no try/catch and no worker's heap limit can stop.
 * This walks the directory the way SheetJS does (same header fields, FAT and DIFAT chains, same
 * traversal) with a bound on the work.
 */

const END = -2; // ENDOFCHAIN; any negative number ends a chain

/** Throws when the compound file's directory links loop; returns quietly when it cannot tell. */
export function checkCompoundFile(b: Uint8Array): void {
  if (b.length < 512 || b[0] !== 0xd0 || b[1] !== 0xcf) return;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const i32 = (at: number) => (at + 4 <= b.length ? view.getInt32(at, true) : END);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return;
  const ssz = 1 << shift;
  const sectors = Math.ceil(b.length / ssz) - 1;
  const sector = (k: number) => (k >= 0 && k < sectors ? (k + 1) * ssz : -1);
  // FAT sector addresses: 109 in the header, then the DIFAT chain
  const fat: number[] = [];
  for (let j = 0; j < 109; j++) {
    const q = i32(0x4c + 4 * j);
    if (q < 0) break;
    fat.push(q);
  }
  const seenDifat = new Set<number>();
  for (let d = i32(0x44), n = i32(0x48); d >= 0 && n > 0 && !seenDifat.has(d); n--) {
    seenDifat.add(d);
    const at = sector(d);
    if (at < 0) break;
    for (let j = 0; j < ssz / 4 - 1; j++) {
      const q = i32(at + 4 * j);
      if (q >= 0) fat.push(q);
    }
    d = i32(at + ssz - 4);
  }
  const next = (j: number) => {
    const at = sector(fat[Math.floor((j * 4) / ssz)] ?? -1);
    return at < 0 ? END : i32(at + ((j * 4) & (ssz - 1)));
  };
  // the directory's sectors, as SheetJS chains them (stopping at a sector seen before)
  const chain: number[] = [];
  const seen = new Set<number>();
  for (let j = i32(0x30); j >= 0 && !seen.has(j) && sector(j) >= 0; j = next(j)) {
    seen.add(j);
    chain.push(j);
  }
  const L: number[] = [];
  const R: number[] = [];
  const C: number[] = [];
  const T: number[] = [];
  for (const s of chain)
    for (let e = sector(s); e + 128 <= sector(s) + ssz && e + 128 <= b.length; e += 128) {
      L.push(i32(e + 68));
      R.push(i32(e + 72));
      C.push(i32(e + 76));
      // an entry with a negative start and size is read as one of unknown type
      T.push(i32(e + 116) < 0 && i32(e + 120) < 0 ? 0 : b[e + 66]);
    }
  walkLikeSheetJs(L, R, C, T);
}

/** SheetJS's `build_full_paths` traversal, counting its steps: a loop shows as work without end. */
function walkLikeSheetJs(L: number[], R: number[], C: number[], T: number[]): void {
  const pl = L.length;
  const dad: number[] = [];
  const q: number[] = [];
  const last = new Map<number, number>(); // q.lastIndexOf, kept up to date
  const push = (v: number) => {
    last.set(v, q.length);
    q.push(v);
  };
  for (let i = 0; i < pl; i++) {
    dad[i] = i;
    push(i);
  }
  const limit = 4 * pl + 16;
  let [l, r] = [0, 0];
  for (let j = 0; j < q.length; j++) {
    if (q.length > limit) throw new Error('its directory links loop');
    const i = q[j];
    [l, r] = [L[i], R[i]];
    const c = C[i];
    if (l === undefined) throw new Error('its directory links point outside it');
    if (dad[i] === i) {
      if (l !== -1 && dad[l] !== l) dad[i] = dad[l];
      if (r !== -1 && dad[r] !== r) dad[i] = dad[r];
    }
    if (c !== -1) dad[c] = i;
    if (l !== -1 && i !== dad[i]) {
      dad[l] = dad[i];
      if ((last.get(l) ?? -1) < j) push(l);
    }
    if (r !== -1 && i !== dad[i]) {
      dad[r] = dad[i];
      if ((last.get(r) ?? -1) < j) push(r);
    }
  }
  // (SheetJS reuses the last entry's links here)
  for (let i = 1; i < pl; i++)
    if (dad[i] === i) {
      if (r !== -1 && dad[r] !== r) dad[i] = dad[r];
      else if (l !== -1 && dad[l] !== l) dad[i] = dad[l];
    }
  // each entry's path walks up its parents: a loop there is endless too
  for (let i = 1; i < pl; i++) {
    if (T[i] === 0) continue;
    let j = i;
    let steps = 0;
    if (j !== dad[j])
      do {
        j = dad[j];
        if (++steps > pl) throw new Error('its directory links loop');
      } while (j !== 0 && -1 !== dad[j] && j !== dad[j]);
    dad[i] = -1;
  }
}
