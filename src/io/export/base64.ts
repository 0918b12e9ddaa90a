/** Base64 of bytes (standard alphabet, padded: what `btoa` gives for their binary string). */
const ALPHABET = new TextEncoder().encode(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
);
const PAD = 61; // '='

/** The bytes in base64, in one pass (no binary string, no argument spreading). */
export function base64(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const x = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out[o++] = ALPHABET[x >>> 18];
    out[o++] = ALPHABET[(x >>> 12) & 63];
    out[o++] = ALPHABET[(x >>> 6) & 63];
    out[o++] = ALPHABET[x & 63];
  }
  if (i < n) {
    const x = (bytes[i] << 16) | (i + 1 < n ? bytes[i + 1] << 8 : 0);
    out[o++] = ALPHABET[x >>> 18];
    out[o++] = ALPHABET[(x >>> 12) & 63];
    out[o++] = i + 1 < n ? ALPHABET[(x >>> 6) & 63] : PAD;
    out[o] = PAD;
  }
  return new TextDecoder().decode(out);
}
