/**
 * Who wrote a shared value, by name: account ids (`u-3f9a…`) are what the shared document
 * records, the names are what the server certifies in presence (it overwrites each person's
 * awareness with their account's name). The names seen are kept per server (in the browser's
 * localStorage when there is one), so a colleague who has gone offline is still named.
 */
import type { Conflict, Written } from '../domain/registers';
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

  /** Takes the names the server certified in presence (a name equal to the id names no one). */
  learn(presence: readonly Presence[]): void {
    let changed = false;
    for (const p of presence) {
      const { id, name } = p.user;
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

  /** The conflicts with each write's writer named. */
  named(conflicts: readonly Conflict[]): NamedConflict[] {
    return conflicts.map((c) => ({
      ...c,
      writes: c.writes.map((w) => ({ ...w, who: this.who(w.by) })),
    }));
  }
}
