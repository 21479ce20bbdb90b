// Side-by-side benchmark: the province-targets widget (dist/) against Chart.js and uPlot drawing the same
// comparison, plus the widget on a generated 34 x 40 x 3 dataset. Prints a table and writes BENCHMARKS.md.
//
//   node bench/run.mjs [--runs N] [--toggles N] [--out FILE] [--json FILE] [--no-write]
//     --runs N      page loads per page, alternating widget / Chart.js / uPlot / stress (default 20)
//     --toggles N   filter toggles before the second memory reading (default 1000; even, so the view returns)
//     --out FILE    the report (default BENCHMARKS.md at the repo root); --no-write prints only
//     --json FILE   raw samples (default bench/gen/results.json)
//     --from-json FILE   measure nothing: print and write the report again from a saved run's samples
//     --lighthouse N     Lighthouse mobile-preset runs per page (default: --runs, at most 3; 0 skips Lighthouse)
//     --dist DIR         the build to measure (default dist/), e.g. another tree's, to compare two side by side
//     --stress-only      only the 34 x 40 x 3 page; prints its table and writes nothing
//
// Needs: make build (dist/), npm ci --prefix bench (chart.js, uplot), playwright-core in tools/node_modules,
// Debian's chromium at /usr/bin/chromium (CHROMIUM_PATH overrides). Serves everything on 127.0.0.1 only.
// Nothing here asserts a timing: it measures and reports.
import { createServer } from 'node:http';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './gen-stress.mjs';
import { lighthouseRun } from './lighthouse.mjs';
import { WAIT_MS, secondArticle } from './second-article.mjs';
import { PHONE, PHONE_PAGES, phoneLoad, prepareHero } from './phone.mjs';
import { headersFor, parseHeaders } from '../scripts/serve.mjs';
import { TYPES } from '../scripts/build-cdn.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const DIST_FLAG = process.argv.indexOf('--dist');
const DIST = DIST_FLAG > 0 ? resolve(process.argv[DIST_FLAG + 1]) : join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run'
];
export const VIEWPORT = { width: 1000, height: 900 };
const STRESS_FILE = 'stress-34x40x3.json';
const TOGGLE_PROVINCE = { index: 1, id: 'binh-dinh' }; // Bình Định: a point and a range
const UPDATE_SAMPLES = 5; // measured turn-offs per load (each followed by a turn-on)

// ---- arguments ------------------------------------------------------------------------------------------
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
let RUNS = Math.max(1, parseInt(flag('--runs', '20'), 10));
let TOGGLES = Math.max(2 * UPDATE_SAMPLES, Math.round(parseInt(flag('--toggles', '1000'), 10) / 2) * 2);
const OUT = resolve(flag('--out', join(ROOT, 'BENCHMARKS.md')));
const JSON_OUT = resolve(flag('--json', join(BENCH, 'gen', 'results.json')));
const STRESS_ONLY = args.includes('--stress-only');
const WRITE = !args.includes('--no-write') && !STRESS_ONLY;
let LIGHTHOUSE_RUNS = Math.max(0, parseInt(flag('--lighthouse', String(Math.min(RUNS, 3))), 10));

const require = createRequire(join(ROOT, 'tools', 'package.json'));
const { chromium } = require('playwright-core');

// ---- preparation: library files next to the pages, the stress dataset ----------------------------------
export async function prepare() {
  // The module and the bundled data are published under content-hashed names (dist/files.json, issue 17).
  if (!existsSync(join(DIST, 'files.json'))) throw new Error('dist/files.json missing: run make build first');
  const files = JSON.parse(readFileSync(join(DIST, 'files.json'), 'utf8'));
  for (const f of ['province-targets.js', files['province_targets_bg.wasm'].path, files['targets.json'].path]) {
    if (!existsSync(join(DIST, f))) throw new Error(`dist/${f} missing: run make build first`);
  }
  const vendor = [
    ['chart.js/dist/chart.umd.min.js', 'chartjs/vendor/chart.umd.min.js'],
    ['uplot/dist/uPlot.iife.min.js', 'uplot/vendor/uPlot.iife.min.js'],
    ['uplot/dist/uPlot.min.css', 'uplot/vendor/uPlot.min.css']
  ];
  for (const [from, to] of vendor) {
    const src = join(BENCH, 'node_modules', from);
    if (!existsSync(src)) throw new Error(`${src} missing: run npm ci --prefix bench`);
    await mkdir(dirname(join(BENCH, to)), { recursive: true });
    await copyFile(src, join(BENCH, to));
  }
  await mkdir(join(BENCH, 'gen'), { recursive: true });
  const stress = Buffer.from(JSON.stringify(generate()));
  await writeFile(join(BENCH, 'gen', STRESS_FILE), stress);
  // Brotli 11 of 1.3 MB takes seconds: compressed here once, as make build does for dist/, not on a request.
  await writeFile(join(BENCH, 'gen', `${STRESS_FILE}.br`), brotli(stress));
  await prepareHero(DIST, join(BENCH, 'gen'));
}

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } });

/** The brotli copy written beside `file` (dist/ by make build, the stress dataset by prepare()), or a new one. */
async function brotliOf(file, raw, info) {
  try {
    if ((await stat(`${file}.br`)).mtimeMs >= info.mtimeMs) return await readFile(`${file}.br`);
  } catch {
    // no copy: compress it now
  }
  return brotli(raw);
}

function versionOf(pkg) {
  return JSON.parse(readFileSync(join(BENCH, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

// ---- a static server that answers as a CDN would, logging the bytes it sends ----------------------------
// Every response is brotli (quality 11) when the browser accepts it, else gzip -9, compressed once and cached;
// the log keeps both sizes. dist/ files get the headers of dist/_headers (the cache times a CDN would send);
// the peers' libraries a year's cache, as a versioned file on a CDN; the pages themselves no-cache.
// URL prefix -> folder. Everything else is refused.
const MOUNTS = [
  ['/dist/', DIST],
  ['/gen/', join(BENCH, 'gen')],
  ['/widget/', join(BENCH, 'widget')],
  ['/chartjs/', join(BENCH, 'chartjs')],
  ['/uplot/', join(BENCH, 'uplot')],
  ['/stress/', join(BENCH, 'stress')],
  ['/phone/', join(BENCH, 'phone')]
];

const DIST_RULES = existsSync(join(DIST, '_headers')) ? parseHeaders(readFileSync(join(DIST, '_headers'), 'utf8')) : [];
function cacheControlOf(path) {
  if (path.startsWith('/dist/')) return headersFor(DIST_RULES, path.slice('/dist'.length)).get('cache-control') ?? 'no-cache';
  if (/^\/(chartjs|uplot)\/vendor\//.test(path)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

export async function startServer() {
  const cache = new Map();
  const log = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const mount = MOUNTS.find(([prefix]) => path.startsWith(prefix));
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    res.setHeader('Cache-Control', cacheControlOf(path));
    if (!mount) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    let file = join(mount[1], path.slice(mount[0].length));
    if (!file.startsWith(mount[1])) return res.writeHead(403).end();
    if (file.endsWith(sep) || path.endsWith('/')) file = join(file, 'index.html');
    try {
      const info = await stat(file);
      const key = `${file}:${info.mtimeMs}:${info.size}`;
      let entry = cache.get(key);
      if (!entry) {
        const raw = await readFile(file);
        entry = {
          raw,
          gz: gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }),
          br: await brotliOf(file, raw, info)
        };
        cache.set(key, entry);
      }
      const accepts = req.headers['accept-encoding'] ?? '';
      const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      const body = encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gz : entry.raw;
      res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
      res.setHeader('Vary', 'Accept-Encoding');
      if (encoding) res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Length', body.length);
      res.writeHead(200);
      res.end(body);
      log.push({ path, raw: entry.raw.length, gz: entry.gz.length, br: entry.br.length, sent: body.length, encoding });
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    log,
    close: () => new Promise((ok) => {
      server.closeAllConnections?.();
      server.close(() => ok());
    })
  };
}

// ---- what runs inside every page before its own scripts -------------------------------------------------
// Records: layout shifts; when the chart's marks are in the DOM (widget: the first .pt-mark in the shadow root,
// seen by a MutationObserver that then disconnects; peers: their own performance.mark('chart-drawn') from a
// draw hook), and when that frame has been painted (requestAnimationFrame, then a task after the frame);
// for the widget, the mount() call itself: the loader sets lang on the new .pt-root just before calling
// mount() and data-state="ready" on the element right after it returns, both synchronous.
export function initScript() {
  const B = (window.__bench = {
    cls: 0, shifts: [], marksAt: null, paintedAt: null, draws: 0, lastDrawAt: null, mounts: []
  });
  const afterPaint = (done) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => done(performance.now());
    ch.port2.postMessage(0);
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      B.cls += e.value;
      B.shifts.push({
        value: e.value,
        at: e.startTime,
        nodes: (e.sources || []).map((s) => (s.node ? s.node.nodeName + (s.node.className ? '.' + s.node.className : '') : '?'))
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const first = () => {
    B.marksAt = performance.now();
    afterPaint((t) => (B.paintedAt = t));
  };
  const mark = performance.mark.bind(performance);
  performance.mark = function (name, options) {
    const entry = mark(name, options);
    if (name === 'chart-drawn') {
      B.draws++;
      B.lastDrawAt = performance.now();
      if (B.marksAt == null) first();
    }
    return entry;
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    const observer = new MutationObserver(() => {
      if (root.querySelector('.pt-mark')) {
        observer.disconnect();
        if (B.marksAt == null) first();
      }
    });
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };
  // The loader's read of a large dataset starts with its JSON.parse of the text; the time stamp marks it in a
  // trace too (the stress page's longest task while reading, see loadOnce).
  const parse = JSON.parse;
  JSON.parse = function (text, reviver) {
    if (typeof text === 'string' && text.length > 100000 && B.readStart == null) {
      B.readStart = performance.now();
      console.timeStamp('pt-read-start');
    }
    return parse.call(this, text, reviver);
  };
  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (name, value) {
    if (name === 'lang' && this.className === 'pt-root' && !this.isConnected) {
      B.mounts.push({ start: performance.now(), end: null });
    } else if (name === 'data-state' && value === 'ready' && B.mounts.length) {
      B.mounts[B.mounts.length - 1].end = performance.now();
    }
    return setAttribute.call(this, name, value);
  };
}

// ---- in-page helpers (run through page.evaluate) --------------------------------------------------------
export const PAGE_HELPERS = `
window.__toggleOf = () => {
  const host = document.querySelector('province-targets');
  return host
    ? host.shadowRoot.querySelector('.pt-toggle[data-province="${TOGGLE_PROVINCE.index}"]')
    : document.querySelector('#chart input[value="${TOGGLE_PROVINCE.id}"]');
};
window.__frame = () => new Promise((done) => requestAnimationFrame((rafAt) => {
  const at = performance.now();
  const ch = new MessageChannel();
  ch.port1.onmessage = () => done({ rafAt: at, paintedAt: performance.now() });
  ch.port2.postMessage(0);
}));
// One toggle, timed: dispatch -> handler, microtasks (uPlot draws in one) and a forced style/layout done
// ("work"); then the next frame: its rendering from the rAF callback to a task after it ("paint"), and the
// wall time from dispatch to after that frame, vsync wait included ("wall").
window.__timedToggle = async () => {
  const input = window.__toggleOf();
  const draws = window.__bench.draws;
  const t0 = performance.now();
  input.click();
  await new Promise((r) => queueMicrotask(r));
  document.body.offsetHeight;
  const t1 = performance.now();
  const f = await window.__frame();
  return { work: t1 - t0, paint: f.paintedAt - f.rafAt, wall: f.paintedAt - t0, redrew: window.__bench.draws - draws };
};
`;

export function median(xs) {
  const s = xs.filter((x) => x != null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export function quantile(xs, q) {
  const s = xs.filter((x) => x != null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
}
/**
 * The main thread's tasks from the loader's JSON.parse of the dataset (`readStart`, page clock, marked in the
 * trace by a time stamp) to the start of the first mount(): the read's wall time, its longest task (the task
 * the read starts in counts whole, the mount included when reading and mounting share it) and how many tasks
 * it took.
 */
function readTasks(events, readStart, mountAt) {
  const anchor = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'pt-read-start');
  if (!anchor || readStart == null || mountAt == null) return { readWall: null, readLongest: null, readTasks: null };
  const toPage = (ts) => ts / 1000 - (anchor.ts / 1000 - readStart);
  const tasks = mainThreadTasks(events.filter((e) => e.pid === anchor.pid && e.tid === anchor.tid))
    // Those ending after the read starts and before the mount starts, and the one the read starts in.
    .filter((t) => toPage(t.end) >= readStart && (toPage(t.end) <= mountAt || toPage(t.start) <= readStart));
  return {
    readWall: mountAt - readStart,
    readLongest: Math.max(0, ...tasks.map((t) => (t.end - t.start) / 1000)),
    readTasks: tasks.length
  };
}

/**
 * One thread's tasks ({start, end} in trace µs) as the Long Tasks API counts them: the scheduler's RunTask
 * and the microtask checkpoint that follows it (where promise continuations, such as the loader's slices,
 * run) are sibling events in the trace, so top-level events that follow each other without a gap are one task.
 */
export function mainThreadTasks(threadEvents) {
  const top = threadEvents.filter((e) => e.ph === 'X' && /(^|,)toplevel(,|$)/.test(e.cat)).sort((a, b) => a.ts - b.ts);
  const tasks = [];
  for (const e of top) {
    const last = tasks[tasks.length - 1];
    if (last && e.ts <= last.end + 50) last.end = Math.max(last.end, e.ts + e.dur);
    else tasks.push({ start: e.ts, end: e.ts + e.dur });
  }
  return tasks;
}

function stats(xs) {
  const s = xs.filter((x) => x != null && Number.isFinite(x));
  return { n: s.length, median: median(s), q1: quantile(s, 0.25), q3: quantile(s, 0.75), min: Math.min(...s), max: Math.max(...s) };
}

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters').catch(() => ({}));
  return { ...usage, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

// ---- one page load ---------------------------------------------------------------------------------------
async function loadOnce(browser, server, kind) {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(initScript);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const isWidget = kind === 'widget' || kind === 'stress';
  const from = server.log.length;
  // The stress page's main-thread tasks (devtools.timeline: tasks only, no sampling).
  if (kind === 'stress') await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  await page.goto(`${server.url}/${kind}/`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.paintedAt != null, null, { timeout: 30000 });
  const trace = kind === 'stress' ? JSON.parse((await browser.stopTracing()).toString()).traceEvents : null;
  // Anything that moves after the first paint (a re-render on resize, say) still counts as the embed loading.
  await page.waitForTimeout(500);
  await page.evaluate(PAGE_HELPERS);
  const load = await page.evaluate(async () => {
    const nav = performance.getEntriesByType('navigation')[0];
    const B = window.__bench;
    const resources = performance.getEntriesByType('resource').map((r) => ({
      name: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd, encoded: r.encodedBodySize
    }));
    const mount = B.mounts.find((m) => m.end != null) || null;
    return {
      responseStart: nav.responseStart,
      firstMarks: B.marksAt - nav.responseStart,
      firstPaint: B.paintedAt - nav.responseStart,
      cls: B.cls,
      shifts: B.shifts,
      mountStart: mount ? mount.start - nav.responseStart : null,
      mountMs: mount ? mount.end - mount.start : null,
      readStart: B.readStart,
      mountAt: mount ? mount.start : null,
      resources,
      isolated: self.crossOriginIsolated
    };
  });
  const requests = server.log.slice(from).filter((r) => !r.path.endsWith('/') && !r.path.endsWith('.html'));
  load.bytes = requests.reduce((n, r) => n + r.gz, 0);
  load.brBytes = requests.reduce((n, r) => n + r.br, 0);
  load.rawBytes = requests.reduce((n, r) => n + r.raw, 0);
  load.requests = requests;

  if (kind === 'stress') {
    Object.assign(load, readTasks(trace, load.readStart, load.mountAt));
    // Warm mounts: five more elements on the same page (module compiled, data cached by the loader).
    load.warmMounts = await page.evaluate(async (src) => {
      const times = [];
      for (let i = 0; i < 5; i++) {
        document.querySelectorAll('province-targets').forEach((el) => el.remove());
        const before = window.__bench.mounts.length;
        const el = document.createElement('province-targets');
        el.setAttribute('src', src);
        document.body.prepend(el);
        while (window.__bench.mounts.length === before || window.__bench.mounts[before].end == null) {
          await new Promise((r) => setTimeout(r, 5));
        }
        const m = window.__bench.mounts[before];
        times.push(m.end - m.start);
      }
      return times;
    }, `/gen/${STRESS_FILE}`);
    // Reading the dataset, which the loader does once per URL per page, before the first mount: the page's
    // JSON.parse, then read_data (serde-wasm-bindgen into the serde types, and validation), timed together
    // on the page's module (the glue is bundled into the loader), with the text already fetched.
    load.readMs = await page.evaluate(async (src) => {
      const mod = await window.ProvinceTargets.load();
      const text = await (await fetch(src)).text();
      const start = performance.now();
      const data = mod.read_data(JSON.parse(text));
      const ms = performance.now() - start;
      if (data.syntax_error('en')) throw new Error('the stress dataset did not read');
      return ms;
    }, `/gen/${STRESS_FILE}`);
  } else {
    const wasmBytes = async () => isWidget
      // The module's memory by what it is, not by its name: the build shortens export names (short-names.mjs).
      ? page.evaluate(async () => Object.values(await (await window.ProvinceTargets.load()).default())
        .find((value) => value instanceof WebAssembly.Memory).buffer.byteLength)
      : 0;
    load.memBefore = { ...(await heap(cdp)), wasm: await wasmBytes() };
    const updates = [];
    for (let i = 0; i < UPDATE_SAMPLES; i++) {
      updates.push(await page.evaluate(() => window.__timedToggle())); // off
      await page.evaluate(() => window.__timedToggle()); // on again
    }
    load.updates = updates;
    load.update = {
      work: median(updates.map((u) => u.work)),
      busy: median(updates.map((u) => u.work + u.paint)),
      wall: median(updates.map((u) => u.wall))
    };
    load.redrew = updates.every((u) => isWidget || u.redrew > 0);
    const rest = TOGGLES - 2 * UPDATE_SAMPLES;
    const t0 = Date.now();
    await page.evaluate(async (n) => {
      const input = window.__toggleOf();
      for (let i = 0; i < n; i++) {
        input.click();
        await new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = r; ch.port2.postMessage(0); });
      }
      await window.__frame();
      await window.__frame();
    }, rest);
    load.toggleLoopMs = Date.now() - t0;
    load.memAfter = { ...(await heap(cdp)), wasm: await wasmBytes() };
  }
  load.errors = errors;
  await ctx.close();
  return load;
}

// ---- formatting ------------------------------------------------------------------------------------------
const PAGES = [
  { kind: 'widget', name: 'widget' },
  { kind: 'chartjs', name: 'Chart.js' },
  { kind: 'uplot', name: 'uPlot' }
];
const WAIT_MS_NOTE = `${WAIT_MS / 1000} s on the first article`;
const kb = (b) => (b / 1024).toFixed(1) + ' KiB';
const ms = (x, d = 1) => (x == null ? 'n/a' : x.toFixed(d));
const spread = (s, d = 1) => `${ms(s.median, d)} (IQR ${ms(s.q1, d)}–${ms(s.q3, d)}, min–max ${ms(s.min, d)}–${ms(s.max, d)})`;
const pct = (x) => (x == null ? 'n/a' : (x >= 0 ? '+' : '') + x.toFixed(2) + ' %');

function summarise(samples) {
  const out = {};
  for (const { kind } of PAGES) {
    const runs = samples[kind];
    const memRatio = (pick) => runs.map((r) => (pick(r.memAfter) - pick(r.memBefore)) / pick(r.memBefore) * 100);
    out[kind] = {
      bytes: stats(runs.map((r) => r.bytes)),
      brBytes: stats(runs.map((r) => r.brBytes)),
      rawBytes: stats(runs.map((r) => r.rawBytes)),
      requests: runs[0].requests,
      firstPaint: stats(runs.map((r) => r.firstPaint)),
      firstMarks: stats(runs.map((r) => r.firstMarks)),
      updateWork: stats(runs.map((r) => r.update.work)),
      updateBusy: stats(runs.map((r) => r.update.busy)),
      updateWall: stats(runs.map((r) => r.update.wall)),
      cls: stats(runs.map((r) => r.cls)),
      heapBefore: stats(runs.map((r) => r.memBefore.usedSize)),
      heapAfter: stats(runs.map((r) => r.memAfter.usedSize)),
      wasmBefore: stats(runs.map((r) => r.memBefore.wasm)),
      wasmAfter: stats(runs.map((r) => r.memAfter.wasm)),
      embedderBefore: stats(runs.map((r) => r.memBefore.embedderHeapUsedSize)),
      embedderAfter: stats(runs.map((r) => r.memAfter.embedderHeapUsedSize)),
      nodesBefore: stats(runs.map((r) => r.memBefore.nodes)),
      nodesAfter: stats(runs.map((r) => r.memAfter.nodes)),
      memGrowth: stats(memRatio((m) => m.usedSize + m.wasm)),
      heapGrowth: stats(memRatio((m) => m.usedSize)),
      embedderGrowth: stats(memRatio((m) => m.embedderHeapUsedSize ?? NaN)),
      toggleLoopMs: stats(runs.map((r) => r.toggleLoopMs)),
      mountStart: stats(runs.map((r) => r.mountStart)),
      mountMs: stats(runs.map((r) => r.mountMs)),
      shifts: runs.find((r) => r.cls > 0)?.shifts ?? [],
      errors: [...new Set(runs.flatMap((r) => r.errors))],
      redrew: runs.every((r) => r.redrew)
    };
  }
  out.stress = summariseStress(samples.stress);
  out.phone = summarisePhone(samples.phone);
  out.second = Object.fromEntries(PAGES.map(({ kind }) => {
    const runs = samples.second?.[kind] ?? [];
    return [kind, {
      first: stats(runs.map((r) => r.first)),
      second: stats(runs.map((r) => r.second)),
      requests: [...new Set(runs.flatMap((r) => r.secondRequests))].sort(),
      wasm: runs.map((r) => r.wasm).filter(Boolean)
    }];
  }));
  out.lighthouse = Object.fromEntries(PAGES.map(({ kind }) => {
    const runs = samples.lighthouse?.[kind] ?? [];
    const figure = (name) => stats(runs.map((r) => r[name]));
    return [kind, {
      n: runs.length,
      fcp: figure('fcp'), lcp: figure('lcp'), speedIndex: figure('speedIndex'), tbt: figure('tbt'),
      cls: figure('cls'), accessibility: figure('accessibility'), version: runs[0]?.lighthouse ?? null
    }];
  }));
  return out;
}

/** Lighthouse's mobile preset, medians per page, and the widget's ratio to each peer. */
function lighthouseTable(S) {
  const L = S.lighthouse;
  if (!L.widget.n) return 'Lighthouse was not run (--lighthouse 0).';
  const r = (a, b) => (a == null || !b ? 'n/a' : (a / b).toFixed(2) + '×');
  const rows = [
    ['first contentful paint (ms)', 'fcp', 0], ['largest contentful paint (ms)', 'lcp', 0],
    ['speed index (ms)', 'speedIndex', 0], ['total blocking time (ms)', 'tbt', 0],
    ['cumulative layout shift', 'cls', 4], ['accessibility score', 'accessibility', 2]
  ];
  const lines = [`| Lighthouse ${L.widget.version}, mobile preset (median of ${L.widget.n}) | ${PAGES.map((p) => p.name).join(' | ')} | widget ÷ Chart.js | widget ÷ uPlot |`,
    '| --- | --- | --- | --- | --- | --- |'];
  for (const [label, key, d] of rows) {
    const m = (kind) => L[kind][key].median;
    const ratio = key === 'accessibility' || key === 'cls' ? ['—', '—'] : [r(m('widget'), m('chartjs')), r(m('widget'), m('uplot'))];
    lines.push(`| ${label} | ${PAGES.map((p) => ms(m(p.kind), d)).join(' | ')} | ${ratio.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The second article: time to chart with the cache warm from a first, against the first. */
function secondArticleTable(S) {
  const A = S.second;
  if (!A.widget.first.n) return 'Not measured in this run.';
  const lines = [`| a second article (median of ${A.widget.first.n}) | ${PAGES.map((p) => p.name).join(' | ')} |`, `| --- |${PAGES.map(() => ' --- |').join('')}`];
  lines.push(`| first article: responseStart → chart painted (ms) | ${PAGES.map((p) => ms(A[p.kind].first.median)).join(' | ')} |`);
  lines.push(`| second article, cache warm (ms) | ${PAGES.map((p) => ms(A[p.kind].second.median)).join(' | ')} |`);
  lines.push(`| second ÷ first | ${PAGES.map((p) => (A[p.kind].first.median ? (A[p.kind].second.median / A[p.kind].first.median).toFixed(2) + '×' : 'n/a')).join(' | ')} |`);
  lines.push(`| requests the second article still sends (besides its page) | ${PAGES.map((p) => (A[p.kind].requests.length ? A[p.kind].requests.map((x) => `\`${x}\``).join(', ') : 'none')).join(' | ')} |`);
  return lines.join('\n');
}

/** What V8's trace says about the widget's module on the first and the second article. */
function wasmCacheLines(S) {
  const runs = S.second.widget.wasm;
  if (!runs.length) return '';
  const count = (which, name) => runs.filter((r) => r[which][name] > 0).length;
  return [
    `- first article: the module is compiled by streaming (\`wasm.StartStreamingCompilation\` in ${count('first', 'wasm.StartStreamingCompilation')} of ${runs.length} runs)` +
      ` and written to Chromium's code cache (\`wasm.SerializeModule\`) in ${count('first', 'wasm.SerializeModule')} of ${runs.length}, within ${WAIT_MS_NOTE}`,
    `- second article: taken from V8's in-memory module cache (\`wasm.GetNativeModuleFromCache\`) in ${count('second', 'wasm.GetNativeModuleFromCache')} of ${runs.length},` +
      ` read from the code cache (\`wasm.Deserialize*\`) in ${Math.max(count('second', 'wasm.Deserialize'), count('second', 'wasm.DeserializeNativeModule'))} of ${runs.length},` +
      ` functions compiled lazily again: median ${median(runs.map((r) => r.second['wasm.CompileLazy']))} (first article: ${median(runs.map((r) => r.first['wasm.CompileLazy']))})`
  ].join('\n');
}

function mainTable(S) {
  const rows = [
    ['downloaded, gzip -9 (bytes)', (s) => `${s.bytes.median} B = ${kb(s.bytes.median)}`],
    ['downloaded, brotli 11 as a CDN serves it (bytes)', (s) => `${s.brBytes.median} B = ${kb(s.brBytes.median)}`],
    ['requests the chart needs', (s) => String(s.requests.length)],
    ['first render: responseStart → marks painted (ms)', (s) => spread(s.firstPaint)],
    ['update after turning a province off: work (ms)', (s) => spread(s.updateWork, 2)],
    ['update: work + next frame’s rendering (ms)', (s) => spread(s.updateBusy, 2)],
    ['update: dispatch → after next frame, wall (ms)', (s) => spread(s.updateWall, 2)],
    ['JS heap after first render (used, after GC)', (s) => kb(s.heapBefore.median)],
    [`JS heap after ${TOGGLES} toggles (used, after GC)`, (s) => kb(s.heapAfter.median)],
    ['WebAssembly memory before → after', (s) => (s.wasmBefore.median ? `${kb(s.wasmBefore.median)} → ${kb(s.wasmAfter.median)}` : '—')],
    ['memory growth, JS heap + wasm', (s) => `${pct(s.memGrowth.median)} (min–max ${pct(s.memGrowth.min)}–${pct(s.memGrowth.max)})`],
    ['memory growth, JS heap alone', (s) => `${pct(s.heapGrowth.median)} (min–max ${pct(s.heapGrowth.min)}–${pct(s.heapGrowth.max)})`],
    ['memory growth, Blink’s DOM heap (embedderHeapUsedSize)', (s) => `${pct(s.embedderGrowth.median)} (${kb(s.embedderBefore.median)} → ${kb(s.embedderAfter.median)})`],
    ['DOM nodes before → after (whole page)', (s) => `${s.nodesBefore.median} → ${s.nodesAfter.median}`],
    ['widget: responseStart → mount() starts (module + data ready) (ms)', (s) => (s.mountStart.n ? spread(s.mountStart) : '—')],
    ['widget: the mount() call (ms)', (s) => (s.mountMs.n ? spread(s.mountMs) : '—')],
    ['cumulative layout shift while loading', (s) => `${s.cls.median.toFixed(4)} (max ${s.cls.max.toFixed(4)})`]
  ];
  const lines = [`| measure (median, ${RUNS} loads each) | ${PAGES.map((p) => p.name).join(' | ')} |`, `| --- |${PAGES.map(() => ' --- |').join('')}`];
  for (const [label, fn] of rows) lines.push(`| ${label} | ${PAGES.map((p) => fn(S[p.kind])).join(' | ')} |`);
  return lines.join('\n');
}

function ratioTable(S) {
  const w = S.widget;
  const r = (a, b) => (a == null || b == null || b === 0 ? 'n/a' : (a / b).toFixed(2) + '×');
  const lines = ['| widget ÷ peer (medians) | Chart.js | uPlot |', '| --- | --- | --- |'];
  const add = (label, pick) => lines.push(`| ${label} | ${r(pick(w), pick(S.chartjs))} | ${r(pick(w), pick(S.uplot))} |`);
  add('bytes downloaded (gzip)', (s) => s.bytes.median);
  add('bytes downloaded (brotli)', (s) => s.brBytes.median);
  add('first render', (s) => s.firstPaint.median);
  add('update: work', (s) => s.updateWork.median);
  add('update: work + next frame’s rendering', (s) => s.updateBusy.median);
  add('update: wall to next frame', (s) => s.updateWall.median);
  add('JS heap after first render', (s) => s.heapBefore.median);
  add('JS heap + wasm after first render', (s) => s.heapBefore.median + s.wasmBefore.median);
  return lines.join('\n');
}

// Issue 17's goals, each against the figures of this run (medians; ratios side by side).
function goals(S) {
  const w = S.widget;
  const c = S.chartjs;
  const u = S.uplot;
  const met = (ok) => (ok ? '**met**' : '**not met**');
  const g = [];
  g.push(['Bytes: everything one embed downloads, gzip, less than the Chart.js page', met(w.bytes.median < c.bytes.median),
    `${w.bytes.median} B vs ${c.bytes.median} B (${(w.bytes.median - c.bytes.median)} B over)`]);
  g.push(['… and brotli, as a CDN serves it', met(w.brBytes.median < c.brBytes.median),
    `${w.brBytes.median} B vs ${c.brBytes.median} B (${(w.brBytes.median - c.brBytes.median)} B over)`]);
  g.push(['Moonshot: fewer bytes than the uPlot page (brotli)', met(w.brBytes.median < u.brBytes.median),
    `${w.brBytes.median} B vs ${u.brBytes.median} B`]);
  g.push(['Update after a province toggle: under 2 ms of our own work', met(w.updateWork.median < 2), `${ms(w.updateWork.median, 2)} ms`]);
  g.push(['… less main-thread work than both peers (work)', met(w.updateWork.median < c.updateWork.median && w.updateWork.median < u.updateWork.median),
    `Chart.js ${ms(c.updateWork.median, 2)} ms, uPlot ${ms(u.updateWork.median, 2)} ms`]);
  g.push(['… and with the next frame’s rendering', met(w.updateBusy.median < c.updateBusy.median && w.updateBusy.median < u.updateBusy.median),
    `${ms(w.updateBusy.median, 2)} ms vs Chart.js ${ms(c.updateBusy.median, 2)} ms, uPlot ${ms(u.updateBusy.median, 2)} ms`]);
  g.push(['First render ahead of both peers', met(w.firstPaint.median < c.firstPaint.median && w.firstPaint.median < u.firstPaint.median),
    `${ms(w.firstPaint.median)} ms vs Chart.js ${ms(c.firstPaint.median)} ms, uPlot ${ms(u.firstPaint.median)} ms`]);
  const L = S.lighthouse;
  if (L?.widget?.n) {
    for (const [label, key] of [['first contentful paint', 'fcp'], ['largest contentful paint', 'lcp'], ['speed index', 'speedIndex'],
      ['total blocking time', 'tbt'], ['layout shift', 'cls']]) {
      const m = (kind) => L[kind][key].median;
      g.push([`Lighthouse mobile: ${label} at least as good as both peers`, met(m('widget') <= m('chartjs') && m('widget') <= m('uplot')),
        `${ms(m('widget'), key === 'cls' ? 4 : 0)} vs Chart.js ${ms(m('chartjs'), key === 'cls' ? 4 : 0)}, uPlot ${ms(m('uplot'), key === 'cls' ? 4 : 0)}`]);
    }
    g.push(['Lighthouse mobile: accessibility 1.00', met(L.widget.accessibility.median >= 1), ms(L.widget.accessibility.median, 2)]);
  }
  g.push(['Stress 34×40×3: first view mounts within one frame (16 ms), cold', met(S.stress.mountMs.median < 16),
    `${ms(S.stress.mountMs.median)} ms (warm ${ms(S.stress.warmMount.median)} ms)`]);
  g.push(['Stress: no task over 50 ms while the dataset is read', met(S.stress.readLongest.median <= 50),
    `longest ${ms(S.stress.readLongest.median)} ms (max ${ms(S.stress.readLongest.max)} ms) in ${ms(S.stress.readTasks.median, 0)} tasks`]);
  const A = S.second;
  if (A?.widget?.first?.n) {
    g.push(['A second article shows the chart sooner than the first', met(A.widget.second.median < A.widget.first.median),
      `${ms(A.widget.second.median)} ms vs ${ms(A.widget.first.median)} ms`]);
  }
  g.push(...phoneGoals(S));
  g.push(['Zero layout shift', met(w.cls.max === 0), `median ${w.cls.median.toFixed(4)}, max ${w.cls.max.toFixed(4)}`]);
  g.push(['Memory flat over 1,000 toggles (JS heap + wasm within 5 %)', met(w.memGrowth.median < 5), `${pct(w.memGrowth.median)}`]);
  return ['| goal (issue 17) | status | measured |', '| --- | --- | --- |', ...g.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function requestTable(S) {
  const lines = ['| page | request | raw | gzip -9 | brotli 11 (sent) |', '| --- | --- | --- | --- | --- |'];
  for (const { kind, name } of PAGES) {
    for (const r of S[kind].requests) lines.push(`| ${name} | \`${r.path}\` | ${r.raw} B | ${r.gz} B | ${r.br} B |`);
    lines.push(`| ${name} | **total** | ${S[kind].rawBytes.median} B | **${S[kind].bytes.median} B** | **${S[kind].brBytes.median} B** |`);
  }
  return lines.join('\n');
}

/** Median start and end of each request of a page, from Resource Timing (ms after responseStart). */
function waterfall(runs, name) {
  const names = [...new Set(runs.flatMap((r) => r.resources.map((x) => x.name)))].filter((n) => n !== '/favicon.ico');
  const lines = [`| ${name}: request | starts (ms) | ends (ms) |`, '| --- | --- | --- |'];
  for (const n of names) {
    const pick = (f) => median(runs.map((r) => r.resources.find((x) => x.name === n)).filter(Boolean).map((x) => f(x) - r0(runs, x)));
    lines.push(`| \`${n}\` | ${ms(pick((x) => x.start))} | ${ms(pick((x) => x.end))} |`);
  }
  const first = median(runs.map((r) => r.firstPaint));
  if (runs[0].mountStart != null) {
    lines.push(`| mount() starts | ${ms(median(runs.map((r) => r.mountStart)))} | ${ms(median(runs.map((r) => r.mountStart + r.mountMs)))} |`);
  }
  lines.push(`| marks painted | | ${ms(first)} |`);
  return lines.join('\n');
}
// Resource times are relative to the time origin; report them after the document's responseStart instead.
function r0(runs, entry) {
  const run = runs.find((r) => r.resources.includes(entry));
  return run ? run.responseStart : 0;
}

function machine(browserVersion) {
  const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [])[1] ?? cpus()[0]?.model ?? '?';
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync('nproc').toString().trim();
  } catch {}
  return {
    nproc,
    cpu,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    chromium: browserVersion,
    node: process.version,
    date: new Date().toISOString()
  };
}

// ---- main ------------------------------------------------------------------------------------------------
/** The stress page's table (Markdown). */
function stressTable(S) {
  return [
    `| measure (median, ${RUNS} loads) | value |`,
    '| --- | --- |',
    `| mount() call, cold (first element on the page; after the loader's warm-up task, which the read below includes) | ${spread(S.stress.mountMs)} ms |`,
    `| mount() call, warm (5 more elements per load, same page) | ${spread(S.stress.warmMount)} ms |`,
    `| JSON.parse + read_data() (serde-wasm-bindgen + validate) of the 1.3 MB text in one call, once per URL per page, before the first mount | ${spread(S.stress.readMs)} ms |`,
    `| the loader's read, from its JSON.parse of the text to mount() (wall: slices, validation, warm-up and yields) | ${spread(S.stress.readWall)} ms |`,
    `| … the longest main-thread task in it (the task it starts in counts whole, with the mount if it holds it) | ${spread(S.stress.readLongest)} ms |`,
    `| … main-thread tasks in it | ${spread(S.stress.readTasks, 0)} |`,
    `| responseStart → module and data ready (mount starts) | ${spread(S.stress.mountStart)} ms |`,
    `| responseStart → first marks painted | ${spread(S.stress.firstPaint)} ms |`,
    `| downloaded, gzip | ${S.stress.bytes.median} B = ${kb(S.stress.bytes.median)} |`,
    `| cumulative layout shift | ${S.stress.cls.median.toFixed(4)} (max ${S.stress.cls.max.toFixed(4)}) |`
  ].join('\n');
}

/** The stress page's figures over its loads. */
function summariseStress(st) {
  return {
    firstPaint: stats(st.map((r) => r.firstPaint)),
    mountStart: stats(st.map((r) => r.mountStart)),
    mountMs: stats(st.map((r) => r.mountMs)),
    warmMount: stats(st.flatMap((r) => r.warmMounts)),
    readMs: stats(st.map((r) => r.readMs)),
    readWall: stats(st.map((r) => r.readWall)),
    readLongest: stats(st.map((r) => r.readLongest)),
    readTasks: stats(st.map((r) => r.readTasks)),
    bytes: stats(st.map((r) => r.bytes)),
    brBytes: stats(st.map((r) => r.brBytes)),
    cls: stats(st.map((r) => r.cls)),
    errors: [...new Set(st.flatMap((r) => r.errors))]
  };
}

/** --stress-only: the stress table, printed. */
function stressOnly(stress) {
  const S = { stress };
  console.log(`Widget on the 34×40×3 dataset (${DIST}):\n` + stressTable(S));
  for (const e of stress.errors) console.log(`page error: ${e}`);
}

async function main() {
  const from = flag('--from-json', null);
  if (from) {
    // Re-render the report from a saved run (e.g. after editing bench/NOTES.md), measuring nothing.
    const saved = JSON.parse(await readFile(resolve(from), 'utf8'));
    RUNS = saved.runs;
    TOGGLES = saved.toggles;
    LIGHTHOUSE_RUNS = saved.summary.lighthouse?.widget?.n ?? 0;
    return output(saved.machine, saved.summary, saved.samples);
  }
  await prepare();
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const samples = { widget: [], chartjs: [], uplot: [], stress: [] };
  const order = STRESS_ONLY ? ['stress'] : ['widget', 'chartjs', 'uplot', 'stress'];
  try {
    // One unmeasured load of each first, so the OS file cache and the browser process are warm for all alike.
    for (const kind of order) await loadOnce(browser, server, kind);
    for (let i = 0; i < RUNS; i++) {
      const round = order.map((_, j) => order[(i + j) % order.length]); // A B C D, B C D A, ...
      for (const kind of round) samples[kind].push(await loadOnce(browser, server, kind));
      process.stderr.write(`\rbench: round ${i + 1}/${RUNS}`);
    }
    process.stderr.write('\n');
    if (STRESS_ONLY) return stressOnly(summariseStress(samples.stress));
    // The phone profile, every page once a round, rotated like the loads above.
    samples.phone = Object.fromEntries(PHONE_PAGES.map(([kind]) => [kind, []]));
    for (let i = 0; i < RUNS; i++) {
      const kinds = PHONE_PAGES.map(([kind]) => kind);
      for (const kind of kinds.map((_, j) => kinds[(i + j) % kinds.length])) {
        samples.phone[kind].push(await phoneLoad(browser, server, kind, initScript));
      }
      process.stderr.write(`\rbench: phone profile ${i + 1}/${RUNS}`);
    }
    process.stderr.write('\n');
    samples.second = Object.fromEntries(PAGES.map(({ kind }) => [kind, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const { kind } of PAGES) {
        samples.second[kind].push(await secondArticle(chromium, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS },
          server, kind, { viewport: VIEWPORT, initScript }));
      }
      process.stderr.write(`\rbench: second article ${i + 1}/${RUNS}`);
    }
    process.stderr.write('\n');
    // Lighthouse launches its own Chromium (chrome-launcher), one page at a time, after the rest.
    samples.lighthouse = Object.fromEntries(PAGES.map(({ kind }) => [kind, []]));
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
      for (const { kind } of PAGES) samples.lighthouse[kind].push(await lighthouseRun(`${server.url}/${kind}/`));
      process.stderr.write(`\rbench: Lighthouse ${i + 1}/${LIGHTHOUSE_RUNS}`);
    }
    process.stderr.write('\n');
  } finally {
    var version = browser.version();
    await browser.close();
    await server.close();
  }
  const S = summarise(samples);
  const M = machine(version);
  await mkdir(dirname(JSON_OUT), { recursive: true });
  await writeFile(JSON_OUT, JSON.stringify({ machine: M, runs: RUNS, toggles: TOGGLES, summary: S, samples }, null, 1));
  await output(M, S, samples);
}

async function output(M, S, samples) {

  const table = mainTable(S);
  const stressLines = stressTable(S);
  console.log(`\nMachine: ${M.nproc} cores, ${M.cpu}, ${M.memory}; ${M.chromium}; node ${M.node}; ${M.date}\n`);
  console.log(table + '\n');
  console.log(ratioTable(S) + '\n');
  console.log('Widget on the 34×40×3 dataset:\n' + stressLines + '\n');
  console.log(phoneTable(S) + '\n');
  console.log(lighthouseTable(S) + '\n');
  console.log(secondArticleTable(S) + '\n' + wasmCacheLines(S) + '\n');
  console.log(goals(S) + '\n');
  for (const [kind, s] of Object.entries(S)) if (s.errors?.length) console.log(`page errors on ${kind}: ${s.errors.join(' | ')}`);
  if (WRITE) {
    await writeFile(OUT, report({ M, S, table, stressLines, samples }));
    console.log(`bench: wrote ${OUT}`);
  }
}

/** bench/NOTES.md (observations written by hand), copied into the report as it is. */
function notes() {
  const file = join(BENCH, 'NOTES.md');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
}

function summarisePhone(phone) {
  if (!phone) return null;
  return Object.fromEntries(Object.entries(phone).map(([kind, runs]) => [kind, {
    n: runs.length,
    drawn: stats(runs.map((r) => r.drawn)),
    works: stats(runs.map((r) => r.works)),
    br: stats(runs.map((r) => r.br)),
    gz: stats(runs.map((r) => r.gz)),
    lcp: stats(runs.map((r) => r.lcp)),
    cls: stats(runs.map((r) => r.cls)),
    scrolledToChart: stats(runs.map((r) => r.scrolledToChart)),
    requestedBeforeScroll: [...new Set(runs.flatMap((r) => r.requestedBeforeScroll ?? []))].sort(),
    errors: [...new Set(runs.flatMap((r) => r.errors))]
  }]));
}

/** The phone profile's table: our three embeds against the peers, and the article around a chart far down. */
function phoneTable(S) {
  const P = S.phone;
  if (!P || !P.widget?.n) return 'The phone profile was not run.';
  const kinds = ['widget', 'story', 'chartjs', 'uplot'];
  const names = { widget: 'default embed', story: 'story embed', chartjs: 'Chart.js page', uplot: 'uPlot page' };
  const row = (label, f) => `| ${label} | ${kinds.map((k) => f(P[k])).join(' | ')} |`;
  const lines = [
    `| phone profile, median of ${P.widget.n} (ms after navigation) | ${kinds.map((k) => names[k]).join(' | ')} |`,
    `| --- |${kinds.map(() => ' --- |').join('')}`,
    row('chart painted', (p) => ms(p.drawn.median, 0)),
    row('… ÷ the uPlot page', (p) => (p.drawn.median / P.uplot.drawn.median).toFixed(2) + '×'),
    row('a tap on a province filter, made then, painted', (p) => ms(p.works.median, 0)),
    row('bytes until then, brotli', (p) => kb(p.br.median)),
    row('bytes until then, gzip', (p) => kb(p.gz.median)),
    row('layout shift before the tap', (p) => ms(p.cls.max, 4) + ' (max)')
  ];
  const b = P.below;
  const a = P.article;
  const article = [
    '',
    `| the article, hero image and text, median of ${b.n} | with the chart three screens down | without the chart |`,
    '| --- | --- | --- |',
    `| largest contentful paint (ms) | ${ms(b.lcp.median, 0)} | ${ms(a.lcp.median, 0)} |`,
    `| layout shift | ${ms(b.cls.max, 4)} (max) | ${ms(a.cls.max, 4)} (max) |`,
    `| requested before the reader scrolls (besides the page and the hero) | ${b.requestedBeforeScroll.filter((x) => !/hero/.test(x)).map((x) => `\`${x}\``).join(', ') || 'nothing'} | |`,
    `| from the reader scrolling to the chart until it is painted (ms) | ${ms(b.scrolledToChart.median, 0)} | |`
  ];
  return lines.concat(article).join('\n');
}

function phoneGoals(S) {
  const P = S.phone;
  if (!P || !P.widget?.n) return [];
  const met = (ok) => (ok ? '**met**' : '**not met**');
  const r = (k) => P[k].drawn.median / P.uplot.drawn.median;
  const g = [];
  for (const k of ['widget', 'story']) {
    g.push([`Phone: chart painted, ${k === 'widget' ? 'default' : 'story'} embed, ≤ 0.75× the uPlot page (moonshot 0.6×)`,
      met(r(k) <= 0.75), `${r(k).toFixed(2)}× (${ms(P[k].drawn.median, 0)} vs ${ms(P.uplot.drawn.median, 0)} ms)`]);
  }
  g.push(['Phone: a province filter works before the Chart.js page (moonshot: before uPlot)', met(P.widget.works.median < P.chartjs.works.median),
    `${ms(P.widget.works.median, 0)} ms vs Chart.js ${ms(P.chartjs.works.median, 0)}, uPlot ${ms(P.uplot.works.median, 0)}`]);
  g.push(['Phone: bytes of an embed below the Chart.js page, brotli and gzip (moonshot: below uPlot)',
    met(P.widget.br.median < P.chartjs.br.median && P.widget.gz.median < P.chartjs.gz.median),
    `brotli ${kb(P.widget.br.median)} vs ${kb(P.chartjs.br.median)} (uPlot ${kb(P.uplot.br.median)}); gzip ${kb(P.widget.gz.median)} vs ${kb(P.chartjs.gz.median)}`]);
  const lcpRatio = P.below.lcp.median / P.article.lcp.median;
  g.push(['Phone: the article’s LCP with the chart three screens down within 5 % of the page without it, layout shift 0',
    met(lcpRatio <= 1.05 && P.below.cls.max === 0), `${((lcpRatio - 1) * 100).toFixed(1)} % (${ms(P.below.lcp.median, 0)} vs ${ms(P.article.lcp.median, 0)} ms), shift ${ms(P.below.cls.max, 4)}`]);
  return g;
}

function report({ M, S, table, stressLines, samples }) {
  const w = S.widget;
  const shiftNote = w.shifts.length
    ? `Shifts seen on the widget page (one load): ${w.shifts.map((s) => `${s.value.toFixed(4)} at ${s.at.toFixed(0)} ms (${s.nodes.join(', ')})`).join('; ')}.`
    : 'No layout shift was recorded on the widget page in any load.';
  return `# Benchmarks: the widget against Chart.js and uPlot

Issues 5 and 17: the widget against Chart.js and uPlot doing the same job with the same data file, measured
side by side; the goals of issue 17 and where each stands are at the end of the results.
Generated by \`make bench\` (\`node bench/run.mjs --runs ${RUNS}\`); the numbers below are from one run.

## Machine

| | |
| --- | --- |
| date | ${M.date} |
| cores (nproc) | ${M.nproc} |
| CPU | ${M.cpu} |
| memory | ${M.memory} |
| browser | ${M.chromium} (Debian's /usr/bin/chromium, headless, \`--disable-gpu\`), driven by playwright-core |
| node | ${M.node} |
| peers | chart.js ${versionOf('chart.js')} (\`chart.umd.min.js\`), uplot ${versionOf('uplot')} (\`uPlot.iife.min.js\` + \`uPlot.min.css\`) |

The machine is shared with other work (builds and tests may run at the same time), which is why the pages
are loaded alternately (widget, Chart.js, uPlot, stress; then rotated) and why spreads are given.

## Results

${table}

### Ratios (widget ÷ peer; below 1 means the widget is smaller or faster)

${ratioTable(S)}

### Widget on the generated 34 provinces × 40 indicators × 3 years dataset (4,080 targets)

${stressLines}

### When each request starts and ends (medians, ms after the document's responseStart)

${waterfall(samples.widget, 'widget')}

${waterfall(samples.chartjs, 'Chart.js')}

${waterfall(samples.uplot, 'uPlot')}

### The phone profile (${PHONE.latencyMs} ms round trip, ${PHONE.downKbps / 1024} Mbps down, ${PHONE.upKbps} kbps up, CPU ${PHONE.cpuSlowdown}× slower, ${PHONE.viewport.width} × ${PHONE.viewport.height} touch screen, cold cache, brotli)

${phoneTable(S)}

### Lighthouse, mobile preset (simulated slow 4G, 4× CPU slowdown)

${lighthouseTable(S)}

### A second article (the browser cache warm from a first)

${secondArticleTable(S)}

Where the widget stands on Chromium's WebAssembly code cache (modules over 128 KB, compiled by streaming
from a response with \`Content-Type: application/wasm\`, cached under its URL):
- the module is ${S.widget.requests.find((r) => r.path.endsWith('.wasm'))?.raw ?? '?'} B raw (the threshold is 131,072 B), served as \`application/wasm\`
  under a content-hashed URL that stays the same until the module changes, cached for a year (\`immutable\`)
${wasmCacheLines(S)}

### What each page downloads (gzip -9 and brotli 11; brotli is what was sent)

${requestTable(S)}

## Goals

${goals(S)}

## What is measured, and how

- **Pages.** \`bench/widget/index.html\` holds only the loader's script tag (plus one paragraph after it, the
  same in all three pages, so that a layout shift of the host page can show); \`bench/chartjs/\` and
  \`bench/uplot/\` draw the same comparison as the widget's default view (indicator
  \`digital-economy-share-grdp\`, all five provinces, all years, one row per province, a point per target
  year coloured by year, the Bình Định 2030 range as a bar) from the same \`/dist/targets.json\`, with a
  checkbox per province, in about 60 lines each. The libraries are the minified files from npm
  (\`bench/package-lock.json\`), copied next to the pages by \`bench/run.mjs\`. Chart.js is loaded as its whole
  UMD bundle: a site using a bundler with tree-shaking could ship less of it. The peers draw a bare chart;
  the widget also builds its controls, value labels, a summary sentence, the source footer, and (when
  asked) the data table and the CSV.
- **Server.** A static server inside \`bench/run.mjs\` on 127.0.0.1 sends every response brotli 11
  (Chromium accepts it on loopback), as a CDN would, and counts gzip -9 and brotli sizes; the page's own
  HTML is excluded, every other request counts. dist/ files get the Cache-Control of \`dist/_headers\`, the
  peers' libraries a year, the pages \`no-cache\`. Headers
  \`Cross-Origin-Opener-Policy\`/\`-Embedder-Policy\` make the pages cross-origin isolated so that
  \`performance.now()\` has 5 µs resolution; a new browser context per load makes every load cold.
- **Lighthouse.** \`bench/lighthouse.mjs\`: the \`lighthouse\` package's default (mobile) preset on each
  page in Debian's Chromium (chrome-launcher, \`--headless --no-sandbox --disable-gpu --disable-dev-shm-usage\`),
  categories performance and accessibility, one page after the other, medians.
- **A second article.** \`bench/second-article.mjs\`: in a new Chromium with a fresh profile on disk (an
  incognito context keeps no code cache, a reader's browser does), a first article (the page with
  \`?article=1\`), ${WAIT_MS_NOTE.replace('on the first article', 'of reading')}, then a second article in a new tab (\`?article=2\`); each timed from its
  \`responseStart\` to the chart painted, as above. The widget's tabs are traced (category \`v8.wasm\`).
- **First render.** From the document's \`responseStart\` to the frame after the chart's marks exist: for
  the widget a MutationObserver (installed by an init script on the shadow root as it is attached, and
  disconnected as soon as a \`.pt-mark\` exists), for the peers their own draw hook (Chart.js plugin
  \`afterRender\`, uPlot hook \`draw\`) calling \`performance.mark('chart-drawn')\`; then
  \`requestAnimationFrame\` and a task posted from it, i.e. after that frame was painted.
- **Update.** The Bình Định toggle (widget: its \`.pt-toggle\` button; peers: its checkbox) is clicked from
  script, ${UPDATE_SAMPLES} times off (each followed by on again) per load; per load the median of the turn-offs.
  *work*: from \`click()\` to the handler having returned, the microtask queue drained (uPlot draws in a
  microtask) and a forced style and layout (\`document.body.offsetHeight\`). *work + next frame’s rendering*
  adds the main-thread time of the next frame (from its rAF callback to a task after it), leaving out the
  idle wait for the next vsync; this is the figure held against the 2 ms goal. *wall* is dispatch to after
  the next frame, vsync wait included (up to 16.7 ms at 60 Hz, so it says little below that).
- **Memory.** \`HeapProfiler.collectGarbage\` (twice) then \`Runtime.getHeapUsage\` (usedSize: V8's heap)
  over CDP, after the first render and again after ${TOGGLES} toggles of the same province (an even number, so
  the view is the same; the ${2 * UPDATE_SAMPLES} timed ones included, each toggle in its own task). For the widget the
  WebAssembly memory is read as the \`WebAssembly.Memory\` among \`(await (await ProvinceTargets.load()).default())\`'s exports:
  wasm-bindgen's init returns the instance's exports when already initialised, and \`load()\` hands back the
  loader's own glue, so it is the live instance. A wasm memory never shrinks, so this is its high-water mark,
  not what the allocator has in use. DOM node counts are \`Memory.getDOMCounters\` for the whole page
  (they include nodes waiting for Blink's garbage collector).
- **Layout shift.** A \`PerformanceObserver\` for \`layout-shift\` (buffered) from before the page's first
  script, summed (entries without recent input) until 500 ms after the first render. ${shiftNote}
- **Stress.** \`bench/gen-stress.mjs\` writes a valid dataset (checked with \`province-targets check\`): the 34
  provincial-level units, 40 indicators across all units, 3 target years, fixed-seed values, 1.3 MB of JSON.
  \`bench/stress/index.html\` embeds it with \`data-src\`. The mount() call is timed without touching the
  loader: an init script wraps \`Element.prototype.setAttribute\` and notes the time when the loader sets
  \`lang\` on the new, still detached \`.pt-root\` (the statement before \`mount()\`), and when it sets
  \`data-state="ready"\` (the statement after). *cold* is the first element of the page; *warm* five more
  elements created one after the other on the same page (module compiled, data already read). A dataset
  this large is read by the loader a slice of records per task, then validated, then its first view drawn
  once into nothing (\`Data.warm_up\`: the browser compiles the drawing code there, not in the frame that
  shows the chart), each in a task of its own, before the first mount: the *loader's read* rows time that
  whole stretch (wall) from a trace of the main thread (\`devtools.timeline\`, \`toplevel\`), with its
  longest task (a scheduler task and the microtask checkpoint after it count as one, as the Long Tasks API
  counts them). \`read_data\` in one call (parse and validate) is also timed on its own, after the load, on
  the page's module, with the text already fetched.

${notes()}

## Reproduce

\`\`\`
make bench                          # make build, npm ci --prefix bench if needed, node bench/run.mjs
node bench/run.mjs --runs 5 --no-write   # a quicker look, printed only
node bench/run.mjs --from-json bench/gen/results.json   # rewrite this file from the last run's samples
\`\`\`
Raw samples of the last run: \`bench/gen/results.json\` (not committed). Per-toggle and per-mount call counts
and CPU profiles of the widget: \`node bench/profile-widget.mjs\` (prints JSON).

Every number in the tables is measured in this run; the observations above are written by hand and name
their source. Timings on this shared 2-core machine vary from run to run (see the spreads): compare the three
pages within one run, not across runs.
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
