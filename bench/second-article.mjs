// "A second article" (issue 17): a reader opens one article with the chart, then another on the same site, with
// the browser's HTTP cache warm from the first. Measured per page kind in one browser context: the first
// article's time to chart, then, WAIT_MS later, a second article in a new tab, its time to chart and the
// requests that still reached the server. For the widget, the tab's trace says what Chromium did with the
// WebAssembly module: compiled it again, took it from its in-memory module cache, or read the code cache.
// bench/run.mjs calls secondArticle() for the widget and both peers.
/**
 * V8 writes a module to Chromium's code cache once enough of it is optimised (or a timer fires, about 2 s after
 * compiling): a reader spends longer than this on an article, so the second one comes after it.
 */
export const WAIT_MS = 3000;

/** The V8 trace events that say where the second article's module came from. */
const WASM_EVENTS = ['wasm.SerializeModule', 'wasm.GetNativeModuleFromCache', 'wasm.Deserialize',
  'wasm.DeserializeNativeModule', 'wasm.StartStreamingCompilation', 'wasm.CompileLazy'];

async function timeToChart(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.paintedAt != null, null, { timeout: 30000 });
  return page.evaluate(() => window.__bench.paintedAt - performance.getEntriesByType('navigation')[0].responseStart);
}

/** Counts of the WASM_EVENTS in a Chromium trace. */
function wasmEvents(trace) {
  const counts = Object.fromEntries(WASM_EVENTS.map((name) => [name, 0]));
  for (const e of JSON.parse(trace.toString()).traceEvents) if (e.name in counts) counts[e.name]++;
  return counts;
}

/**
 * One first and second article of `kind` ("widget", "chartjs", "uplot") on `server` (bench/run.mjs's, whose
 * log lists what reached it), with run.mjs's `initScript` timing the chart in every page: { first, second (ms, responseStart -> chart painted), secondRequests (paths),
 * wasm: { first, second } trace event counts (widget only) }.
 */
export async function secondArticle(browser, server, kind, { viewport, initScript }) {
  const ctx = await browser.newContext({ viewport });
  await ctx.addInitScript(initScript);
  const traced = kind === 'widget';
  const trace = async (page, run) => {
    if (!traced) return [await run(), null];
    await browser.startTracing(page, { categories: ['v8.wasm'] });
    const value = await run();
    return [value, wasmEvents(await browser.stopTracing())];
  };
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
  }
}
