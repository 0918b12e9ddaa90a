/**
 * An index of the shared document's registers (`domain/registers.ts`): every writer's slot of
 * every register, the cells written per row, and which registers hold more than one head (the
 * conflicts). Kept up to date from the Yjs map's changes, in time proportional to the change.
 */
import {
  type Conflict,
  heads,
  isWritten,
  parseRegister,
  SEP,
  splitSlot,
  type Written,
} from './registers';

/** `sheetId␟rowId`: the key of a row in the index's per-row tables. */
export const rowRef = (sheetId: string, rowId: string): string => sheetId + SEP + rowId;

export class RegisterIndex {
  /** Register key → slot → the write in that slot. */
  readonly slots = new Map<string, Map<string, Written>>();
  /** Row (`rowRef`, of an appendix or a plain sheet) → ids of the columns with a cell register. */
  readonly rowCells = new Map<string, Set<string>>();
  /** Plain sheet id → keys of its cell registers (`gridCell`). */
  readonly gridCells = new Map<string, Set<string>>();
  /** Registers with two or more heads. */
  readonly conflicted = new Set<string>();
  private headCache = new Map<string, Written[]>();

  /** Records what one slot key now holds (undefined: deleted); the register key, or null. */
  apply(key: string, value: unknown): string | null {
    const s = splitSlot(key);
    if (!s) return null;
    const reg = s.register;
    let m = this.slots.get(reg);
    if (value === undefined || !isWritten(value)) {
      if (!m || !m.delete(s.slot)) return reg;
      if (!m.size) {
        this.slots.delete(reg);
        this.forgetCell(reg);
      }
    } else {
      if (!m) {
        m = new Map();
        this.slots.set(reg, m);
        this.noteCell(reg);
      }
      m.set(s.slot, value);
    }
    this.headCache.delete(reg);
    if (this.heads(reg).length > 1) this.conflicted.add(reg);
    else this.conflicted.delete(reg);
    return reg;
  }

  /** The heads of a register, latest first (empty: never written, or removed). */
  heads(reg: string): Written[] {
    let h = this.headCache.get(reg);
    if (!h) {
      const m = this.slots.get(reg);
      h = m ? heads(m.values()) : [];
      this.headCache.set(reg, h);
    }
    return h;
  }

  /** The value a register shows (its latest head), or undefined. */
  value<T>(reg: string): T | undefined {
    return this.heads(reg)[0]?.v as T | undefined;
  }

  /** The slots a register has (to replace or remove them). */
  slotsOf(reg: string): string[] {
    return [...(this.slots.get(reg)?.keys() ?? [])];
  }

  /** The registers with more than one head, as conflicts. */
  conflicts(): Conflict[] {
    const out: Conflict[] = [];
    for (const key of this.conflicted) {
      const register = parseRegister(key);
      if (register) out.push({ key, register, writes: this.heads(key) });
    }
    return out;
  }

  private noteCell(reg: string): void {
    const r = parseRegister(reg);
    if (r?.kind === 'gridCell') {
      let set = this.gridCells.get(r.gridId);
      if (!set) this.gridCells.set(r.gridId, (set = new Set()));
      set.add(reg);
    }
    if (r?.kind !== 'cell' && r?.kind !== 'gridCell') return;
    const k = rowRef(r.kind === 'cell' ? r.sheetId : r.gridId, r.rowId);
    let set = this.rowCells.get(k);
    if (!set) this.rowCells.set(k, (set = new Set()));
    set.add(r.colId);
  }

  private forgetCell(reg: string): void {
    const r = parseRegister(reg);
    if (r?.kind === 'gridCell') {
      const set = this.gridCells.get(r.gridId);
      set?.delete(reg);
      if (set && !set.size) this.gridCells.delete(r.gridId);
    }
    if (r?.kind !== 'cell' && r?.kind !== 'gridCell') return;
    const k = rowRef(r.kind === 'cell' ? r.sheetId : r.gridId, r.rowId);
    const set = this.rowCells.get(k);
    if (!set) return;
    set.delete(r.colId);
    if (!set.size) this.rowCells.delete(k);
  }
}
