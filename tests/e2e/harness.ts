/** E2E harness: serves dist/ on loopback and launches the machine's Debian Chromium. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { after, before } from 'node:test';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { StartPageModel } from './pages/StartPage';
import { WorkbookPageModel } from './pages/WorkbookPage';

export const DIST = resolve(import.meta.dirname, '../../dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * A static server over dist/ (or a copy of it: a relative path is read from the working
 * directory) on 127.0.0.1 (random port).
 */
export async function serveDist(
  dist = resolve(import.meta.dirname, '../../dist'),
): Promise<{ url: string; close: () => Promise<void> }> {
  // absolute: a request's file must start with it (`./dist` matched no file, every asset was
  // answered with index.html and the page never started)
  const root = resolve(dist);
  if (!existsSync(join(root, 'index.html')))
    throw new Error('dist/ is missing: run `vite build` first');
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    let file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory())
      file = join(root, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** A persistent Chromium profile in a fresh temp dir (IndexedDB survives page reloads and new pages). */
export async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'planbook-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1500, height: 900 },
    locale: 'vi-VN',
    acceptDownloads: true,
  });
  return { context, close: () => context.close() };
}

/** A plain browser (no persistent profile), for benchmarks that open many pages. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * Registers a suite's set-up: the built app served on loopback, and fresh browser profiles on
 * demand (each with an empty IndexedDB, so the app starts from the sample plan). All are closed
 * after the suite.
 */
export function e2eSuite(): { url: () => string; profile: () => Promise<BrowserContext> } {
  let srv: Awaited<ReturnType<typeof serveDist>> | undefined;
  const opened: { close: () => Promise<void> }[] = [];
  before(async () => {
    srv = await serveDist();
  });
  after(async () => {
    for (const b of opened) await b.close();
    await srv?.close();
  });
  return {
    url: () => srv!.url,
    profile: async () => {
      const b = await launch();
      opened.push(b);
      await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: srv!.url.replace(/\/$/, ''),
      });
      return b.context;
    },
  };
}

/** A page of `context` with the sample plan open. */
export async function openSample(context: BrowserContext, url: string): Promise<WorkbookPageModel> {
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  const start = new StartPageModel(page);
  await start.goto(url);
  await start.open('Quảng Trị');
  return new WorkbookPageModel(page);
}
