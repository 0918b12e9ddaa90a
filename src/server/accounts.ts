/**
 * Accounts and rights. Documents are named `plan/<plan>/submission/<unit>` (a department's
 * submission) and `plan/<plan>/consolidation`. A department edits its own unit's submission and
 * reads the consolidation; the consolidating department edits the consolidation and reads every
 * submission; a reviewer reads everything. Anything else is refused.
 */
export type Role = 'department' | 'consolidator' | 'reviewer';

export interface Account {
  id: string;
  /** Shown to the others (presence, audit). */
  name: string;
  /** The unit (department) the account belongs to, e.g. `so-gtvt`: its code. */
  unit: string;
  /**
   * The unit's display name, as consolidations name it (`Sở Giao thông vận tải`): what a send
   * through the server is certified to come from. Absent (accounts written before): the
   * consolidation knows the unit by its code and the account's name only.
   */
  unitName?: string;
  role: Role;
  /** Plans the account may open (absent: every plan). */
  plans?: string[];
}

export type Access = 'write' | 'read' | 'none';

/** What a document name says: the plan, and whose submission (or the consolidation). */
export function parseDocName(
  name: string,
):
  | { plan: string; part: 'consolidation' }
  | { plan: string; part: 'submission'; unit: string }
  | null {
  const p = name.split('/');
  const ok = (s: string | undefined) => !!s && /^[\w.-]{1,100}$/.test(s);
  if (p[0] !== 'plan' || !ok(p[1])) return null;
  if (p.length === 3 && p[2] === 'consolidation') return { plan: p[1], part: 'consolidation' };
  if (p.length === 4 && p[2] === 'submission' && ok(p[3]))
    return { plan: p[1], part: 'submission', unit: p[3] };
  return null;
}

/** What an account may do with a document. */
export function accessOf(a: Account, docName: string): Access {
  const d = parseDocName(docName);
  if (!d || (a.plans && !a.plans.includes(d.plan))) return 'none';
  switch (a.role) {
    case 'reviewer':
      return 'read';
    case 'consolidator':
      return d.part === 'consolidation' ? 'write' : 'read';
    case 'department':
      if (d.part === 'consolidation') return 'read';
      return d.unit === a.unit ? 'write' : 'none';
  }
}

/** Reads an accounts file's JSON (`{ "accounts": [...] }`); throws a clear message when wrong. */
export function parseAccounts(json: string): Account[] {
  const data = JSON.parse(json) as { accounts?: unknown };
  if (!Array.isArray(data.accounts)) throw new Error('the accounts file has no "accounts" list');
  const roles: Role[] = ['department', 'consolidator', 'reviewer'];
  const seen = new Set<string>();
  return data.accounts.map((x: Partial<Account>, i) => {
    if (typeof x.id !== 'string' || !x.id) throw new Error(`account ${i + 1} has no id`);
    if (seen.has(x.id)) throw new Error(`account '${x.id}' is listed twice`);
    seen.add(x.id);
    if (!roles.includes(x.role as Role))
      throw new Error(`account '${x.id}': role must be one of ${roles.join(', ')}`);
    if (typeof x.unit !== 'string' || !x.unit) throw new Error(`account '${x.id}' has no unit`);
    return {
      id: x.id,
      name: typeof x.name === 'string' && x.name ? x.name : x.id,
      unit: x.unit,
      ...(typeof x.unitName === 'string' && x.unitName.trim()
        ? { unitName: x.unitName.trim() }
        : {}),
      role: x.role as Role,
      ...(Array.isArray(x.plans) ? { plans: x.plans.map(String) } : {}),
    };
  });
}
