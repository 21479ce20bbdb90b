// The widget fits what it shows: once the reader has acted in it, no view they reach by the controls leaves a
// blank box below its last line (the height reserved while loading keeps the article still until then), and
// the reader's own input, or the widget being wholly below the screen, is what lets the height go, so the article
// does not count a layout shift.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { blankBelow, layoutShift, openHtml, start, stop, waitForChart, watchLayoutShift } from './helpers.mjs';

const MOST_BLANK = 24; // px below the widget's last content

let env;
before(async () => {
  env = await start();
});
after(async () => stop(env ?? {}));

const PAGE = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài</title></head><body>' +
  '<script src="province-targets.js"></script><p id="after">Đoạn sau biểu đồ.</p></body></html>';

/** The page's widget once it has let its reservation go, mounted. */
async function fittedWidget(page) {
  const widget = page.locator('province-targets[data-fitted]');
  await widget.waitFor({ state: 'attached' });
  assert.equal(await widget.getAttribute('data-state'), 'ready');
  return widget;
}

for (const width of [360, 1280]) {
  describe(`at ${width} px`, () => {
    test('every indicator and year a reader reaches leaves at most 24 px blank below the widget', async () => {
      const { ctx, page } = await openHtml(env.browser, env.server, PAGE, { viewport: { width, height: 800 } });
      try {
        const widget = await waitForChart(page);
        const select = widget.locator('select:has(optgroup)');
        const indicators = await select.locator('option').evaluateAll((options) => options.map((o) => o.value));
        assert.ok(indicators.length > 40, `${indicators.length} indicators`);
        const holes = [];
        for (const indicator of indicators) {
          await select.selectOption(indicator);
          // A year no shown province targeted is marked and skipped (aria-disabled): a reader reaches that view
          // by turning provinces off, below.
          const years = await widget.locator('.pt-year:not([aria-disabled="true"])')
            .evaluateAll((b) => b.map((x) => x.getAttribute('data-year')));
          for (const year of years) {
            const button = widget.locator(`.pt-year[data-year="${year}"]`);
            await button.click();
            await widget.locator(`.pt-year[data-year="${year}"][aria-checked="true"]`).waitFor();
            const blank = await blankBelow(widget);
            if (blank > MOST_BLANK) holes.push(`${indicator} ${year}: ${blank} px`);
          }
        }
        assert.deepEqual(holes, [], `views with a blank box below them at ${width} px`);
      } finally {
        await ctx.close();
      }
    });
  });
}

describe('the default view before the reader acts', () => {
  // A screen taller than the widget, so the reservation is on screen and holds; the widths are bands of
  // widget.css's reserved heights, from a tablet to a wide page. Narrower, the widget is taller than a phone's
  // screen and lets its reservation go once on screen (see 'a chart at the top of a phone's screen').
  for (const width of [620, 700, 768, 1000, 1280, 1400]) {
    test(`reserves its own height at ${width} px: at most 24 px blank below it, no layout shift`, async () => {
      const { ctx, page } = await openHtml(env.browser, env.server, PAGE, { viewport: { width, height: 1600 } });
      try {
        await watchLayoutShift(page);
        const widget = await waitForChart(page);
        await widget.locator('.pt-details blockquote').first().waitFor();
        assert.equal(await widget.getAttribute('data-fitted'), null, 'the reservation holds: nobody acted');
        assert.ok(await blankBelow(widget) <= MOST_BLANK, `${await blankBelow(widget)} px blank below the widget`);
        assert.equal(await layoutShift(page), 0, 'layout shift');
      } finally {
        await ctx.close();
      }
    });
  }
});

describe('every province turned off', () => {
  test('leaves no blank box at 1280 px, and the page did not move before the reader acted', async () => {
    // A screen taller than the widget: the reservation is on screen and holds until the reader acts.
    const { ctx, page } = await openHtml(env.browser, env.server, PAGE, { viewport: { width: 1280, height: 1000 } });
    try {
      const widget = await waitForChart(page);
      assert.equal(await widget.getAttribute('data-fitted'), null, 'the reservation holds until the reader acts');
      const chips = widget.locator('.pt-toggle[aria-pressed="true"]');
      // With 2030 chosen, turning off the provinces that set it leaves a year no shown province targeted.
      await widget.locator('.pt-year[data-year="2030"]').click();
      await widget.locator('.pt-year[data-year="2030"][aria-checked="true"]').waitFor();
      while (await chips.count()) {
        await chips.first().click();
        assert.ok(await blankBelow(widget) <= MOST_BLANK, `${await blankBelow(widget)} px blank`);
      }
      assert.equal(await widget.getAttribute('data-fitted'), '');
    } finally {
      await ctx.close();
    }
  });
});

/** An article with `lead` before a one-province chart, far shorter than the height reserved for the default view. */
const articleWith = (lead) => '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài</title></head>' +
  `<body style="margin:0">${lead}<script src="province-targets.js" data-indicator="e-identification"></script>` +
  '<p id="after">Đoạn sau biểu đồ.</p></body></html>';

describe('a chart fits before the reader acts when nothing on screen would move', () => {
  const cases = [
    // One screen of text first: near enough to load at once (lazy.js), wholly below the viewport when it mounts.
    { name: 'a chart that loads below the screen', lead: '<p style="height:900px;margin:0">Đoạn mở đầu.</p>' },
    // At the top of a phone's screen, the chart's content reaches past its bottom: the blank is off screen.
    { name: 'a chart at the top of a phone\'s screen', lead: '' },
  ];
  for (const { name, lead } of cases) {
    test(`${name}: fitted before any input, the text after it still below the screen, no layout shift`, async () => {
      const viewport = { width: 360, height: 740 };
      const { ctx, page } = await openHtml(env.browser, env.server, articleWith(lead), { viewport });
      try {
        await watchLayoutShift(page);
        const widget = await fittedWidget(page);
        const afterTop = await page.locator('#after').evaluate((p) => p.getBoundingClientRect().top);
        assert.ok(afterTop >= viewport.height, `the text after the chart is still below the screen: ${afterTop}`);
        await widget.scrollIntoViewIfNeeded();
        assert.ok(await blankBelow(widget) <= MOST_BLANK, `${await blankBelow(widget)} px blank below the widget`);
        assert.equal(await layoutShift(page), 0, 'layout shift');
      } finally {
        await ctx.close();
      }
    });
  }
});

describe('the first view\'s own heights (the builder\'s `heights`)', () => {
  test('a value that is not WIDTH:HEIGHT pairs says so in the console and keeps the stylesheet\'s reservation', async () => {
    const page1 = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài</title></head><body>' +
      '<script src="province-targets.js" data-indicator="e-identification" data-heights="600-733"></script></body></html>';
    const { ctx, page, log } = await openHtml(env.browser, env.server, page1, { viewport: { width: 1280, height: 1600 } });
    try {
      const widget = await waitForChart(page);
      assert.ok(log.warnings.some((w) => /heights "600-733" is not WIDTH:HEIGHT pairs/.test(w)), log.warnings.join('\n'));
      assert.equal(await widget.evaluate((el) => el.style.getPropertyValue('--pt-view-height')), '');
    } finally {
      await ctx.close();
    }
  });

  test('each width gets the height of the last pair it reaches, and follows a resize', async () => {
    const page1 = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài</title></head><body style="margin:0">' +
      '<province-targets indicator="e-identification" heights="600:733,700:650"></province-targets>' +
      '<script src="province-targets.js" data-embed="none"></script></body></html>';
    const { ctx, page } = await openHtml(env.browser, env.server, page1, { viewport: { width: 650, height: 1600 } });
    try {
      const widget = await waitForChart(page);
      const reserved = () => widget.evaluate((el) => el.style.getPropertyValue('--pt-view-height'));
      assert.equal(await reserved(), '733px');
      await page.setViewportSize({ width: 1000, height: 1600 });
      await page.waitForFunction(() => document.querySelector('province-targets').style.getPropertyValue('--pt-view-height') === '650px');
      await page.setViewportSize({ width: 500, height: 1600 });
      await page.waitForFunction(() => document.querySelector('province-targets').style.getPropertyValue('--pt-view-height') === '');
    } finally {
      await ctx.close();
    }
  });
});
