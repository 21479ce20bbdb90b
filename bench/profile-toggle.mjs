// Where one province toggle's time goes, and two builds' toggles side by side (issue 17). Evidence for a
// report; it asserts nothing, and run.mjs stays the benchmark of record.
//   node bench/profile-toggle.mjs --ab DIST_A DIST_B [--loads N]
//       the widget page served from each dist/ in turn (A, B, A, B …), 5 timed turn-offs per load exactly as
//       run.mjs times them ("work", "work + next frame"); prints each build's medians.
//   node bench/profile-toggle.mjs --ab-cpu DIST_A DIST_B [--loads N]
//       the same turn-offs, timed as main-thread CPU time (trace events' thread duration) in three parts:
//       the click handler, the forced style and layout after it, and the next frame after its rAF. On a
//       machine shared with builds, wall times mostly measure the other processes; thread time does not.
//   node bench/profile-toggle.mjs --trace DIST [--names PKG_WASM] [--toggles N]
//       a Performance trace of N timed toggles: main-thread time by trace event (script, style, layout,
//       paint), and a CPU profile by function. --names swaps in an unoptimised module that keeps its function
//       names (pkg/province_targets_bg.wasm after make build), so wasm time is named; the loader's integrity
//       hash is rewritten to match.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, symlinkSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, VIEWPORT, PAGE_HELPERS, initScript, median, quantile } from './run.mjs';
import { startServer } from '../scripts/serve.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const require = createRequire(join(ROOT, 'tools', 'package.json'));
const { chromium } = require('playwright-core');
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

/** A server for the widget page with `dist` as its /dist/. */
async function serve(dist) {
  const root = mkdtempSync(join(tmpdir(), 'pt-toggle-'));
  symlinkSync(resolve(dist), join(root, 'dist'));
  mkdirSync(join(root, 'widget'));
  copyFileSync(join(BENCH, 'widget', 'index.html'), join(root, 'widget', 'index.html'));
  const server = await startServer({ root });
  return { url: server.url.replace(/\/$/, ''), close: () => server.close() };
}

async function openWidget(browser, server, names) {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  const page = await ctx.newPage();
  if (names) await swapInNamedModule(page, server, names);
  await page.addInitScript(initScript);
  await page.goto(`${server.url}/widget/`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.paintedAt != null, null, { timeout: 30000 });
  await page.waitForTimeout(500);
  await page.evaluate(PAGE_HELPERS);
  return { ctx, page };
}

/** Serves `wasmPath` for the module, and the loader with that module's integrity hash. */
async function swapInNamedModule(page, server, wasmPath) {
  const wasm = readFileSync(wasmPath);
  const sri = 'sha384-' + createHash('sha384').update(wasm).digest('base64');
  const files = JSON.parse(await (await fetch(`${server.url}/dist/files.json`)).text());
  const old = files['province_targets_bg.wasm'].integrity;
  await page.route('**/dist/province_targets_bg.*.wasm', (route) =>
    route.fulfill({ body: wasm, contentType: 'application/wasm' }));
  await page.route('**/dist/province-targets.js', async (route) => {
    const text = await (await fetch(`${server.url}/dist/province-targets.js`)).text();
    route.fulfill({ body: text.replace(old, sri), contentType: 'text/javascript' });
  });
}


/**
 * The widget page served from each of two builds in turn (A, B, A, B …, `loads` of each) in one Chromium, a
 * fresh context per load; `measure(page, ctx)` returns that load's samples. Resolves to [A's, B's].
 */
async function alternate(distA, distB, loads, measure) {
  const servers = [await serve(distA), await serve(distB)];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const samples = [[], []];
  try {
    for (let load = 0; load < loads; load++) {
      for (const which of [0, 1]) {
        const { ctx, page } = await openWidget(browser, servers[which]);
        samples[which].push(...(await measure(page, ctx)));
        await ctx.close();
      }
    }
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
  return samples;
}

async function ab(distA, distB, loads) {
  const samples = await alternate(distA, distB, loads, async (page) => {
    const loadSamples = [];
    for (let i = 0; i < 5; i++) {
      loadSamples.push(await page.evaluate(() => window.__timedToggle())); // off
      await page.evaluate(() => window.__timedToggle()); // on again
    }
    // One value per load, as run.mjs reports it: the median of its five turn-offs.
    return [{ work: median(loadSamples.map((u) => u.work)), busy: median(loadSamples.map((u) => u.work + u.paint)) }];
  });
  const iqr = (xs) => `IQR ${quantile(xs, 0.25).toFixed(2)}–${quantile(xs, 0.75).toFixed(2)}`;
  const row = (name, xs) => {
    const work = xs.map((x) => x.work);
    const busy = xs.map((x) => x.busy);
    return `${name.padEnd(12)} work ${median(work).toFixed(2)} ms (${iqr(work)})` +
      `   work + next frame ${median(busy).toFixed(2)} ms (${iqr(busy)})`;
  };
  console.log(`${loads} loads each, alternating, one Chromium`);
  console.log(row('A ' + distA, samples[0]));
  console.log(row('B ' + distB, samples[1]));
}

/** Main-thread CPU time of each turn-off in a page: handler, forced style + layout, next frame (ms). */
async function cpuOfToggles(page, cdp) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] }
  });
  await page.evaluate(async () => {
    const toggle = window.__toggleOf();
    for (let i = 0; i < 12; i++) {
      await new Promise((r) => setTimeout(r, 20));
      const off = i % 2 === 0 && i > 1; // turn-offs after the first pair, as run.mjs times them
      const mark = (n) => performance.mark((off ? 'pt-off-' : 'pt-on-') + n);
      mark(0);
      toggle.click();
      await new Promise((r) => queueMicrotask(r));
      mark(1);
      document.body.offsetHeight;
      mark(2);
      await new Promise((done) => requestAnimationFrame(() => {
        mark(3);
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { mark(4); done(); };
        ch.port2.postMessage(0);
      }));
    }
  });
  await cdp.send('Tracing.end');
  await done;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const at = (n) => onMain.filter((e) => e.name === 'pt-off-' + n).map((e) => e.ts).sort((a, b) => a - b);
  const [m0, m1, m2, m3, m4] = [0, 1, 2, 3, 4].map(at);
  const slices = onMain.filter((e) => e.ph === 'X' && e.tdur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Thread time of the outermost slices inside [from, to].
  const cpu = (from, to) => {
    let end = -1;
    let sum = 0;
    for (const e of slices) {
      if (e.ts < from || e.ts + e.dur > to || e.ts < end) continue;
      sum += e.tdur;
      end = e.ts + e.dur;
    }
    return sum / 1000;
  };
  return m0.map((_, i) => ({ handler: cpu(m0[i], m1[i]), forced: cpu(m1[i], m2[i]), frame: cpu(m3[i], m4[i]) }));
}

async function abCpu(distA, distB, loads) {
  const samples = await alternate(distA, distB, loads, async (page, ctx) => cpuOfToggles(page, await ctx.newCDPSession(page)));
  console.log(`${loads} loads each, alternating, one Chromium; medians of ${samples[0].length} turn-offs, main-thread CPU ms`);
  [distA, distB].forEach((dist, k) => {
    const m = (key) => median(samples[k].map((x) => x[key])).toFixed(2);
    const total = median(samples[k].map((x) => x.handler + x.forced + x.frame)).toFixed(2);
    console.log(`${'AB'[k]} ${dist}: handler ${m('handler')}  forced style+layout ${m('forced')}  next frame ${m('frame')}  all ${total}`);
  });
}

/** Trace events on the renderer's main thread, summed by name (self time: children subtracted). */
function byEvent(events, toggles) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur != null)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const e of onMain) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    if (stack.length) self.set(stack.at(-1).name, (self.get(stack.at(-1).name) ?? 0) - e.dur);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
    stack.push(e);
  }
  return [...self.entries()].filter(([, us]) => us > 0).sort((a, b) => b[1] - a[1]).slice(0, 25)
    .map(([name, us]) => ({ event: name, msPerToggle: +(us / 1000 / toggles).toFixed(3) }));
}

/** CPU profile time by function, ms per toggle: self time, and total time (callees included, each function
 * counted once per sample even when it recurses). */
function byFunction(profile, toggles) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let at = id; at != null; at = parent.get(at)) {
      const f = byId.get(at).callFrame;
      const key = f.functionName || `(anonymous ${f.url.replace(/^.*\//, '')})`;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
    }
  });
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = f.functionName || `(anonymous ${f.url.replace(/^.*\//, '')})`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const selfList = [...self.entries()].filter(([k]) => k !== '(idle)' && k !== '(program)').sort((a, b) => b[1] - a[1])
    .slice(0, 40).map(([fn, us]) => ({
      fn, selfMs: +(us / 1000 / toggles).toFixed(3), totalMs: +((total.get(fn) ?? 0) / 1000 / toggles).toFixed(3)
    }));
  const inclusive = [...total.entries()].filter(([k]) => k !== '(root)' && k !== '(idle)').sort((a, b) => b[1] - a[1])
    .slice(0, 60).map(([fn, us]) => `${(us / 1000 / toggles).toFixed(3)} ms  ${fn}`);
  return { self: selfList, inclusive };
}

async function trace(dist, names, toggles) {
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const { ctx, page } = await openWidget(browser, server, names);
    const cdp = await ctx.newCDPSession(page);
    // Warm up (first-call compilation of the toggle path), as the benchmark's first turn-off also is.
    for (let i = 0; i < 4; i++) await page.evaluate(() => window.__timedToggle());
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'] }
    });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    const timed = [];
    for (let i = 0; i < toggles; i++) timed.push(await page.evaluate(() => window.__timedToggle()));
    const { profile } = await cdp.send('Profiler.stop');
    if (process.env.PT_PROFILE_OUT) (await import('node:fs')).writeFileSync(process.env.PT_PROFILE_OUT, JSON.stringify(profile));
    await cdp.send('Tracing.end');
    await done;
    console.log(JSON.stringify({
      toggles,
      medianWork: median(timed.map((t) => t.work)),
      medianBusy: median(timed.map((t) => t.work + t.paint)),
      events: byEvent(events, toggles),
      layouts: events.filter((e) => e.name === 'Layout' && e.args?.beginData).slice(-6)
        .map((e) => ({ ms: e.dur / 1000, dirty: e.args.beginData.dirtyObjects, total: e.args.beginData.totalObjects, partial: e.args.beginData.partialLayout })),
      styles: events.filter((e) => e.name === 'UpdateLayoutTree' && e.args?.elementCount != null).slice(-6)
        .map((e) => ({ ms: e.dur / 1000, elements: e.args.elementCount })),
      functions: byFunction(profile, toggles)
    }, null, 1));
    await ctx.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

if (args.includes('--ab-cpu')) {
  const i = args.indexOf('--ab-cpu');
  await abCpu(args[i + 1], args[i + 2], parseInt(flag('--loads', '8'), 10));
} else if (args.includes('--ab')) {
  const i = args.indexOf('--ab');
  await ab(args[i + 1], args[i + 2], parseInt(flag('--loads', '10'), 10));
} else if (args.includes('--trace')) {
  await trace(flag('--trace'), flag('--names', null), parseInt(flag('--toggles', '40'), 10));
} else {
  console.error('usage: node bench/profile-toggle.mjs --ab|--ab-cpu DIST_A DIST_B [--loads N] | --trace DIST [--names WASM] [--toggles N]');
  process.exit(2);
}
