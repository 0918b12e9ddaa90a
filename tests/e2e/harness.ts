/** E2E harness: serves dist/ on loopback and launches the machine's Debian Chromium. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { after, before } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
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

/** The options of every browser context the tests and benchmarks open (screen size in CSS px). */
export const CONTEXT_OPTIONS = {
  viewport: { width: 1500, height: 900 },
  locale: 'vi-VN',
  acceptDownloads: true,
} as const;

/**
 * A persistent Chromium profile in a fresh temp dir (IndexedDB survives page reloads and new
 * pages), in a Chromium of its own: for benchmarks and scripts. The e2e suites take their
 * profiles from `e2eSuite().profile()` (a context of one Chromium per test file).
 */
export async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'planbook-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...CONTEXT_OPTIONS,
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
 * Registers a suite's set-up: the built app served on loopback, one Chromium for the test file,
 * and fresh profiles on demand: each a new browser context, whose storage (IndexedDB, service
 * worker, caches) starts empty, so the app starts from the sample plan, and is kept across the
 * context's reloads and new pages while it lives. Contexts share no storage with each other.
 * All are closed after the suite.
 */
export function e2eSuite(): {
  url: () => string;
  profile: (url?: string) => Promise<BrowserContext>;
  sample: () => Promise<WorkbookPageModel>;
  page: () => Promise<Page>;
} {
  let srv: Awaited<ReturnType<typeof serveDist>> | undefined;
  let browser: Browser | undefined;
  const opened: BrowserContext[] = [];
  // started once, by the first of this `before` and a file's own root `before` asking for a
  // profile (Node 20 runs a file's root hooks without waiting for each other)
  let started: Promise<void> | undefined;
  const start = () =>
    (started ??= Promise.all([serveDist(), launchBrowser()]).then(([s, b]) => {
      [srv, browser] = [s, b];
    }));
  before(start);
  after(async () => {
    await started?.catch(() => {});
    for (const c of opened) await c.close().catch(() => {});
    await browser?.close();
    await srv?.close();
  });
  const profile = async (url?: string) => {
    await start();
    url ??= srv!.url;
    const context = await browser!.newContext(CONTEXT_OPTIONS);
    opened.push(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: url.replace(/\/$/, ''),
    });
    return context;
  };
  let shared: { context: BrowserContext; page: Page } | undefined;
  /** The file's one shared page, reset to a fresh profile's state (see `sample`), on about:blank. */
  const page = async () => {
    await start();
    if (!shared) {
      const context = await profile();
      shared = { context, page: await context.newPage() };
    }
    return (shared.page = await resetPage(shared.context, shared.page, srv!.url));
  };
  return {
    url: () => srv!.url,
    /** A fresh profile, allowed the clipboard on `url` (the suite's server unless told). */
    profile,
    /**
     * The sample plan open on the file's one shared page, reset first to what a fresh profile
     * shows: the origin's stored data wiped, so the app seeds the sample again. Each test that
     * calls it starts from that same state, alone or after any other. Far cheaper than a fresh
     * profile (no new page process, no service-worker install downloading the app again).
     * For tests of one page (reloads included): a test that needs a second tab, page init
     * scripts or exposed functions, or the context's settings (offline, routes) takes `profile()`.
     */
    sample: async () => {
      const p = await page();
      return openSample(shared!.context, srv!.url, p);
    },
    /**
     * The same shared page, reset the same way but left on about:blank: for a test of one page
     * that starts elsewhere than the sample (a file dropped or opened on the start page), in
     * place of `(await profile()).newPage()`.
     */
    page,
  };
}

/**
 * `page` (or a new page of `context` if it was closed) on a blank document, with the origin
 * `url`'s stored data wiped (IndexedDB, localStorage, cookies, file systems: the app's data; the
 * service worker and its cached app files are kept, as after a first visit) and the page's own
 * state a test may have changed put back (listeners, routes, viewport, media, held keys/buttons).
 * The context's other pages (tabs a test opened) are closed.
 */
async function resetPage(context: BrowserContext, page: Page, url: string): Promise<Page> {
  for (const other of context.pages()) if (other !== page) await other.close();
  if (page.isClosed()) page = await context.newPage();
  page.removeAllListeners();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  // an edit still being stored asks before leaving (the app's beforeunload): its data is wiped
  // below anyway; this capturing listener runs first and keeps the app's from asking
  await page
    .evaluate(() =>
      window.addEventListener('beforeunload', (e) => e.stopImmediatePropagation(), true),
    )
    .catch(() => {});
  await page.goto('about:blank');
  for (const key of ['Shift', 'Control', 'Alt', 'Meta']) await page.keyboard.up(key);
  await page.mouse.up();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', {
    origin: url.replace(/\/$/, ''),
    storageTypes: 'cookies,file_systems,indexeddb,local_storage,websql',
  });
  await cdp.detach();
  await page.setViewportSize(CONTEXT_OPTIONS.viewport);
  await page.emulateMedia({ media: null });
  page.setDefaultTimeout(30_000); // Playwright's, as on a new page (a test may have set another)
  return page;
}

/** A page of `context` (a new one unless given) with the sample plan open. */
export async function openSample(
  context: BrowserContext,
  url: string,
  page?: Page,
): Promise<WorkbookPageModel> {
  page ??= await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  const start = new StartPageModel(page);
  await start.goto(url);
  await start.open('Quảng Trị');
  return new WorkbookPageModel(page);
}
