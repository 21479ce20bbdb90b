// End-to-end tests of the loader (dist/province-targets.js): strict CSP, failure states, script-tag embed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, launch, openHtml, openPage, screenshot, serve, violationsSoFar, waitForChart } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

describe('strict Content-Security-Policy', () => {
  let server;
  before(async () => {
    server = await serve({ csp: true });
  });
  after(async () => server?.close());

  test('renders both widgets with no violation and no CSP console error', async () => {
    const { ctx, page, log } = await openPage(browser, null);
    try {
      const response = await page.goto(server.url, { waitUntil: 'load' });
      assert.match(response.headers()['content-security-policy'] ?? '', /style-src 'self'/, 'the header is sent');
      await waitForChart(page, 0);
      await waitForChart(page, 1);
      // The shared constructable sheet applies (not blocked): the host has its reserved height and font.
      const host = page.locator('province-targets').first();
      assert.equal(await host.evaluate((el) => getComputedStyle(el).display), 'block');
      assert.ok(await host.evaluate((el) => el.shadowRoot.adoptedStyleSheets.length === 1));
      assert.equal(await page.evaluate(() => {
        const [a, b] = document.querySelectorAll('province-targets');
        return a.shadowRoot.adoptedStyleSheets[0] === b.shadowRoot.adoptedStyleSheets[0];
      }), true, 'one sheet shared by both widgets');
      const seen = await violationsSoFar(page, log);
      assert.deepEqual(seen.violations, [], 'no securitypolicyviolation event');
      assert.deepEqual(seen.errors.filter((e) => /Content Security Policy|Refused to/i.test(e)), []);
      assert.deepEqual(seen.errors, []);
    } finally {
      await ctx.close();
    }
  });
});

describe('loader', () => {
  let server;
  let dataset;
  before(async () => {
    server = await serve();
    dataset = await readFile(join(DIST, 'targets.json'), 'utf8');
  });
  after(async () => server?.close());

  /** Adds a widget to the demo page from the page itself (as a CMS would), with the given attributes. */
  async function addWidget(page, attributes) {
    await page.evaluate((attrs) => {
      const el = document.createElement('province-targets');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      el.id = 'added';
      document.querySelector('.lead').after(el);
    }, attributes);
    const el = page.locator('#added');
    await el.scrollIntoViewIfNeeded();
    return el;
  }

  test('a dataset that 404s shows an alert naming the URL and status; Retry loads it', async () => {
    const { ctx, page } = await openPage(browser, server.url);
    try {
      let calls = 0;
      await page.route('**/flaky.json', (route) => {
        calls++;
        if (calls === 1) return route.fulfill({ status: 404, body: 'not found' });
        return route.fulfill({ status: 200, contentType: 'application/json', body: dataset });
      });
      const el = await addWidget(page, { src: 'flaky.json' });
      const alert = el.getByRole('alert');
      await alert.waitFor({ timeout: 15000 });
      const message = await alert.innerText();
      assert.match(message, /flaky\.json/, 'names the URL');
      assert.match(message, /404/, 'names the status');
      await screenshot(el, 'alert-404.png');
      await alert.getByRole('button', { name: 'Thử lại' }).click();
      await el.locator('.pt-chart svg').waitFor({ timeout: 15000 });
      assert.equal(calls, 2);
      assert.equal(await el.getByRole('alert').count(), 0, 'the alert is gone');
    } finally {
      await ctx.close();
    }
  });

  test('a network error shows an alert in English when lang=en', async () => {
    const { ctx, page } = await openPage(browser, server.url);
    try {
      await page.route('**/down.json', (route) => route.abort('connectionrefused'));
      const el = await addWidget(page, { src: 'down.json', lang: 'en' });
      const alert = el.getByRole('alert');
      await alert.waitFor({ timeout: 15000 });
      assert.match(await alert.innerText(), /Could not load the data from .*down\.json/);
      assert.equal(await alert.getByRole('button', { name: 'Retry' }).count(), 1);
    } finally {
      await ctx.close();
    }
  });

  test('invalid JSON shows an alert, never an empty box', async () => {
    const { ctx, page } = await openPage(browser, server.url);
    try {
      await page.route('**/broken.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1,' }));
      const el = await addWidget(page, { src: 'broken.json' });
      const alert = el.getByRole('alert');
      await alert.waitFor({ timeout: 15000 });
      assert.match(await alert.innerText(), /broken\.json/);
      assert.match(await alert.innerText(), /JSON/);
    } finally {
      await ctx.close();
    }
  });

  test('a module that cannot be fetched shows an alert', async () => {
    const { ctx, page } = await openPage(browser, null);
    try {
      await page.route('**/province_targets_bg.*.wasm', (route) => route.fulfill({ status: 500, body: 'x' }));
      await page.goto(server.url, { waitUntil: 'load' });
      const el = page.locator('province-targets').first();
      const alert = el.getByRole('alert');
      await alert.waitFor({ timeout: 15000 });
      assert.ok((await alert.innerText()).length > 10);
    } finally {
      await ctx.close();
    }
  });

  test('the script tag copies its data-* attributes; a second copy of the script only embeds', async () => {
    const { ctx, page, log } = await openPage(browser, server.url);
    try {
      const first = page.locator('province-targets').first();
      // The demo's script tag has data-theme="auto": the element after it carries theme="auto".
      assert.equal(await first.getAttribute('theme'), 'auto');
      assert.equal(await page.evaluate(() => document.querySelector('script[src$="province-targets.js"]')
        .nextElementSibling.localName), 'province-targets');
      await page.evaluate(() => {
        window.__ptFirst = window.ProvinceTargets;
      });
      await page.evaluate(() => new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = 'province-targets.js';
        s.dataset.indicator = 'digital-enterprises';
        s.onload = resolve;
        s.onerror = reject;
        document.body.append(s);
      }));
      assert.equal(await page.evaluate(() => window.ProvinceTargets === window.__ptFirst), true,
        'the namespace is not redefined');
      const added = page.locator('body > province-targets');
      assert.equal(await added.count(), 1, 'the second script tag embeds its own widget after itself');
      assert.equal(await added.getAttribute('indicator'), 'digital-enterprises');
      await waitForChart(page, 2);
      assert.equal(await page.locator('province-targets').count(), 3);
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
    }
  });

  test('nothing is fetched for a widget far off screen until the reader nears it', async () => {
    const { ctx, page } = await openHtml(browser, server,
      '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài dài</title></head><body>' +
      '<div id="top">Đầu bài</div><div style="height: 8000px"></div>' +
      '<script src="province-targets.js" data-indicator="fibre-households"></script>' +
      '<div style="height: 2000px"></div></body></html>',
      { viewport: { width: 1000, height: 700 } });
    try {
      const fetched = [];
      page.on('request', (request) => {
        if (/\.wasm$|targets[.\w]*\.json$/.test(new URL(request.url()).pathname)) fetched.push(request.url());
      });
      // The page's own observer, made after the loader's, is called in the same task after it: once it has
      // reported, the loader's observer has had its answer for the far widget.
      await page.evaluate(() => new Promise((resolve) => {
        const observer = new IntersectionObserver(() => {
          observer.disconnect();
          resolve();
        });
        observer.observe(document.getElementById('top'));
      }));
      const widget = page.locator('province-targets');
      assert.equal(await widget.getAttribute('data-state'), 'loading');
      assert.deepEqual(fetched, [], 'neither the module nor the data is requested for a chart 11 screens down');

      await widget.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - innerHeight - 300));
      await widget.locator('.pt-chart svg').waitFor({ timeout: 15000 });
      assert.ok(fetched.some((url) => url.endsWith('.wasm')), `the module is requested once near: ${fetched}`);
      assert.ok(fetched.some((url) => url.endsWith('.json')), `the data is requested once near: ${fetched}`);
    } finally {
      await ctx.close();
    }
  });

  test('a widget far below the viewport is initialised only when it nears it', async () => {
    // A page of its own, so the widget is far below the first screen whatever the demo article becomes.
    const { ctx, page } = await openHtml(browser, server,
      '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài dài</title></head><body>' +
      '<script src="province-targets.js"></script>' +
      '<div style="height: 5000px"></div><province-targets id="far"></province-targets>' +
      '<div style="height: 2000px"></div></body></html>',
      { viewport: { width: 1000, height: 700 } });
    try {
      await waitForChart(page, 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      // A widget connected later, at the top, and drawn: the far one, connected earlier and sharing its module
      // and data, has had every chance an eager widget needs to draw.
      await page.evaluate(() => document.body.prepend(Object.assign(document.createElement('province-targets'),
        { id: 'later' })));
      await page.locator('#later .pt-chart svg').first().waitFor({ timeout: 15000 });
      await page.evaluate(() => window.scrollTo(0, 0));
      const far = page.locator('#far');
      const below = () => far.evaluate((el) => el.getBoundingClientRect().top - innerHeight);
      const distance = await below();
      assert.ok(distance > 4000, `the widget starts ${distance} px below the viewport`);
      assert.equal(await far.locator('.pt-chart').count(), 0, 'not rendered while far away');

      // Near, but still out of sight: it is drawn before the reader reaches it.
      await far.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - innerHeight - 200));
      await far.locator('.pt-chart svg').waitFor({ timeout: 15000 });
      const near = await below();
      assert.ok(near > 0, `rendered while ${near} px below the viewport`);
    } finally {
      await ctx.close();
    }
  });
});
