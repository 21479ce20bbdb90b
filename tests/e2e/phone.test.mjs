// End-to-end tests of the widget on a phone held by touch: a tap on a mark shows its details without moving
// the mark, the chart or the page, and the next tap lands where the reader aims it.
// Run with `node --test tests/e2e/phone.test.mjs` after `make build`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openHtml, screenshot, start, stop } from './helpers.mjs';

const GRDP = 'digital-economy-share-grdp';
const PHONE = { width: 360, height: 740 };

let server;
let browser;

before(async () => {
  ({ server, browser } = await start());
});

after(() => stop({ server, browser }));

/** A phone page whose widget's top is at the screen's top, with an article below it; resolves when ready. */
async function phonePage(attributes) {
  const html = `<!doctype html><html lang="vi"><head><meta name="viewport" content="width=device-width"><title>Bài viết</title>
    </head><body style="margin:0"><province-targets ${attributes}></province-targets>
    <p style="height:1600px">Bài viết tiếp tục.</p><script src="province-targets.js" data-embed="none"></script></body></html>`;
  const opened = await openHtml(browser, server, html, { viewport: PHONE, hasTouch: true, isMobile: true });
  await opened.page.waitForFunction(() => document.querySelector('province-targets')?.getAttribute('data-state') === 'ready');
  return { ...opened, widget: opened.page.locator('province-targets').first() };
}

/** The marks whose centre is on the screen and on the mark's symbol (nothing lies over it there), top first. */
async function tappableMarks(widget) {
  return widget.evaluate((host, height) => [...host.shadowRoot.querySelectorAll('.pt-mark[data-target]')]
    .map((mark) => {
      const box = mark.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const hit = y > 0 && y < height ? host.shadowRoot.elementFromPoint(x, y) : null;
      // Aimed at the mark's own symbol (a dot or an arrowhead), as a reader taps it.
      const symbol = hit && hit.tagName !== 'rect' && hit.tagName !== 'text';
      return { target: mark.getAttribute('data-target'), x, y, reachable: symbol && hit.closest('.pt-mark') === mark };
    })
    .filter((mark) => mark.reachable)
    .sort((a, b) => a.y - b.y || a.x - b.x), PHONE.height);
}

const showing = (widget) => widget.locator('.pt-details').getAttribute('data-showing');

describe('a tap on a phone (360×740, touch)', () => {
  for (const scheme of ['light', 'dark']) {
    test(`moves neither the tapped mark nor the page, and the next tap lands on the next mark (${scheme})`, async () => {
      const { ctx, page, widget } = await phonePage(`indicator="${GRDP}" theme="${scheme}"`);
      try {
        // The reader has scrolled the chart to the screen's top, as one does to read it.
        await page.evaluate(() => window.scrollTo(0, document.querySelector('province-targets').shadowRoot
          .querySelector('.pt-chart').getBoundingClientRect().top + window.scrollY));
        await page.waitForFunction(() => document.querySelector('province-targets').shadowRoot
          .querySelector('.pt-chart').getBoundingClientRect().top < 1);
        const marks = await tappableMarks(widget);
        assert.ok(marks.length >= 2, `two marks on the first screen: ${marks.length}`);
        const first = marks[0];
        const mark = (target) => widget.locator(`.pt-mark[data-target="${target}"]`);
        const before = await mark(first.target).boundingBox();
        const scrollY = await page.evaluate(() => window.scrollY);
        const height = (await widget.boundingBox()).height;

        await page.touchscreen.tap(first.x, first.y);
        await page.waitForFunction((target) => document.querySelector('province-targets').shadowRoot
          .querySelector('.pt-details')?.getAttribute('data-showing') === target, first.target);
        assert.deepEqual(await mark(first.target).boundingBox(), before, 'the tapped mark stays where it was');
        assert.equal(await page.evaluate(() => window.scrollY), scrollY, 'the page does not scroll');
        // The reservation made against layout shift on load may let go at this first input, never more.
        const tapped = (await widget.boundingBox()).height;
        assert.ok(tapped <= height, `the widget does not grow: ${height} → ${tapped} px`);
        const quote = await widget.locator('.pt-details blockquote').boundingBox();
        assert.ok(quote && quote.y >= 0 && quote.y < PHONE.height, `the quote shows on the screen: ${JSON.stringify(quote)}`);
        await screenshot(page, `phone-tap-360-${scheme}.png`);

        // The panel is short: the document and article are one line, and a tap on it opens them in place.
        const citation = widget.locator('.pt-details .pt-citation');
        const fact = citation.locator('.pt-details-fact').first();
        assert.equal(await fact.isVisible(), false, 'the document line waits behind its summary');
        await citation.locator('summary').tap();
        await fact.waitFor({ state: 'visible' });
        assert.match(await fact.innerText(), /^Văn bản: /);
        assert.deepEqual(await mark(first.target).boundingBox(), before, 'opening the citation moves no mark');
        assert.equal(await page.evaluate(() => window.scrollY), scrollY, 'nor the page');
        assert.equal((await widget.boundingBox()).height, tapped, 'nor the widget\'s height');

        // The panel is an area under the chart, never over it: every mark stays in reach, and one aimed
        // where it was before the first tap takes the second tap.
        const chartBox = await widget.locator('.pt-chart').boundingBox();
        const panelBox = await widget.locator('.pt-details').boundingBox();
        assert.ok(panelBox.y >= chartBox.y + chartBox.height - 0.5,
          `the details start under the chart: panel at ${panelBox.y}, chart ends at ${chartBox.y + chartBox.height}`);
        assert.equal((await tappableMarks(widget)).length, marks.length, 'no mark is covered by the details');
        const second = (await tappableMarks(widget)).find((m) => m.target !== first.target);
        assert.ok(second, 'another mark is still in reach');
        const was = marks.find((m) => m.target === second.target);
        assert.deepEqual([second.x, second.y], [was.x, was.y], 'where it was before the first tap');
        await page.touchscreen.tap(second.x, second.y);
        await page.waitForFunction((target) => document.querySelector('province-targets').shadowRoot
          .querySelector('.pt-details')?.getAttribute('data-showing') === target, second.target);
        assert.equal(await showing(widget), second.target);
        assert.equal(await page.evaluate(() => window.scrollY), scrollY, 'the page still has not scrolled');
        assert.equal((await widget.boundingBox()).height, tapped, 'the widget still has its height');
      } finally {
        await ctx.close();
      }
    });
  }
});

describe('a range bar on a phone (360×740, touch)', () => {
  test('a tap on the bar, on its label or between them opens its details ("15–20%", Bình Định)', async () => {
    const { ctx, page, widget } = await phonePage(`indicator="${GRDP}"`);
    try {
      const mark = widget.locator('.pt-mark[data-target="57"]');
      assert.equal(await mark.getAttribute('aria-label'), 'Bình Định, 2030: 15–20%');
      const box = await mark.boundingBox();
      const label = await mark.locator('text').first().boundingBox();
      const bar = await mark.locator('line').first().boundingBox();
      assert.ok(box.y + box.height < PHONE.height, `the bar is on the first screen: ${JSON.stringify(box)}`);
      const other = (await tappableMarks(widget)).find((m) => m.target !== '57');
      const centre = (b) => [b.x + b.width / 2, b.y + b.height / 2];
      // The middle of the mark as the reader sees it (words over a bar) lies between the label and the bar.
      for (const [where, [x, y]] of [['the mark\'s middle', centre(box)], ['the label', centre(label)], ['the bar', centre(bar)]]) {
        await page.touchscreen.tap(x, y);
        await page.waitForFunction(() => document.querySelector('province-targets').shadowRoot
          .querySelector('.pt-details')?.getAttribute('data-showing') === '57');
        assert.equal(await showing(widget), '57', `a tap on ${where} opens the details`);
        // Another mark's tap moves the details away, ready for the next place.
        await page.touchscreen.tap(other.x, other.y);
        await page.waitForFunction((target) => document.querySelector('province-targets').shadowRoot
          .querySelector('.pt-details')?.getAttribute('data-showing') === target, other.target);
      }
    } finally {
      await ctx.close();
    }
  });
});
