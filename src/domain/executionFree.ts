/**
 * The projects of a tracking not yet paired with a report's lines, indexed once by normalised
 * name: by the first three words of the name (a name cut short or lengthened keeps them) and by
 * name and unit. A lookup lists the projects still free, in the plan's order, so pairing the last
 * lines of a report costs a few candidates each, never a pass over every project.
 */
import type { ExecProject } from './execution';
import { normaliseCode } from './executionText';
import { normaliseName } from './match';

/** The first three words of a normalised name ('' for a shorter one). */
const head = (name: string): string => {
  const w = name.split(' ');
  return w.length < 3 ? '' : w.slice(0, 3).join(' ');
};

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export class FreeIndex {
  private forms = new Map<string, [string, string]>();
  private heads: Map<string, ExecProject[]> | null = null;
  private keys: Map<string, ExecProject[]> | null = null;

  /** `free`: the projects not yet paired by id (pairing removes them; none is added). */
  constructor(private readonly free: ReadonlyMap<string, ExecProject>) {}

  private form(p: ExecProject): [string, string] {
    let f = this.forms.get(p.id);
    if (!f) this.forms.set(p.id, (f = [normaliseName(p.name), normaliseName(p.lead)]));
    return f;
  }

  /** A project's normalised name. */
  name(p: ExecProject): string {
    return this.form(p)[0];
  }

  /** A project's normalised lead unit. */
  lead(p: ExecProject): string {
    return this.form(p)[1];
  }

  /** The free projects whose normalised name starts with the same three words as `name`. */
  byHead(name: string): ExecProject[] {
    if (!this.heads) {
      this.heads = new Map();
      for (const p of this.free.values()) {
        const h = head(this.name(p));
        if (h) push(this.heads, h, p);
      }
    }
    const h = head(name);
    return h ? (this.heads.get(h) ?? []).filter((p) => this.free.has(p.id)) : [];
  }

  /** The first free project whose normalised `name|unit` is `key`. */
  byKey(key: string): ExecProject | undefined {
    if (!this.keys) {
      this.keys = new Map();
      for (const p of this.free.values()) push(this.keys, `${this.name(p)}|${this.lead(p)}`, p);
    }
    return this.keys.get(key)?.find((p) => this.free.has(p.id));
  }
}

/** A report line as the name fit reads it. */
interface NamedLine {
  name: string;
  lead: string;
  code: string;
}

/**
 * The one free project a line's name fits cut short (`Tập huấn CIO…` for `Tập huấn CIO… (khoảng
 * 200 HV…)`) or lengthened, three words at least, under the same unit (`leads`: the report names
 * units), codes not given on both sides; null when none or several fit.
 */
export function nameFit(index: FreeIndex, line: NamedLine, leads: boolean): ExecProject | null {
  const n = normaliseName(line.name);
  if (n.split(' ').length < 3) return null;
  const lead = normaliseName(line.lead);
  const fits = index.byHead(n).filter((p) => {
    const q = index.name(p);
    const [short, long] = q.length < n.length ? [q, n] : [n, q];
    return (
      (!lead || !leads || index.lead(p) === lead) &&
      short.split(' ').length >= 3 &&
      long.startsWith(`${short} `) &&
      !(normaliseCode(line.code) && normaliseCode(p.code))
    );
  });
  return fits.length === 1 ? fits[0] : null;
}

/** Whether a report writes a name as cut short (`…`, `...` at its end). */
export const cutShort = (name: string): boolean => /(…|\.{3})\s*$/.test(name);
