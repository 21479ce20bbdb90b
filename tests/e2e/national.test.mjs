// Issue 15, the national yardstick: the digital-economy chart for 2025 shows the national target of
// QĐ 749/QĐ-TTg as a labelled line at 20%, the summary says who set more, and national="off" hides it.
// Run with `node --test tests/e2e/national.test.mjs` after `make build`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openHtml, screenshot, start, stop, waitForChart } from './helpers.mjs';

let server;
let browser;

before(async () => {
  ({ server, browser } = await start());
});

after(() => stop({ server, browser }));

const LABEL = 'Mục tiêu quốc gia 2025: 20% (QĐ 749/QĐ-TTg)';

/** A page with one embed of the digital-economy chart for 2025, with `extra` attributes. */
function page(extra = '') {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>national</title></head>
    <body style="margin:0"><province-targets indicator="digital-economy-share-grdp" year="2025" ${extra}></province-targets>
    <script src="province-targets.js" data-embed="none"></script></body></html>`;
}

/** The chart's texts, the vertical ink lines with where they stand, and the one summary a screen reader hears
 * (the hidden paragraph: the live SVG carries no <desc> of its own). */
async function chartOf(widget) {
  const desc = await widget.locator('.pt-summary').textContent();
  const drawn = await widget.locator('.pt-chart svg').first().evaluate((svg) => {
    const box = (el) => el.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, box: box(t) }));
    const lines = [...svg.querySelectorAll('line')]
      .filter((l) => l.getAttribute('x1') === l.getAttribute('x2') && l.getAttribute('stroke-dasharray'))
      .map((l) => ({ x: box(l).left + box(l).width / 2, width: l.getAttribute('stroke-width'), top: box(l).top, bottom: box(l).bottom }));
    return { texts, lines };
  });
  return { ...drawn, desc };
}

describe('the national target of QĐ 749 on the digital-economy chart for 2025', () => {
  for (const width of [360, 1280]) {
    test(`is a line at 20% labelled with its document, at ${width} px`, async () => {
      const { ctx, page: tab } = await openHtml(browser, server, page(), { viewport: { width, height: 1000 } });
      try {
        const widget = await waitForChart(tab, 0);
        const chart = await chartOf(widget);
        const label = chart.texts.find((t) => t.text === LABEL);
        assert.ok(label, `the label "${LABEL}" is drawn; texts: ${chart.texts.map((t) => t.text).join(' | ')}`);
        assert.ok(label.box.width > 0 && label.box.height > 0, 'the label is visible');

        // The reference line is the ink one (1.5 px), at the 20% tick, and reaches down through the rows.
        const tick = chart.texts.find((t) => t.text === '20%' && t.box.top > label.box.bottom + 100);
        assert.ok(tick, 'the axis has a 20% tick below the rows');
        const reference = chart.lines.filter((l) => l.width === '1.5');
        assert.equal(reference.length, 1, 'one national line for one year');
        assert.ok(Math.abs(reference[0].x - (tick.box.left + tick.box.width / 2)) < 1.5,
          `the line stands at 20%: line x ${reference[0].x}, tick x ${tick.box.left + tick.box.width / 2}`);
        assert.ok(reference[0].top >= label.box.bottom - 2 && reference[0].bottom > label.box.bottom + 100,
          'the line runs from under its label down through the rows');

        // What a screen reader hears names the national target, its document, and who set a higher one.
        assert.match(chart.desc, /Mục tiêu quốc gia 2025: 20% \(QĐ 749\/QĐ-TTg\)\./);
        assert.match(chart.desc, /Bắc Giang đặt cao hơn mục tiêu quốc gia \(20%\)\./);
        await screenshot(tab, `national-digital-economy-2025-${width}.png`, { fullPage: true });
      } finally {
        await ctx.close();
      }
    });
  }

  test('is not drawn with national="off", and nothing else about the chart changes', async () => {
    const { ctx, page: tab } = await openHtml(browser, server, page('national="off"'), { viewport: { width: 1280, height: 1000 } });
    try {
      const widget = await waitForChart(tab, 0);
      const chart = await chartOf(widget);
      assert.ok(!chart.texts.some((t) => t.text.includes('Mục tiêu quốc gia')), 'no national label');
      assert.equal(chart.lines.filter((l) => l.width === '1.5').length, 0, 'no national line');
      assert.ok(!chart.desc.includes('quốc gia'), `the summary says nothing of it: ${chart.desc}`);
      assert.ok(chart.texts.some((t) => t.text === 'khoảng 25%'), 'the provinces\' marks are still drawn');
    } finally {
      await ctx.close();
    }
  });
});
