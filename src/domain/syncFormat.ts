/**
 * The format of shared documents a client writes, and the gate that keeps a client of another
 * format out (issue #21). Each client states its format when it connects (`?format=N` on the
 * server's address); the server refuses any other one with a reason the app words (a client
 * written before plain sheets were keyed by row and column ids would write cells by position and
 * corrupt the document). Pure: the app's client and the server both read it.
 */

/**
 * 1: plain sheets' cells by 0-based position (clients before the gate, which state no format);
 * 2: plain sheets' cells by stable row and column ids (`storage/sync/gridSync.ts`).
 */
export const SYNC_FORMAT = 2;

/** The query parameter a client states its format in. */
export const FORMAT_PARAM = 'format';

/** What starts every refusal of a client's format (the rest says which formats). */
export const FORMAT_REFUSAL = 'planbook-format';

/** A server address with this client's format stated (`ws://host:port/?format=2`). */
export function withFormat(url: string, format = SYNC_FORMAT): string {
  const [path, query = ''] = url.split('?', 2);
  const q = new URLSearchParams(query);
  q.set(FORMAT_PARAM, String(format));
  return `${path}?${q}`;
}

/** A client's stated format (1: none stated, as clients before the gate). */
export function statedFormat(params: URLSearchParams): number {
  const v = params.get(FORMAT_PARAM);
  const n = v === null ? 1 : Number(v);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** Why a client's format is refused (null: it is the server's own). */
export function formatRefusal(client: number, server = SYNC_FORMAT): string | null {
  if (client === server) return null;
  return `${FORMAT_REFUSAL} client=${client} server=${server}`;
}

/** The formats a refusal names (null: the refusal is not about the format). */
export function parseFormatRefusal(reason: string): { client: number; server: number } | null {
  const m = new RegExp(`^${FORMAT_REFUSAL} client=(\\d+) server=(\\d+)$`).exec(reason.trim());
  return m ? { client: Number(m[1]), server: Number(m[2]) } : null;
}
