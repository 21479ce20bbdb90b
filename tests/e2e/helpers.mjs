// Shared helpers for the end-to-end tests: a static server over dist/, Debian's chromium through
// playwright-core, console error collection and screenshots into test-output/.
import { EventEmitter, once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.PT_DIST ? resolve(process.env.PT_DIST) : join(ROOT, 'dist');
export const OUTPUT = join(ROOT, 'test-output');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run'
];

// playwright-core lives in tools/node_modules (installed by `make setup`), not in a root package.json.
const require = createRequire(join(ROOT, 'tools', 'package.json'));
const { chromium } = require('playwright-core');

const { startServer } = await import(join(ROOT, 'scripts', 'serve.mjs'));

/** The dataset the page loads, read from dist/ (the same bytes the browser gets). */
export async function readDataset() {
  return JSON.parse(await readFile(join(DIST, 'targets.json'), 'utf8'));
}

/**
 * What the build published under content-hashed names (dist/files.json): each logical file name
 * ("province_targets_bg.wasm", "targets.json", "province-targets.js") -> { path, integrity }.
 */
export async function builtFiles(dist = DIST) {
  if (!existsSync(join(dist, 'files.json'))) throw new Error(`${dist} has no files.json: run make build first`);
  return JSON.parse(await readFile(join(dist, 'files.json'), 'utf8'));
}

/** Starts scripts/serve.mjs on a free loopback port. */
export async function serve({ csp = false } = {}) {
  const { 'province_targets_bg.wasm': module } = await builtFiles();
  if (!existsSync(join(DIST, module.path))) {
    throw new Error(`${DIST} has no built module: run make build first`);
  }
  return startServer({ root: DIST, port: 0, host: '127.0.0.1', csp });
}

export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run make setup`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A new page that records console errors and warnings, page errors, failed requests, CSP violations and every
 * request URL.
 * Options: viewport {width, height}, colorScheme, reducedMotion.
 */
export async function openPage(browser, url, { viewport = { width: 1000, height: 900 }, ...context } = {}) {
  const ctx = await browser.newContext({ viewport, ...context });
  const page = await ctx.newPage();
  // `events` says 'violation' as each one is logged, so a test can wait for one instead of sleeping.
  const log = { errors: [], warnings: [], requests: [], failed: [], violations: [], events: new EventEmitter() };
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.errors.push(msg.text());
    if (msg.type() === 'warning') log.warnings.push(msg.text());
  });
  page.on('pageerror', (error) => log.errors.push(`pageerror: ${error.message}`));
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('requestfailed', (request) => log.failed.push(`${request.url()} ${request.failure()?.errorText}`));
  await page.exposeFunction('__ptViolation', (text) => {
    log.violations.push(text);
    log.events.emit('violation', text);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__ptViolation(`${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  if (url) await page.goto(url, { waitUntil: 'load' });
  return { ctx, page, log };
}

/**
 * A new page (as openPage) showing `html`, served at a fresh URL of `server`'s origin so that relative URLs
 * reach dist/: what a CMS page holding an embed would be.
 */
export async function openHtml(browser, server, html, options) {
  const opened = await openPage(browser, null, options);
  const url = `${server.url}page-${Date.now()}-${Math.random().toString(36).slice(2)}.html`;
  await opened.page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await opened.page.goto(url, { waitUntil: 'load' });
  return opened;
}

/** The dataset, the server over dist/ and Chromium that most test files share: call from `before`. */
export async function start() {
  const data = await readDataset();
  const server = await serve();
  try {
    return { data, server, browser: await launch() };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** Closes what start() opened (nothing, if start() failed): call from `after`. */
export async function stop({ server, browser }) {
  await browser?.close();
  await server?.close();
}

/** Text with its runs of white space made one space, as a reader reads it. */
export const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** Waits until the n-th widget on the page (0-based) has rendered its chart. */
export async function waitForChart(page, index = 0, timeout = 15000) {
  const widget = page.locator('province-targets').nth(index);
  await widget.scrollIntoViewIfNeeded();
  await widget.locator('.pt-chart svg').first().waitFor({ state: 'visible', timeout });
  return widget;
}

export async function screenshot(page, name, options = {}) {
  await mkdir(OUTPUT, { recursive: true });
  const path = join(OUTPUT, name);
  await page.screenshot({ path, ...options });
  return path;
}

/** Province ids of the marks in a widget, read through the marks' data-province or aria-label. */
export async function markLabels(widget) {
  return widget.locator('.pt-mark').evaluateAll((marks) => marks.map((m) => m.getAttribute('aria-label') ?? ''));
}

/** A widget's view as a reader sees it: indicator, year, pressed provinces, marks and language. */
export async function viewOf(widget) {
  return {
    indicator: await widget.locator('select:has(optgroup)').inputValue(),
    year: await widget.locator('.pt-year[aria-checked="true"]').getAttribute('data-year'),
    pressed: await widget.locator('.pt-toggle[aria-pressed="true"]').allTextContents(),
    marks: await markLabels(widget),
    lang: await widget.locator('.pt-root').getAttribute('lang')
  };
}

/** Opens a widget's downloads menu ("Tải xuống ▾" / "Download ▾") if it is closed, so its items can be used. */
export async function openDownloads(widget) {
  const toggle = widget.locator('.pt-downloads-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/**
 * Resolves once every console line the page wrote before this call has reached the test: a line written now
 * arrives after them, since the browser reports console calls in order. No sleep: the marker is the event.
 */
export async function consoleFlushed(page) {
  const marker = `pt-test: console flushed ${Math.random().toString(36).slice(2)}`;
  const seen = page.waitForEvent('console', { predicate: (msg) => msg.text() === marker, timeout: 15000 });
  await page.evaluate((text) => console.debug(text), marker);
  await seen;
}

/** Resolves once `log` (from openPage) holds at least `n` securitypolicyviolation events. */
export async function violationsSeen(log, n) {
  while (log.violations.length < n) await once(log.events, 'violation');
}

/**
 * The securitypolicyviolation events and console errors of a page under a policy that allows no image from
 * another origin, up to now. Rather than wait a while for late reports, it provokes one (an image from an
 * address no such policy allows), waits for that report, and returns what came before it: the browser
 * reports violations in the order they happen, so none that happened before can still be on its way.
 */
export async function violationsSoFar(page, log) {
  const sentinel = 'csp-sentinel.invalid';
  const before = log.violations.length;
  await page.evaluate((host) => {
    new Image().src = `https://${host}/after.png`;
  }, sentinel);
  while (!log.violations.slice(before).some((v) => v.includes(sentinel))) await once(log.events, 'violation');
  await consoleFlushed(page);
  const ours = (line) => !line.includes(sentinel);
  return { violations: log.violations.filter(ours), errors: log.errors.filter(ours) };
}

/** Resolves once every CSS transition and animation running in a widget's shadow root has finished. */
export async function animationsDone(widget) {
  await widget.evaluate((host) =>
    Promise.all(host.shadowRoot.getAnimations().map((animation) => animation.finished.catch(() => {}))));
}

/** A minimal article with one <province-targets> carrying `attributes` (markup), the loader embedding nothing. */
export const articleWith = (attributes = '') => `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<script src="/province-targets.js" data-embed="none"></script></head>
<body><h1>Bài viết</h1><province-targets ${attributes}></province-targets></body></html>`;

/** The blank height in px between a widget's last drawn content and its bottom edge. Inside the root, not the
 * root itself: its min-height is the reservation whose blank this measures. */
export function blankBelow(widget) {
  return widget.evaluate((el) => {
    const bottom = el.getBoundingClientRect().bottom;
    let last = el.getBoundingClientRect().top;
    for (const node of el.shadowRoot.querySelectorAll('.pt-root *')) {
      const box = node.getBoundingClientRect();
      if (box.height > 0 && box.width > 0 && getComputedStyle(node).visibility === 'visible') {
        last = Math.max(last, box.bottom);
      }
    }
    return Math.round(bottom - last);
  });
}

/** Sums the page's layout shifts from its start (buffered) into `window.__ptShift`; read with `layoutShift`. */
export function watchLayoutShift(page) {
  return page.evaluate(() => {
    window.__ptShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__ptShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export const layoutShift = (page) => page.evaluate(() => window.__ptShift);
