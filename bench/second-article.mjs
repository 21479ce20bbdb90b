// "A second article" (issue 17): a reader opens one article with the chart, then another on the same site, with
// the browser's caches warm from the first. Measured per page kind in a fresh browser profile on disk each run:
// the first article's time to chart, then, WAIT_MS later, a second article in a new tab, its time to chart and
// the requests that still reached the server. For the widget, the tabs' traces say what Chromium did with the
// WebAssembly module: compiled it again, took it from V8's in-memory module cache, or read the code cache.
// bench/run.mjs calls secondArticle() for the widget and both peers.
//
// Why a profile on disk and not `browser.newContext()`: Playwright's contexts are off the record (incognito),
// and Chromium keeps no code cache for an off-the-record profile, so a benchmark in one would report "never
// cached" whatever the module did. A reader's browser has a profile on disk, and so does this benchmark.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * V8 writes a module to Chromium's code cache 2 s after its optimising tier has produced 1,000 bytes of code
 * (flag-definitions.h: wasm_caching_threshold, wasm_caching_timeout_ms); a chart's first view optimises a few
 * functions, enough for that. A reader spends longer than this on an article, so the second one comes after it.
 */
export const WAIT_MS = 5000;

/** The V8 trace events that say where the second article's module came from. */
const WASM_EVENTS = ['wasm.SerializeModule', 'wasm.GetNativeModuleFromCache', 'wasm.Deserialize',
  'wasm.DeserializeNativeModule', 'wasm.StartStreamingCompilation', 'wasm.CompileLazy', 'wasm.TopTierCompilation'];

async function timeToChart(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.paintedAt != null, null, { timeout: 30000 });
  return page.evaluate(() => window.__bench.paintedAt - performance.getEntriesByType('navigation')[0].responseStart);
}

/** Runs `run()` while Chromium traces the v8.wasm category over CDP; resolves to [its value, WASM_EVENTS counts]. */
async function withWasmTrace(context, page, run) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['v8.wasm'] }, transferMode: 'ReturnAsStream' });
  const value = await run();
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  let text = '';
  for (let eof = false; !eof;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.data;
    eof = chunk.eof;
  }
  await cdp.send('IO.close', { handle: stream });
  await cdp.detach();
  const counts = Object.fromEntries(WASM_EVENTS.map((name) => [name, 0]));
  for (const e of JSON.parse(text).traceEvents) if (e.name in counts) counts[e.name]++;
  return [value, counts];
}

/**
 * One first and second article of `kind` ("widget", "chartjs", "uplot") on `server` (bench/run.mjs's, whose
 * log lists what reached it), in a new Chromium launched by `chromium` (playwright-core) with `launchOptions`
 * and a fresh profile, with run.mjs's `initScript` timing the chart in every page: { first, second (ms,
 * responseStart -> chart painted), secondRequests (paths), wasm: { first, second } trace event counts (widget
 * only) }.
 */
export async function secondArticle(chromium, launchOptions, server, kind, { viewport, initScript }) {
  const profile = await mkdtemp(join(tmpdir(), 'pt-bench-profile-'));
  const ctx = await chromium.launchPersistentContext(profile, { ...launchOptions, viewport });
  await ctx.addInitScript(initScript);
  const traced = kind === 'widget';
  const trace = (page, run) => (traced ? withWasmTrace(ctx, page, run) : run().then((value) => [value, null]));
  try {
    const a = await ctx.newPage();
    const [first, firstWasm] = await trace(a, async () => {
      const ms = await timeToChart(a, `${server.url}/${kind}/?article=1`);
      await a.waitForTimeout(WAIT_MS);
      return ms;
    });
    const from = server.log.length;
    const b = await ctx.newPage();
    const [second, secondWasm] = await trace(b, () => timeToChart(b, `${server.url}/${kind}/?article=2`));
    const secondRequests = server.log.slice(from).map((r) => r.path).filter((p) => !p.endsWith('/'));
    return { first, second, secondRequests, wasm: traced ? { first: firstWasm, second: secondWasm } : null };
  } finally {
    await ctx.close();
    await rm(profile, { recursive: true, force: true });
  }
}
