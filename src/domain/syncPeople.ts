/**
 * The server's word on who the people of a shared document are: on each connection it sends the
 * connecting person their own account (id, name, unit, as the administrator wrote them) and the
 * names of every account that may open the document, as one stateless message. Presence only
 * certifies the people online now and never a person's own entry; this names the writers of a
 * conflict or an audit line who are not online, and the person themselves. Pure: the server
 * writes the message, the app's client reads it.
 */

/** An account as the server certifies it. */
export interface CertifiedPerson {
  id: string;
  name: string;
  unit?: string;
  role?: string;
}

/** What the server certified on a connection: this person, and the names of the document's people. */
export interface CertifiedPeople {
  self: CertifiedPerson;
  people: { id: string; name: string }[];
}

/** The tag of the message (stateless messages carry any text; others are not ours). */
const TAG = 'planbook-people';

/** The message a server sends a connection (JSON text). */
export function peopleMessage(people: CertifiedPeople): string {
  return JSON.stringify({ type: TAG, self: people.self, people: people.people });
}

const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** The people a stateless message certifies, or null when it is not such a message (or damaged). */
export function readPeopleMessage(payload: string): CertifiedPeople | null {
  let m: unknown;
  try {
    m = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!m || typeof m !== 'object') return null;
  const { type, self, people } = m as { type?: unknown; self?: unknown; people?: unknown };
  if (type !== TAG || !self || typeof self !== 'object' || !Array.isArray(people)) return null;
  const s = self as Record<string, unknown>;
  if (!text(s.id) || !text(s.name)) return null;
  return {
    self: {
      id: s.id,
      name: s.name,
      ...(text(s.unit) ? { unit: s.unit } : {}),
      ...(text(s.role) ? { role: s.role } : {}),
    },
    people: people.flatMap((p: unknown) => {
      const { id, name } = (p ?? {}) as { id?: unknown; name?: unknown };
      return text(id) && text(name) ? [{ id, name }] : [];
    }),
  };
}
