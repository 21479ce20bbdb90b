// The iframe embed, for a CMS that strips <script> from an article: the builder's iframe code, pasted into a host
// page with a strict Content-Security-Policy, shows the chosen chart in a frame that fits its height (the
// optional resizer line), keeps showing it without the resizer, and lets no other window set the frame's height.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openHtml, openPage, screenshot, serve, violationsSoFar } from './helpers.mjs';

let server;
let browser;
before(async () => {
  server = await serve({ csp: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The builder's iframe code for English, records handled online at commune level, 2025. */
async function frameCode() {
  const { ctx, page } = await openPage(browser, `${server.url}builder.html`, { viewport: { width: 1280, height: 1000 } });
  try {
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 15000 });
    await page.locator('#indicator').selectOption('records-online-commune');
    await page.locator('#year').selectOption('2025');
    await page.locator('input[name="lang"][value="en"]').check();
    await page.locator('#code-iframe > summary').click();
    return await page.locator('#code-frame').inputValue();
  } finally {
    await ctx.close();
  }
}

/** A host article holding `code` between two paragraphs, under a strict CSP of its own. */
function hostPage(code) {
  return '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài viết</title>' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; frame-src 'self'">` +
    `</head><body><p>Đoạn mở đầu.</p>\n${code}\n<p id="after">Đoạn sau biểu đồ.</p></body></html>`;
}

/** The frame's box height in the host page, and its own page's height, once its chart is drawn. */
async function heights(page) {
  const frame = page.frameLocator('iframe[data-province-targets]');
  await frame.locator('province-targets .pt-chart svg').first().waitFor({ state: 'visible', timeout: 15000 });
  const box = await page.locator('iframe[data-province-targets]').evaluate((el) => el.getBoundingClientRect().height);
  const inner = await frame.locator('html').evaluate((html) => ({
    content: html.getBoundingClientRect().height,
    scrolls: html.scrollHeight > html.clientHeight
  }));
  return { box, ...inner };
}

/** Waits until the frame's box is its page's height (the resizer has answered the last report). */
async function fitted(page) {
  for (;;) {
    const h = await heights(page);
    if (Math.abs(h.box - h.content) <= 1) return h;
    await page.waitForFunction((before) => {
      const el = document.querySelector('iframe[data-province-targets]');
      return el && el.getBoundingClientRect().height !== before;
    }, h.box, { timeout: 15000 });
  }
}

describe('the iframe embed', () => {
  test("the builder's iframe code shows the chosen view in a frame that fits its chart, under strict CSPs", async () => {
    const code = await frameCode();
    assert.match(code, /^<iframe src="[^"]*frame\.[0-9a-f]{12}\.html\?indicator=records-online-commune&amp;year=2025&amp;lang=en/);
    assert.match(code, /title="Commune-level work records handled online"/, 'the frame is named in the chart\'s language');
    assert.match(code, /<script src="[^"]*frame-resizer\.[0-9a-f]{12}\.js" integrity="sha384-[^"]+" crossorigin="anonymous" async><\/script>$/);
    const { ctx, page, log } = await openHtml(browser, server, hostPage(code), { viewport: { width: 1000, height: 900 } });
    try {
      const wide = await fitted(page);
      assert.equal(wide.scrolls, false, 'no scroll bar inside the frame');
      const frame = page.frameLocator('iframe[data-province-targets]');
      const widget = frame.locator('province-targets');
      assert.equal(await widget.locator('select:has(optgroup)').inputValue(), 'records-online-commune');
      assert.equal(await widget.locator('.pt-year[aria-checked="true"]').getAttribute('data-year'), '2025');
      assert.equal(await widget.locator('.pt-root').getAttribute('lang'), 'en');
      await screenshot(page, 'frame-host-1000.png', { fullPage: true });
      // A phone: the chart is taller, and the frame follows it.
      await page.setViewportSize({ width: 360, height: 740 });
      const narrow = await fitted(page);
      assert.ok(narrow.box > wide.box, `taller at 360 px: ${narrow.box} > ${wide.box}`);
      assert.equal(narrow.scrolls, false);
      await screenshot(page, 'frame-host-360.png', { fullPage: true });
      assert.deepEqual(await violationsSoFar(page, log), { violations: [], errors: [] },
        'no CSP violation or error in the host page or the frame');
    } finally {
      await ctx.close();
    }
  });

  test('without the resizer line the frame still shows the chart; no other window sets its height', async () => {
    const code = (await frameCode()).split('\n')[0];
    const { ctx, page, log } = await openHtml(browser, server, hostPage(code), { viewport: { width: 1000, height: 900 } });
    try {
      const shown = await heights(page);
      assert.equal(shown.box, 860, 'the height the code gives');
      await page.frameLocator('iframe[data-province-targets]').locator('province-targets .pt-mark').first().waitFor();
      // With the resizer, a message from the host page itself (not the frame) changes nothing.
      await page.addScriptTag({ url: `${server.url}frame-resizer.js` });
      // The resizer listens first; a listener added now runs after it, in the same dispatch.
      await page.evaluate(() => new Promise((resolve) => {
        window.addEventListener('message', () => resolve(), { once: true });
        window.postMessage({ 'province-targets-height': 5 }, '*');
      }));
      assert.equal(await page.locator('iframe[data-province-targets]').evaluate((el) => el.getBoundingClientRect().height), 860);
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
    }
  });
});
