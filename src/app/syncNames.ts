/**
 * Who wrote a shared value, by name: account ids (`u-3f9a…`) are what the shared document
 * records, the names are what the server certifies: on connecting, this person's own account
 * and every account that may open the document (`domain/syncPeople.ts`), and in presence (it
 * overwrites each person's awareness with their account's name). The names given are kept per
 * server (in the browser's localStorage when there is one), so a writer is still named offline.
 */
import type { Conflict, Written } from '../domain/registers';
import type { CertifiedPerson } from '../domain/syncPeople';
import type { Presence } from '../storage/sync/client';

/** A write with its writer's display name (the account id when no name is known). */
export type NamedWrite = Written & { who: string };

/** A conflict whose writes carry their writers' names. */
export type NamedConflict = Omit<Conflict, 'writes'> & { writes: NamedWrite[] };

/** The little of Storage the name book needs. */
interface NameStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function browserStore(): NameStore | null {
  try {
    return (globalThis as { localStorage?: NameStore }).localStorage ?? null;
  } catch {
    return null;
  }
}

/** The names of the accounts seen on one server. */
export class NameBook {
  private readonly names = new Map<string, string>();
  private readonly key: string;

  constructor(
    serverUrl: string,
    private readonly store: NameStore | null = browserStore(),
  ) {
    this.key = `pb-sync-names:${serverUrl}`;
    try {
      const kept = JSON.parse(this.store?.getItem(this.key) ?? '{}') as Record<string, unknown>;
      for (const [id, name] of Object.entries(kept))
        if (typeof name === 'string' && name) this.names.set(id, name);
    } catch {
      // a damaged entry: the names are learnt again
    }
  }

  /** Takes names the server certified (a name equal to the id names no one). */
  learn(people: readonly { id: string; name: string }[]): void {
    let changed = false;
    for (const { id, name } of people) {
      if (!id || !name || name === id || this.names.get(id) === name) continue;
      this.names.set(id, name);
      changed = true;
    }
    if (changed)
      try {
        this.store?.setItem(this.key, JSON.stringify(Object.fromEntries(this.names)));
      } catch {
        // storage full or refused: the names stay known for this session
      }
  }

  /** The display name of an account id, or the id when no name is known. */
  who(id: string): string {
    return this.names.get(id) ?? id;
  }

  /** The display name of an account id, or null when the server never gave one. */
  known(id: string): string | null {
    return this.names.get(id) ?? null;
  }

  /**
   * Presence with every person named: this person's own entry (the server certifies it only to
   * the others) by their certified account (`self`), anyone else left unnamed by the name known.
   */
  presence(presence: readonly Presence[], self: CertifiedPerson | null): Presence[] {
    return presence.map((p) => {
      const { id, name } = p.user;
      if (p.self && self && self.id === id)
        return { ...p, user: { ...p.user, name: self.name, unit: self.unit, role: self.role } };
      return name && name !== id ? p : { ...p, user: { ...p.user, name: this.who(id) } };
    });
  }

  /** The conflicts with each write's writer named. */
  named(conflicts: readonly Conflict[]): NamedConflict[] {
    return conflicts.map((c) => ({
      ...c,
      writes: c.writes.map((w) => ({ ...w, who: this.who(w.by) })),
    }));
  }
}
