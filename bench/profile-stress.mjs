// Where the time goes when the 34 x 40 x 3 stress page reads its dataset and mounts its first view: a CPU
// profile (inclusive time of the functions that matter) and a trace of the main thread (every task, style,
// layout, paint, WebAssembly compilation). Evidence for BENCHMARKS.md; it measures nothing run.mjs reports
// and asserts nothing.
//   node bench/profile-stress.mjs [--dist DIR] [--names] [--runs N]
//     --dist DIR   the build to profile (default dist/), e.g. /work/main/dist to compare
//     --names      profile pkg/'s module (before wasm-opt strips the function names) in a copy of DIR
//     --runs N     page loads (default 3); the figures are medians
//     --under NAME where the time below the function NAME goes, by callee
//     --trace-only without the CPU profiler
import { createServer } from 'node:http';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, VIEWPORT, initScript, prepare } from './run.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const require = createRequire(join(ROOT, 'tools', 'package.json'));
const { chromium } = require('playwright-core');
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const RUNS = parseInt(flag('--runs', '3'), 10);
// Without the CPU profiler (whose sampling slows every call across the boundary): tasks and phases only.
const TRACE_ONLY = args.includes('--trace-only');
// --under NAME: where the time below a function goes, by the callee it calls (e.g. --under validate::validate).
const UNDER = flag('--under', null);
let DIST = resolve(flag('--dist', join(ROOT, 'dist')));

const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.html': 'text/html' };

/** The build with pkg/'s named module in place of the optimised one, its integrity hash rewritten to match. */
async function namedCopy(dist) {
  const copy = await mkdtemp(join(tmpdir(), 'pt-profile-'));
  await cp(dist, copy, { recursive: true });
  const files = JSON.parse(await readFile(join(copy, 'files.json'), 'utf8'));
  const wasm = await readFile(join(ROOT, 'pkg', 'province_targets_bg.wasm'));
  await writeFile(join(copy, files['province_targets_bg.wasm'].path), wasm);
  const integrity = 'sha384-' + createHash('sha384').update(wasm).digest('base64');
  const loader = await readFile(join(copy, 'province-targets.js'), 'utf8');
  await writeFile(join(copy, 'province-targets.js'), loader.replace(files['province_targets_bg.wasm'].integrity, integrity));
  return copy;
}

function serve() {
  const mounts = [['/dist/', () => DIST], ['/gen/', () => join(BENCH, 'gen')], ['/stress/', () => join(BENCH, 'stress')]];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    if (!mount || path.includes('..')) return res.writeHead(404).end();
    let file = join(mount[1](), path.slice(mount[0].length));
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${server.address().port}`, server })));
}

// Functions whose inclusive time is reported (a frame counts once per sample, however deep it recurses).
const WATCH = [
  ['JSON.parse', (f) => f.functionName === 'parse' && !f.url],
  ['read_data (whole)', (f) => /^read_data$/.test(f.functionName) && f.url.endsWith('.js')],
  ['serde_wasm_bindgen from_value', (f) => /serde_wasm_bindgen.*(from_value|deserialize)/.test(f.functionName)],
  ['data::validate::validate', (f) => /data::validate::validate/.test(f.functionName)],
  ['mount (whole)', (f) => /^mount$/.test(f.functionName) && f.url.endsWith('.js')],
  ['State::mount', (f) => /State::mount/.test(f.functionName)],
  ['attributes::resolve', (f) => /attributes::resolve/.test(f.functionName)],
  ['controls::build', (f) => /controls::build/.test(f.functionName)],
  ['indicator_menu', (f) => /indicator_menu::indicator_menu/.test(f.functionName)],
  ['render_rows_above', (f) => /render_rows_above/.test(f.functionName)],
  ['layout::layout_with', (f) => /layout::layout_with/.test(f.functionName)],
  ['View::new', (f) => /view::View::new/.test(f.functionName)],
  ['opening_target', (f) => /opening_target/.test(f.functionName)],
  ['svg::emit', (f) => /svg::emit/.test(f.functionName)],
  ['tree::diff', (f) => /tree::diff/.test(f.functionName)],
  ['patch::apply', (f) => /web::patch::apply/.test(f.functionName)],
  ['patch.js (DOM creation)', (f) => /patch\.js$|snippets/.test(f.url)],
  ['sync_year_control', (f) => /sync_year_control/.test(f.functionName)],
  ['render_framing', (f) => /render_framing/.test(f.functionName)],
  ['show_opening/fill_details', (f) => /fill_details/.test(f.functionName)],
  ['events::wire', (f) => /events::wire/.test(f.functionName)],
  ['measure/theme', (f) => /web::(measure|theme)::/.test(f.functionName)],
  ['(garbage collector)', (f) => f.functionName === '(garbage collector)'],
  ['(program)', (f) => f.functionName === '(program)']
];

function inclusive(profile, from, to) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = Object.fromEntries(WATCH.map(([name]) => [name, 0]));
  const selfByFn = new Map();
  const underByFn = new Map();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (t / 1000 < from || t / 1000 > to) return;
    const leaf = byId.get(id).callFrame;
    const key = leaf.functionName || '(anonymous)';
    selfByFn.set(key, (selfByFn.get(key) ?? 0) + dt);
    const seen = new Set();
    let under = false;
    const stack = [];
    for (let n = id; n != null; n = parent.get(n)) {
      const f = byId.get(n).callFrame;
      stack.push(f.functionName);
      if (UNDER && f.functionName.includes(UNDER)) under = true;
      for (const [name, test] of WATCH) if (!seen.has(name) && test(f)) { seen.add(name); out[name] += dt; }
    }
    // Below a function (--under NAME): time by its callee on the path to each sample.
    if (under) {
      const at = stack.findIndex((name) => name.includes(UNDER));
      const callee = at > 0 ? stack[at - 1] : '(self)';
      underByFn.set(callee, (underByFn.get(callee) ?? 0) + dt);
    }
  });
  const topUnder = [...underByFn.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
  const topSelf = [...selfByFn.entries()].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 25);
  return { inclusive: out, topSelf, topUnder };
}

/** Main-thread tasks and rendering phases from the trace, between `from` and `to` (ms, page clock). */
function phases(events, from, to, clockOffset) {
  const main = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'pt-read-start');
  const ours = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const inWindow = (e) => e.ts / 1000 - clockOffset >= from && e.ts / 1000 - clockOffset <= to;
  const sum = (name) => ours.filter((e) => e.name === name && inWindow(e)).reduce((s, e) => s + e.dur / 1000, 0);
  const overlaps = (e) => (e.ts + e.dur) / 1000 - clockOffset >= from && e.ts / 1000 - clockOffset <= to;
  const tasks = ours.filter((e) => /^(ThreadControllerImpl::)?RunTask$/.test(e.name) && overlaps(e)).map((e) => e.dur / 1000).sort((a, b) => b - a);
  const wasmCompile = ours.filter((e) => /wasm/i.test(e.name) && inWindow(e)).reduce((s, e) => s + e.dur / 1000, 0);
  const names = {};
  for (const e of ours) if (inWindow(e)) names[e.name] = (names[e.name] ?? 0) + e.dur / 1000;
  return {
    longestTasks: tasks.slice(0, 5).map((x) => +x.toFixed(1)),
    style: +sum('UpdateLayoutTree').toFixed(1),
    layout: +sum('Layout').toFixed(1),
    paint: +(sum('Paint') + sum('PrePaint')).toFixed(1),
    wasmCompile: +wasmCompile.toFixed(1),
    events: Object.fromEntries(Object.entries(names).filter(([, v]) => v > 0.5).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => [k, +v.toFixed(1)]))
  };
}

async function loadOnce(browser, url) {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  const page = await ctx.newPage();
  await page.addInitScript(initScript);
  await page.addInitScript(() => {
    // The loader's read: from the first JSON.parse of a long text to the first mount() (see initScript).
    const parse = JSON.parse;
    JSON.parse = function (text, reviver) {
      if (typeof text === 'string' && text.length > 100000 && window.__bench.readStart == null) {
        window.__bench.readStart = performance.now();
        console.timeStamp('pt-read-start');
      }
      return parse.call(this, text, reviver);
    };
  });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  if (!TRACE_ONLY) await cdp.send('Profiler.start');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel', 'v8.wasm'] });
  await page.goto(`${url}/stress/`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.paintedAt != null, null, { timeout: 30000 });
  await page.waitForTimeout(300);
  const { profile } = TRACE_ONLY ? { profile: { nodes: [], samples: [], timeDeltas: [], startTime: 0 } } : await cdp.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const marks = await page.evaluate(() => {
    const B = window.__bench;
    const nav = performance.getEntriesByType('navigation')[0];
    return { readStart: B.readStart, mount: B.mounts[0], paintedAt: B.paintedAt, timeOrigin: performance.timeOrigin, nav: nav.responseStart };
  });
  await ctx.close();
  // Trace timestamps and the profile's are on the same monotonic clock (µs); the page's are ms after timeOrigin.
  const anchor = trace.traceEvents.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'pt-read-start');
  const offset = anchor.ts / 1000 - marks.readStart;
  const read = [marks.readStart + offset, marks.mount.start + offset];
  const mount = [marks.mount.start + offset, marks.mount.end + offset];
  return {
    readMs: marks.mount.start - marks.readStart,
    mountMs: marks.mount.end - marks.mount.start,
    read: { ...inclusive(profile, ...read), ...phases(trace.traceEvents, marks.readStart, marks.mount.start, offset) },
    mount: { ...inclusive(profile, ...mount), ...phases(trace.traceEvents, marks.mount.start, marks.mount.end, offset) },
    firstFrame: { ...inclusive(profile, mount[1], marks.paintedAt + offset), ...phases(trace.traceEvents, marks.mount.end, marks.paintedAt, offset) }
  };
}

async function main() {
  await prepare();
  if (args.includes('--names')) DIST = await namedCopy(DIST);
  const { url, server } = await serve();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await loadOnce(browser, url));
  } finally {
    await browser.close();
    server.close();
  }
  const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
  const summary = {};
  for (const part of ['read', 'mount', 'firstFrame']) {
    summary[part] = {
      wallMs: +med(runs.map((r) => r[part + 'Ms'] ?? 0)).toFixed(1),
      wasmCompileMs: med(runs.map((r) => r[part].wasmCompile)),
      events: runs[runs.length >> 1][part].events,
      inclusiveMs: Object.fromEntries(WATCH.map(([n]) => [n, +med(runs.map((r) => r[part].inclusive[n])).toFixed(1)]).filter(([, v]) => v > 0)),
      longestTasks: runs.map((r) => r[part].longestTasks),
      styleMs: med(runs.map((r) => r[part].style)),
      layoutMs: med(runs.map((r) => r[part].layout)),
      paintMs: med(runs.map((r) => r[part].paint)),
      topUnder: (runs[runs.length >> 1][part].topUnder ?? []).map(([k, v]) => `${v.toFixed(2)} ${k.replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 160)}`),
      topSelf: runs[runs.length >> 1][part].topSelf.map(([k, v]) => `${v.toFixed(2)} ${k.replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 160)}`)
    };
  }
  console.log(JSON.stringify(summary, null, 1));
}

await main();
