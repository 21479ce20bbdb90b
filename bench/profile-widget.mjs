// Where the widget spends its time, bytes and memory: counts what one province toggle and one mount do to
// the DOM and to the style system, and takes a CPU profile of many toggles. Evidence for BENCHMARKS.md; it
// measures nothing that run.mjs reports and asserts nothing.
//   node bench/profile-widget.mjs [--toggles N]      (after make build and npm ci --prefix bench)
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, VIEWPORT, PAGE_HELPERS, initScript, prepare, startServer } from './run.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'tools', 'package.json'));
const { chromium } = require('playwright-core');
const args = process.argv.slice(2);
const N = parseInt(args[args.indexOf('--toggles') + 1] ?? '200', 10) || 200;

// Wraps DOM and style entry points with counters (window.__calls), and observes the shadow root's mutations.
function counters() {
  const calls = (window.__calls = {});
  const count = (name) => (calls[name] = (calls[name] || 0) + 1);
  const wrap = (proto, key, name) => {
    const original = proto[key];
    proto[key] = function (...a) {
      count(name);
      return original.apply(this, a);
    };
  };
  wrap(Document.prototype, 'createElementNS', 'createElementNS');
  wrap(Document.prototype, 'createTextNode', 'createTextNode');
  wrap(Node.prototype, 'appendChild', 'appendChild');
  wrap(Element.prototype, 'setAttribute', 'setAttribute');
  wrap(Element.prototype, 'removeAttribute', 'removeAttribute');
  wrap(EventTarget.prototype, 'dispatchEvent', 'dispatchEvent');
  wrap(CSSStyleDeclaration.prototype, 'getPropertyValue', 'getPropertyValue');
  wrap(window, 'getComputedStyle', 'getComputedStyle');
  wrap(window, 'matchMedia', 'matchMedia');
  wrap(window, 'encodeURIComponent', 'encodeURIComponent');
  const text = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent');
  Object.defineProperty(Node.prototype, 'textContent', {
    get: text.get,
    set(v) {
      count('set textContent');
      text.set.call(this, v);
    },
    configurable: true
  });
  for (const key of ['clientWidth']) {
    const d = Object.getOwnPropertyDescriptor(Element.prototype, key);
    Object.defineProperty(Element.prototype, key, {
      get() {
        count('read ' + key);
        return d.get.call(this);
      },
      configurable: true
    });
  }
}

/** Self time by function, the 20 largest, as a share of all samples and in ms per `per` (toggles). */
function top(profile, per) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const url = f.url ? f.url.replace(/^.*\//, '') : '';
    const key = `${f.functionName || '(anonymous)'}${url ? ' ' + url : ''}`;
    self.set(key, (self.get(key) || 0) + (dt[i] || 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 20)
    .map(([k, us]) => ({ fn: k, pct: +(100 * us / total).toFixed(1), ms: +(us / 1000 / per).toFixed(3) }));
}

async function main() {
  await prepare();
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const report = {};
  try {
    // 1. Counts per toggle and per mount (instrumented page).
    for (const kind of ['widget', 'stress']) {
      const ctx = await browser.newContext({ viewport: VIEWPORT });
      const page = await ctx.newPage();
      await page.addInitScript(initScript);
      await page.addInitScript(counters);
      await page.goto(`${server.url}/${kind}/`);
      await page.waitForFunction(() => window.__bench.paintedAt != null, null, { timeout: 30000 });
      await page.evaluate(PAGE_HELPERS);
      report[kind] = await page.evaluate(async () => {
        const host = document.querySelector('province-targets');
        const root = host.shadowRoot;
        const mount = { ...window.__calls };
        const csv = root.querySelector('a.pt-download')?.getAttribute('href') ?? '';
        const shadowNodes = root.querySelectorAll('*').length;
        const svgNodes = root.querySelectorAll('.pt-chart svg, .pt-chart svg *').length;
        const tableNodes = root.querySelectorAll('.pt-table *').length;
        const marks = root.querySelectorAll('.pt-mark').length;
        let added = 0;
        let removed = 0;
        let attrs = 0;
        const mo = new MutationObserver((list) => {
          for (const m of list) {
            if (m.type === 'attributes') attrs++;
            for (const n of m.addedNodes) added += 1 + (n.querySelectorAll ? n.querySelectorAll('*').length : 0);
            for (const n of m.removedNodes) removed += 1 + (n.querySelectorAll ? n.querySelectorAll('*').length : 0);
          }
        });
        mo.observe(root, { childList: true, subtree: true, attributes: true });
        let events = 0;
        document.addEventListener('province-targets-change', () => events++);
        for (const k of Object.keys(window.__calls)) window.__calls[k] = 0;
        const T = 10;
        const input = window.__toggleOf();
        for (let i = 0; i < T; i++) {
          input.click();
          await new Promise((r) => setTimeout(r, 0));
        }
        mo.disconnect();
        const per = {};
        for (const [k, v] of Object.entries(window.__calls)) if (v) per[k] = v / T;
        return {
          mountCalls: mount,
          perToggle: { ...per, 'nodes added (subtree)': added / T, 'nodes removed (subtree)': removed / T, 'attribute mutations': attrs / T, 'change events': events / T },
          csvHrefChars: csv.length,
          shadowNodes,
          svgNodes,
          tableNodes,
          marks
        };
      });
      await ctx.close();
    }

    // 2. CPU profile of N toggles on an uninstrumented widget page.
    const ctx = await browser.newContext({ viewport: VIEWPORT });
    const page = await ctx.newPage();
    await page.addInitScript(initScript);
    await page.goto(`${server.url}/widget/`);
    await page.waitForFunction(() => window.__bench.paintedAt != null, null, { timeout: 30000 });
    await page.evaluate(PAGE_HELPERS);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const wall = await page.evaluate(async (n) => {
      const input = window.__toggleOf();
      const t0 = performance.now();
      for (let i = 0; i < n; i++) input.click();
      return performance.now() - t0;
    }, N);
    const { profile } = await cdp.send('Profiler.stop');
    report.profile = { toggles: N, msPerToggleSync: wall / N, top: top(profile, N) };
    await ctx.close();

    // 3. CPU profile of the stress page's load (the cold mount of 4,080 targets inside it).
    {
      const ctx = await browser.newContext({ viewport: VIEWPORT });
      const page = await ctx.newPage();
      await page.addInitScript(initScript);
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await page.goto(`${server.url}/stress/`);
      await page.waitForFunction(() => window.__bench.paintedAt != null, null, { timeout: 30000 });
      const mount = await page.evaluate(() => window.__bench.mounts[0]);
      const { profile } = await cdp.send('Profiler.stop');
      report.stressLoadProfile = { mountMs: mount.end - mount.start, top: top(profile, 1) };
      await ctx.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(JSON.stringify(report, null, 1));
}

await main();
