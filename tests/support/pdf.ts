/**
 * A spreadsheet as printed, for tests: LibreOffice converts it to PDF (with a profile of its own),
 * poppler's pdfinfo, pdftotext and pdftoppm read the pages, their text and the words' positions.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { SOFFICE } from './libreoffice';
import { unoConvert } from './loUno';

/**
 * Converts `file` to PDF as LibreOffice prints it (through a running instance with a profile of
 * its own, tests/support/loUno.ts, else one-shot); returns the PDF's path.
 */
export function toPdf(file: string): string {
  const out = mkdtempSync(join(tmpdir(), 'lo-pdf-out-'));
  const profile = () => mkdtempSync(join(tmpdir(), 'lo-pdf-'));
  if (!unoConvert('pdf', 'default', profile, file, out))
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile()}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        file,
      ],
      { stdio: 'pipe', timeout: 180_000 },
    );
  return join(out, `${basename(file).replace(/\.[^.]+$/, '')}.pdf`);
}

/** Page count and the first page's size in points. */
export function pdfInfo(pdf: string): { pages: number; width: number; height: number } {
  const text = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(text)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(text);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** The text of one page (1-based), laid out as on the page. */
export function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', `${page}`, '-l', `${page}`, pdf, '-'], {
    encoding: 'utf8',
  }).normalize('NFC');
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box, page by page, in the order the PDF draws them. */
export function pdfWords(pdf: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const words: PdfWord[] = [];
  let page = 0;
  const re =
    /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  for (const m of html.matchAll(re)) {
    if (m[0] === '<page ') {
      page++;
      continue;
    }
    words.push({
      page,
      text: unescape(m[5]).normalize('NFC'),
      xMin: +m[1],
      yMin: +m[2],
      xMax: +m[3],
      yMax: +m[4],
    });
  }
  return words;
}

/** Renders pages to PNG files `<prefix>-N.png` at `dpi`. */
export function toPng(pdf: string, prefix: string, dpi = 50): void {
  execFileSync('pdftoppm', ['-png', '-r', `${dpi}`, pdf, prefix]);
}
