// The phone profile: Lighthouse's mobile throttling applied through the DevTools protocol to a fresh context per
// load, side by side with the peers in one run. 150 ms round trip, 1.6 Mbps down, 750 kbps up, the CPU slowed 4×,
// a 412 × 823 touch screen, a cold cache, every file brotli-compressed by bench/run.mjs's server. Measured:
//   - the default embed, a story embed (a highlight and an editor's title) and both peers: when the chart is
//     painted (the whole view: every one of these pages draws its chart in one go), when a tap on a province
//     filter made at that moment has been answered and painted, the bytes transferred until then, and the layout
//     shift until the tap;
//   - an article with a hero image and the chart three screens down (the builder's element code, async): its
//     largest contentful paint and layout shift against the same article without the chart, and the chart's
//     time from the reader scrolling to it until it is painted.
// Nothing here asserts a timing: bench/run.mjs reports the medians and the goals.
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';

export const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  latencyMs: 150,
  downKbps: 1638.4,
  upKbps: 750,
  cpuSlowdown: 4
};

/** The pages of the phone profile: [kind, URL path, what it is]. */
export const PHONE_PAGES = [
  ['widget', '/widget/', 'the default embed'],
  ['story', '/phone/story/', 'a story embed (highlight, editor’s title)'],
  ['chartjs', '/chartjs/', 'Chart.js page'],
  ['uplot', '/uplot/', 'uPlot page'],
  ['below', '/phone/below/', 'article, chart three screens down'],
  ['article', '/phone/article/', 'the same article without the chart']
];

/** The hero image of the article pages: a 120 KB PNG of the build's own static charts, served from bench/gen/. */
export async function prepareHero(dist, gen) {
  await copyFile(join(dist, 'static', 'digital-economy-share-grdp.png'), join(gen, 'hero.png'));
}

// Runs in every phone page before its own scripts, after bench/run.mjs's initScript: the largest contentful paint,
// and a tap on the province filter as soon as the chart is painted, timed to the paint that answers it.
function phoneScript() {
  const B = window.__bench;
  B.lcp = null;
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    B.lcp = entries[entries.length - 1].startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const toggle = () => {
    const host = document.querySelector('province-targets');
    return host
      ? host.shadowRoot.querySelector('.pt-toggle[data-province="1"]')
      : document.querySelector('#chart input[value="binh-dinh"]');
  };
  const answered = (before) => {
    const host = document.querySelector('province-targets');
    if (!host) return B.draws > before.draws;
    const button = toggle();
    return button && button.getAttribute('aria-pressed') === 'false';
  };
  const afterPaint = (done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(0);
  });
  // Polled each frame: once the chart is painted, tap the filter; once the chart shows the tap, note the paint.
  const poll = () => {
    if (B.paintedAt != null && B.tapAt == null && toggle()) {
      const before = { draws: B.draws };
      B.tapAt = performance.now();
      // A scripted click is not input to the Layout Instability API: what the tap moves would count as a shift.
      B.clsBeforeTap = B.cls;
      toggle().click();
      const check = () => (answered(before) ? afterPaint((t) => (B.worksAt = t)) : requestAnimationFrame(check));
      check();
      return;
    }
    if (B.tapAt == null) requestAnimationFrame(poll);
  };
  if (!/\/phone\/(below|article)\//.test(location.pathname)) requestAnimationFrame(poll);
}

async function phoneContext(browser, initScript) {
  const ctx = await browser.newContext({
    viewport: PHONE.viewport, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true, hasTouch: true
  });
  const page = await ctx.newPage();
  await page.addInitScript(initScript);
  await page.addInitScript(phoneScript);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: (PHONE.downKbps * 1024) / 8,
    uploadThroughput: (PHONE.upKbps * 1024) / 8
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  return { ctx, page };
}

/** One cold load of `kind` under the phone profile; `server` is bench/run.mjs's (its log counts the bytes). */
export async function phoneLoad(browser, server, kind, initScript) {
  const path = PHONE_PAGES.find(([k]) => k === kind)[1];
  const { ctx, page } = await phoneContext(browser, initScript);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const from = server.log.length;
    await page.goto(`${server.url}${path}`, { waitUntil: 'load', timeout: 60000 });
    const sent = () => server.log.slice(from).filter((r) => !r.path.endsWith('/') && !r.path.endsWith('.html'));
    if (kind === 'below' || kind === 'article') {
      // The article settles first (its LCP is final once the reader scrolls), then the reader scrolls to the chart.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 1000))));
      const before = await page.evaluate(() => ({ lcp: window.__bench.lcp, cls: window.__bench.cls }));
      const requestedBeforeScroll = sent().map((r) => r.path);
      let scrolledToChart = null;
      if (kind === 'below') {
        await page.evaluate(() => {
          window.__bench.scrollAt = performance.now();
          document.getElementById('chart').scrollIntoView({ block: 'start' });
        });
        await page.waitForFunction(() => window.__bench.paintedAt != null, null, { timeout: 60000, polling: 100 });
        scrolledToChart = await page.evaluate(() => window.__bench.paintedAt - window.__bench.scrollAt);
      }
      return { ...before, requestedBeforeScroll, scrolledToChart, errors };
    }
    await page.waitForFunction(() => window.__bench.worksAt != null, null, { timeout: 60000, polling: 100 });
    const timings = await page.evaluate(() => {
      const B = window.__bench;
      return { drawn: B.paintedAt, works: B.worksAt, cls: B.clsBeforeTap, lcp: B.lcp };
    });
    const requests = sent();
    return {
      ...timings,
      br: requests.reduce((n, r) => n + r.br, 0),
      gz: requests.reduce((n, r) => n + r.gz, 0),
      errors
    };
  } finally {
    await ctx.close();
  }
}
