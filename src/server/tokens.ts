/**
 * Access tokens: an account id and an expiry, signed with the server's secret (HMAC-SHA256).
 * `pb1.<payload>.<signature>`, both base64url. A token says who; what that person may do is
 * looked up in the accounts at every connection, so a changed role takes effect at once.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  /** Account id. */
  sub: string;
  /** Issued at, seconds since 1970. */
  iat: number;
  /** Expires at, seconds since 1970. */
  exp: number;
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

function mac(secret: string, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

/** A token for an account, valid for `hours` from `now` (ms). */
export function signToken(
  secret: string,
  account: string,
  hours: number,
  now = Date.now(),
): string {
  const iat = Math.floor(now / 1000);
  const claims: TokenClaims = { sub: account, iat, exp: iat + Math.round(hours * 3600) };
  const payload = b64(JSON.stringify(claims));
  return `pb1.${payload}.${b64(mac(secret, payload))}`;
}

/** Why a token is refused (null: accepted). */
export type TokenError = 'malformed' | 'badSignature' | 'expired';

/** The claims of a valid token, or why it is refused. */
export function verifyToken(
  secret: string,
  token: string,
  now = Date.now(),
): { ok: true; claims: TokenClaims } | { ok: false; error: TokenError } {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'pb1') return { ok: false, error: 'malformed' };
  const given = Buffer.from(parts[2], 'base64url');
  const want = mac(secret, parts[1]);
  if (given.length !== want.length || !timingSafeEqual(given, want))
    return { ok: false, error: 'badSignature' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { ok: false, error: 'malformed' };
  }
  if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number')
    return { ok: false, error: 'malformed' };
  if (claims.exp * 1000 <= now) return { ok: false, error: 'expired' };
  return { ok: true, claims };
}

/** A new random server secret. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
