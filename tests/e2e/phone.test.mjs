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

describe('the chart first on a phone (360×740)', () => {
  test('with the widget\'s top at the screen\'s top, the first mark is in the first 40% of the screen', async () => {
    const { ctx, page, widget } = await phonePage('');
    try {
      const { widgetTop, markTop, controlsTop, chartBottom } = await widget.evaluate((host) => {
        const root = host.shadowRoot;
        const top = (s) => root.querySelector(s).getBoundingClientRect().top;
        return { widgetTop: host.getBoundingClientRect().top, markTop: top('.pt-mark'), controlsTop: top('.pt-controls'),
          chartBottom: root.querySelector('.pt-chart').getBoundingClientRect().bottom };
      });
      assert.equal(widgetTop, 0);
      assert.ok(markTop < 0.4 * PHONE.height, `the first mark is ${markTop.toFixed(0)} px down (was 431)`);
      assert.ok(controlsTop > chartBottom, 'the controls follow the chart');
      await screenshot(page, 'phone-chart-first-360.png');
    } finally {
      await ctx.close();
    }
  });

  test('every control is reachable and usable by touch', async () => {
    const { ctx, page, widget } = await phonePage(`indicator="${GRDP}"`);
    try {
      const controls = widget.locator('.pt-controls');
      await controls.scrollIntoViewIfNeeded();
      // What a finger lands on at a control's centre is that control: nothing lies over it.
      const onTop = (locator) => locator.evaluate((el) => {
        const b = el.getBoundingClientRect();
        const hit = el.getRootNode().elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
        return el === hit || el.contains(hit);
      });
      const disclosure = widget.locator('.pt-provinces-toggle');
      assert.ok(await onTop(disclosure), 'the "Tỉnh" disclosure');
      await disclosure.tap();
      assert.equal(await disclosure.getAttribute('aria-expanded'), 'true');
      const chip = widget.locator('.pt-toggle').first();
      assert.ok(await onTop(chip), 'a province chip');
      await chip.tap();
      assert.equal(await chip.getAttribute('aria-pressed'), 'false', 'a tap turns a province off');
      await chip.tap();
      assert.equal(await chip.getAttribute('aria-pressed'), 'true', 'and on again');
      const national = widget.locator('.pt-national-toggle');
      assert.ok(await onTop(national), 'the national switch');
      const wasPressed = await national.getAttribute('aria-pressed');
      await national.tap();
      assert.notEqual(await national.getAttribute('aria-pressed'), wasPressed, 'a tap flips the national switch');
      const select = widget.locator('.pt-controls select');
      assert.ok(await onTop(select), 'the indicator picker');
      const year = widget.locator('.pt-year[data-year="all"]');
      assert.ok(await onTop(year), 'the year segments');
      await year.tap();
      assert.equal(await year.getAttribute('aria-checked'), 'true', 'a tap chooses a year');
      await select.selectOption('digital-economy-share-grdp');
      await screenshot(page, 'phone-controls-open-360.png');
    } finally {
      await ctx.close();
    }
  });

  test('every control is reachable by keyboard, after the chart and its details', async () => {
    const { ctx, page, widget } = await phonePage(`indicator="${GRDP}"`);
    try {
      const stops = [];
      await page.keyboard.press('Tab');
      for (let i = 0; i < 40; i++) {
        const stop = await widget.evaluate((host) => {
          const el = host.shadowRoot.activeElement;
          if (!el) return null;
          const kind = el.closest('.pt-controls') ? (el.className.baseVal ?? el.className) || el.tagName : el.closest('.pt-chart') ? 'mark' : 'other';
          if (el.matches('.pt-provinces-toggle') && el.getAttribute('aria-expanded') === 'false') el.click();
          return kind;
        });
        if (stop === null) break;
        stops.push(stop);
        await page.keyboard.press('Tab');
      }
      const first = (kind) => stops.findIndex((s) => String(s).includes(kind));
      for (const kind of ['pt-provinces-toggle', 'pt-toggle', 'pt-national-toggle', 'SELECT', 'pt-year']) {
        assert.ok(first(kind) >= 0, `Tab reaches ${kind}: ${stops.join(' → ')}`);
        assert.ok(first(kind) > first('mark'), `${kind} comes after the chart: ${stops.join(' → ')}`);
      }
    } finally {
      await ctx.close();
    }
  });
});

describe('the data table on a phone (360×740)', () => {
  test('each row is a card that reads in lines, not one word per line', async () => {
    const { ctx, page, widget } = await phonePage(`indicator="${GRDP}"`);
    try {
      await widget.locator('.pt-table-toggle').tap();
      const table = widget.locator('.pt-table');
      await table.waitFor({ state: 'visible' });
      const rows = await table.evaluate((wrap) => {
        const width = wrap.getBoundingClientRect().width;
        return {
          scrolls: wrap.scrollWidth > wrap.clientWidth + 1,
          caption: wrap.querySelector('caption').getBoundingClientRect().width / width,
          rows: [...wrap.querySelectorAll('tbody tr')].map((tr) => ({
            name: tr.querySelector('th').textContent,
            height: tr.getBoundingClientRect().height,
            // The narrowest cell that holds text, as a share of the table's width.
            narrowest: Math.min(...[...tr.children].filter((c) => c.textContent)
              .map((c) => c.getBoundingClientRect().width / width))
          }))
        };
      });
      assert.equal(rows.scrolls, false, 'the table does not scroll sideways');
      assert.ok(rows.caption > 0.9, `the caption spans the table, not a word a line: ${rows.caption.toFixed(2)}`);
      assert.ok(rows.rows.length >= 5, `a row per target: ${rows.rows.length}`);
      for (const row of rows.rows) {
        assert.ok(row.narrowest > 0.9, `every cell of ${row.name} spans the card: ${row.narrowest.toFixed(2)}`);
        assert.ok(row.height < 200, `${row.name}'s card is ${row.height.toFixed(0)} px tall`);
      }
      const label = await table.locator('tbody td[data-label]').first().evaluate((td) => getComputedStyle(td, '::before').content);
      assert.match(label, /Năm/, 'a cell says its column');
      await table.scrollIntoViewIfNeeded();
      await screenshot(page, 'phone-table-360.png');
    } finally {
      await ctx.close();
    }
  });
});
