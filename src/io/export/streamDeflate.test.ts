import { execFileSync } from 'node:child_process';
import { inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gzipHeaderLength, gzipToRaw, streamDeflater } from './streamDeflate';
import { crc32 } from './zipWriter';

/** `text` gzipped by Python, a file name in its header. */
function pythonGzip(text: string): Uint8Array {
  const py = [
    'import sys, gzip, io',
    'b = io.BytesIO()',
    'with gzip.GzipFile(filename="ke-hoach.xml", mode="wb", fileobj=b, mtime=0) as f: f.write(sys.stdin.buffer.read())',
    'sys.stdout.buffer.write(b.getvalue())',
  ].join('\n');
  return new Uint8Array(execFileSync('/usr/bin/python3', ['-c', py], { input: text }));
}

/** Feeds `gz` to gzipToRaw in pieces of `step` bytes; the raw bytes and the CRC. */
function strip(gz: Uint8Array, step: number, size: number) {
  const parts: Uint8Array[] = [];
  const raw = gzipToRaw((d) => parts.push(d.slice()));
  for (let i = 0; i < gz.length; i += step) raw.take(gz.subarray(i, i + step));
  const crc = raw.end(size);
  const all = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return { all, crc };
}

describe('gzip to raw deflate', () => {
  const text = Array.from({ length: 3_000 }, (_, i) => `<c r="B${i}"><v>${i * 13}</v></c>`).join(
    '',
  );
  const bytes = new TextEncoder().encode(text);

  it('drops any header, keeps the deflate whole and reads the CRC, in pieces of any size', () => {
    const gz = pythonGzip(text);
    expect(gz[3] & 8).toBe(8); // a file name in the header
    expect(gzipHeaderLength(gz.subarray(0, 12))).toBe(-1);
    for (const step of [1, 3, 7, 8, 9, 100, gz.length]) {
      const { all, crc } = strip(gz, step, bytes.length);
      expect(new TextDecoder().decode(inflateSync(all)), String(step)).toBe(text);
      expect(crc, String(step)).toBe(crc32(bytes));
    }
  });

  it('refuses a stream cut short or of another size', () => {
    const gz = pythonGzip(text);
    expect(() => strip(gz.subarray(0, gz.length - 3), 50, bytes.length)).toThrow(/gzip stream/);
    expect(() => strip(gz.subarray(0, 12), 5, bytes.length)).toThrow(/early/);
    expect(() => strip(gz, 50, bytes.length + 1)).toThrow(/lost/);
    expect(() => gzipHeaderLength(new Uint8Array(12))).toThrow(/gzip/);
  });

  it("CompressionStream's deflater gives the CRC the writer would compute", async () => {
    const parts: Uint8Array[] = [];
    const d = streamDeflater()!((x) => parts.push(x));
    d.push(bytes.subarray(0, 5_000), false);
    d.push(bytes.subarray(5_000), true);
    expect(await d.crc).toBe(crc32(bytes));
    await d.done;
    const all = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    expect(new TextDecoder().decode(inflateSync(all))).toBe(text);
  });
});
