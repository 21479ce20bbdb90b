// End-to-end tests of the demo article in dist/: the widget as a reader meets it in Chromium.
// Run with `node --test tests/e2e/` after `make build` (make test does both).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { builtFiles, markLabels, openHtml, openPage, screenshot, squash, start, stop, waitForChart } from './helpers.mjs';

const DEFAULT_INDICATOR = 'digital-economy-share-grdp';
const CSV_HEADER =
  'province_id,province,pillar,indicator_id,indicator,year,qualifier,value,value_max,unit,status,document,quote';

let server;
let browser;
let data;

before(async () => {
  ({ data, server, browser } = await start());
});

after(() => stop({ server, browser }));

const provinceName = (id) => data.provinces.find((p) => p.id === id).name_vi;
const provincesWith = (indicator) =>
  [...new Set(data.targets.filter((t) => t.indicator === indicator).map((t) => t.province))];

/** "Bắc Giang, 2025: khoảng 25%" -> the target it stands for, in the given indicator. */
function targetOfLabel(label, indicator, lang = 'vi') {
  const province = data.provinces.find((p) => label.startsWith(`${lang === 'vi' ? p.name_vi : p.name_ascii},`) ||
    label.startsWith(`${p.name_vi},`));
  assert.ok(province, `no province named at the start of the mark label "${label}"`);
  const year = Number(/,\s*(\d{4})\b/.exec(label)?.[1]);
  const target = data.targets.find((t) => t.province === province.id && t.indicator === indicator && t.year === year);
  assert.ok(target, `no ${indicator} target for ${province.id} in ${year} (mark "${label}")`);
  return target;
}

async function freshPage(options) {
  const opened = await openPage(browser, server.url, options);
  const widget = await waitForChart(opened.page, 0);
  return { ...opened, widget };
}

describe('default chart', () => {
  test('shows all five provinces, with marks for each in the GRDP indicator', async () => {
    const { ctx, widget } = await freshPage();
    try {
      const expected = provincesWith(DEFAULT_INDICATOR);
      assert.equal(data.provinces.length, 5, 'the dataset has five provinces');
      assert.equal(expected.length, 5, 'each province has a digital-economy-share-grdp target');
      const group = widget.getByRole('group', { name: /Tỉnh/ });
      for (const p of data.provinces) {
        const toggle = group.getByRole('button', { name: p.name_vi, exact: true });
        assert.equal(await toggle.isVisible(), true, `toggle for ${p.name_vi} is visible`);
        assert.equal(await toggle.getAttribute('aria-pressed'), 'true', `${p.name_vi} is on by default`);
      }
      const labels = await markLabels(widget);
      for (const id of expected) {
        const name = provinceName(id);
        assert.ok(labels.some((l) => l.startsWith(`${name},`)), `a mark for ${name} in ${JSON.stringify(labels)}`);
      }
      for (const label of labels) targetOfLabel(label, DEFAULT_INDICATOR);
      const expectedMarks = data.targets.filter((t) => t.indicator === DEFAULT_INDICATOR && t.value !== null).length;
      assert.equal(labels.length, expectedMarks, 'one mark per numeric target of the default indicator');
      assert.ok(squash(await widget.locator('.pt-summary').innerText()).length > 0, 'a summary sentence');
      assert.match(squash(await widget.locator('.pt-source').innerText()), /^Nguồn: Nghị quyết số 111-NQ\/TU/,
        'one source line naming the documents');
    } finally {
      await ctx.close();
    }
  });

  test('turning a province off removes its marks; turning it on restores them', async () => {
    const { ctx, widget } = await freshPage();
    try {
      const name = provinceName(provincesWith(DEFAULT_INDICATOR)[1]);
      const toggle = widget.getByRole('group', { name: /Tỉnh/ }).getByRole('button', { name, exact: true });
      const before = await markLabels(widget);
      const mine = before.filter((l) => l.startsWith(`${name},`));
      assert.ok(mine.length > 0, `${name} has marks to begin with`);

      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      const without = await markLabels(widget);
      assert.deepEqual(without.filter((l) => l.startsWith(`${name},`)), [], `${name}'s marks are gone`);
      assert.equal(without.length, before.length - mine.length, 'the other marks stay');

      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.deepEqual((await markLabels(widget)).sort(), [...before].sort(), 'all marks are back');
    } finally {
      await ctx.close();
    }
  });

  test('switching the indicator and the year changes the marks', async () => {
    const { ctx, widget } = await freshPage();
    try {
      const indicator = 'records-online-commune';
      const selects = widget.locator('select');
      assert.equal(await selects.count(), 1, 'one select, the indicator; the year is a radio group');
      const indicatorSelect = widget.locator('select:has(optgroup)');
      assert.ok((await indicatorSelect.locator('optgroup').count()) >= 2, 'one optgroup per pillar');

      const before = await markLabels(widget);
      await indicatorSelect.selectOption(await optionValue(indicatorSelect, indicator,
        data.indicators.find((i) => i.id === indicator).label_vi));
      const afterIndicator = await markLabels(widget);
      assert.notDeepEqual(afterIndicator.sort(), [...before].sort(), 'the marks changed with the indicator');
      for (const label of afterIndicator) targetOfLabel(label, indicator);

      await widget.getByRole('radiogroup', { name: 'Năm' }).getByRole('radio', { name: '2025' }).click();
      const afterYear = await markLabels(widget);
      const expected = data.targets.filter((t) => t.indicator === indicator && t.year === 2025 && t.value !== null);
      assert.equal(afterYear.length, expected.length, `one mark per ${indicator} target in 2025`);
      for (const label of afterYear) assert.equal(targetOfLabel(label, indicator).year, 2025, label);
    } finally {
      await ctx.close();
    }
  });

  test('Tab reaches every control in order', async () => {
    const { ctx, page, widget } = await freshPage();
    try {
      await page.evaluate(() => window.scrollTo(0, 0));
      const seen = [];
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          let el = document.activeElement;
          const host = el?.localName === 'province-targets' ? el : null;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          if (!host || !el || el === host) return null;
          const name = el.getAttribute('aria-label') || el.textContent.trim().slice(0, 60);
          return { tag: el.localName, cls: el.getAttribute('class') ?? '', name, group: !!el.closest('[role=group]'),
            download: el.hasAttribute('download'), host: [...document.querySelectorAll('province-targets')].indexOf(host) };
        });
        if (focused && focused.host === 0) seen.push(focused);
        else if (seen.length) break; // left the first widget
      }
      const describe = (f) => `${f.tag}.${f.cls}:${f.name}`;
      const order = [];
      for (const p of data.provinces) {
        order.push(['toggle ' + p.name_vi, (f) => f.tag === 'button' && f.group && f.name === p.name_vi]);
      }
      order.push(['indicator select', (f) => f.tag === 'select']);
      order.push(['year segments', (f) => f.tag === 'button' && /pt-year/.test(f.cls)]);
      order.push(['downloads menu button', (f) => f.tag === 'button' && /pt-downloads-toggle/.test(f.cls)]);
      order.push(['table toggle', (f) => f.tag === 'button' && /pt-table-toggle/.test(f.cls)]);
      let at = 0;
      for (const [what, matches] of order) {
        while (at < seen.length && !matches(seen[at])) at++;
        assert.ok(at < seen.length, `Tab reached the ${what} in order; focus went: ${seen.map(describe).join(' → ')}`);
        at++;
      }
      const yearStops = seen.filter((f) => /pt-year/.test(f.cls));
      assert.equal(yearStops.length, 1, `the year segments are one Tab stop: ${yearStops.map(describe).join(', ')}`);
      const markStops = seen.filter((f) => /pt-mark/.test(f.cls));
      assert.equal(markStops.length, 1, `the chart is one Tab stop, not one per mark: ${markStops.map(describe).join(', ')}`);
    } finally {
      await ctx.close();
    }
  });

  test('inside the chart, arrows move by position, the panel follows, Enter pins and Escape clears', async () => {
    const { ctx, page, widget } = await freshPage();
    try {
      const focused = () => page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        const box = el?.getBoundingClientRect();
        return el?.classList.contains('pt-mark')
          ? { label: el.getAttribute('aria-label'), x: box.x + box.width / 2, y: box.y + box.height / 2 }
          : null;
      });
      const quote = async () => squash(await widget.locator('.pt-details').innerText());
      await widget.locator('.pt-mark[tabindex="0"]').focus();
      const start = await focused();
      assert.ok(start, 'the chart\'s Tab stop is a mark');
      assert.ok((await quote()).includes(squash(targetOfLabel(start.label, DEFAULT_INDICATOR).quote)),
        'the panel shows the focused mark');

      await page.keyboard.press('ArrowRight');
      const right = await focused();
      assert.ok(right && right.label !== start.label, 'ArrowRight moves to another mark');
      assert.ok(Math.abs(right.y - start.y) < 4 && right.x > start.x, `ArrowRight stays in the row and goes right: ${JSON.stringify([start, right])}`);
      assert.ok((await quote()).includes(squash(targetOfLabel(right.label, DEFAULT_INDICATOR).quote)), 'the panel follows focus');

      await page.keyboard.press('ArrowDown');
      const down = await focused();
      assert.ok(down && down.y > right.y + 4, `ArrowDown goes to the row below: ${JSON.stringify([right, down])}`);
      await page.keyboard.press('ArrowUp');
      assert.equal((await focused())?.y.toFixed(0), right.y.toFixed(0), 'ArrowUp comes back to the row above');

      // The Tab stop moved with the reader: leaving and coming back lands on the same mark.
      const here = (await focused()).label;
      assert.equal(await widget.locator('.pt-mark[tabindex="0"]').count(), 1, 'one mark holds the Tab stop');
      assert.equal(await widget.locator('.pt-mark[tabindex="0"]').getAttribute('aria-label'), here);

      await page.keyboard.press('Enter');
      await widget.locator('.pt-mark').last().hover();
      assert.ok((await quote()).includes(squash(targetOfLabel(here, DEFAULT_INDICATOR).quote)),
        'a pinned mark\'s details stay while the pointer passes over another');
      await page.keyboard.press('Escape');
      assert.equal(await widget.locator('.pt-details-hint').count(), 1,
        'Escape unpins: the panel goes back to the view\'s opening target, with the hint under it');
      assert.equal((await focused())?.label, here, 'Escape keeps the focus where it was');
    } finally {
      await ctx.close();
    }
  });

  test('focusing or hovering a mark shows its quote in the details panel', async () => {
    const { ctx, widget } = await freshPage();
    try {
      const marks = widget.locator('.pt-mark');
      const count = await marks.count();
      assert.ok(count >= 2, 'at least two marks');
      const details = widget.locator('.pt-details');

      const first = marks.first();
      await first.focus();
      const target = targetOfLabel(await first.getAttribute('aria-label'), DEFAULT_INDICATOR);
      const quote = squash(await details.locator('blockquote').innerText());
      assert.ok(quote.includes(squash(target.quote)),
        `focus: details quote "${quote}" contains "${target.quote}"`);

      const last = marks.nth(count - 1);
      await last.hover();
      const other = targetOfLabel(await last.getAttribute('aria-label'), DEFAULT_INDICATOR);
      assert.notEqual(other.id, target.id);
      const quote2 = squash(await details.locator('blockquote').innerText());
      assert.ok(quote2.includes(squash(other.quote)), `hover: details quote "${quote2}" contains "${other.quote}"`);
    } finally {
      await ctx.close();
    }
  });

  test('the CSV link downloads the data with the expected header', async () => {
    const { ctx, page, widget } = await freshPage();
    try {
      await widget.getByRole('button', { name: 'Tải xuống' }).click();
      const link = widget.getByRole('link', { name: 'Tải toàn bộ dữ liệu (CSV)' });
      assert.equal(await link.getAttribute('download') !== null, true, 'the link has a download attribute');
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const raw = await readFile(await download.path(), 'utf8');
      assert.ok(raw.startsWith('\uFEFF'), 'a byte-order mark, so that Excel reads the diacritics');
      const lines = raw.slice(1).split(/\r?\n/);
      // The reader's columns first, then the record kind and the fields `province-targets import` reads back.
      assert.ok(lines[0].startsWith(`${CSV_HEADER},record,`), lines[0]);
      assert.ok(lines[1].startsWith('bac-giang,Bắc Giang,'), lines[1]);
      assert.ok(lines.length > 2, 'the CSV has data rows');
      assert.match(download.suggestedFilename(), /\.csv$/);
    } finally {
      await ctx.close();
    }
  });

  test('the data table toggle shows a table', async () => {
    const { ctx, widget } = await freshPage();
    try {
      const toggle = widget.locator('.pt-table-toggle');
      const table = widget.locator('table');
      assert.equal(await table.isVisible(), false, 'the table starts hidden');
      await toggle.click();
      assert.equal(await table.isVisible(), true, 'the toggle shows the table');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      assert.ok((await table.locator('tbody tr').count()) > 0, 'the table has rows');
      await toggle.click();
      assert.equal(await table.isVisible(), false, 'and hides it again');
    } finally {
      await ctx.close();
    }
  });
});

describe('the demo page', () => {
  test('two widgets, no console error, three requests for both: the script, the module and the data', async () => {
    const { ctx, page, log } = await openPage(browser, server.url);
    try {
      assert.equal(await page.locator('province-targets').count(), 2, 'two widgets on the page');
      await waitForChart(page, 0);
      await waitForChart(page, 1); // scrolls it into view: the lazy one initialises
      const second = page.locator('province-targets').nth(1);
      assert.equal(await second.locator('.pt-root').getAttribute('lang'), 'en');
      // Everything but the demo article's own files: the embeds' requests, each made once.
      const article = ['/', '/index.html', '/demo.css', '/demo.js', '/favicon.ico'];
      const embeds = log.requests.map((u) => new URL(u).pathname).filter((p) => !article.includes(p)).sort();
      const files = await builtFiles();
      assert.deepEqual(embeds, ['/province-targets.js', `/${files['province_targets_bg.wasm'].path}`,
        `/${files['targets.json'].path}`].sort(),
        'the script, the .wasm and the dataset, each requested exactly once');
      assert.deepEqual(log.errors, [], 'no console error');
      assert.deepEqual(log.failed, [], 'no failed request');
    } finally {
      await ctx.close();
    }
  });

  for (const width of [360, 1000]) {
    test(`screenshot at ${width} px, no horizontal overflow`, async () => {
      const { ctx, page, log } = await openPage(browser, server.url, { viewport: { width, height: 900 } });
      try {
        await waitForChart(page, 0);
        await waitForChart(page, 1);
        await page.evaluate(() => window.scrollTo(0, 0));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(overflow <= width, `the page is ${overflow} px wide in a ${width} px viewport`);
        await screenshot(page, `demo-${width}.png`, { fullPage: true });
        await screenshot(page.locator('province-targets').first(), `widget-${width}.png`);
        assert.deepEqual(log.errors, []);
      } finally {
        await ctx.close();
      }
    });
  }

  // 560 and 700 px: where the national-target switch takes a row of its own under the indicator and years.
  for (const width of [360, 560, 700, 1000]) {
    test(`the chart arriving does not move the article at ${width} px (cumulative layout shift 0)`, async () => {
      const { ctx, page } = await openPage(browser, null, { viewport: { width, height: 800 } });
      try {
        await page.addInitScript(() => {
          window.__ptShift = 0;
          const add = (entries) => {
            for (const entry of entries) if (!entry.hadRecentInput) window.__ptShift += entry.value;
          };
          window.__ptShifts = new PerformanceObserver((list) => add(list.getEntries()));
          window.__ptShifts.observe({ type: 'layout-shift', buffered: true });
          window.__ptShiftSoFar = () => {
            add(window.__ptShifts.takeRecords());
            return window.__ptShift;
          };
        });
        await page.goto(server.url, { waitUntil: 'load' });
        await page.locator('province-targets').first().locator('.pt-chart svg').waitFor({ timeout: 15000 });
        // The rows below the first screen are drawn in a task after the first frame that follows the mount
        // (state.rs, draw_rest_after_next_frame), which was queued before this frame callback: after this
        // callback's task, they are drawn; after the next frame's, they are laid out, and any shift they made
        // is recorded (takeRecords reads the entries not yet delivered).
        const shift = await page.evaluate(() => new Promise((resolve) => {
          const afterFrame = (then) => requestAnimationFrame(() => setTimeout(then));
          afterFrame(() => afterFrame(() => resolve(window.__ptShiftSoFar())));
        }));
        // The widget keeps the height it reserved while loading (widget.css), so nothing below it moves.
        assert.equal(shift, 0, `cumulative layout shift ${shift.toFixed(4)}`);
      } finally {
        await ctx.close();
      }
    });
  }

  test('a page with no theme set stays light on a dark-scheme reader; the demo\'s "auto" follows the scheme', async () => {
    const html = '<!doctype html><html lang="vi"><body><script src="province-targets.js"></script></body></html>';
    const { ctx, page } = await openHtml(browser, server, html, { colorScheme: 'dark' });
    try {
      const widget = await waitForChart(page, 0);
      assert.equal(await widget.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 255, 255)');
      assert.equal(await widget.evaluate((el) => el.shadowRoot.querySelector('.pt-chart svg rect').getAttribute('fill')), '#ffffff');
    } finally {
      await ctx.close();
    }
  });

  test('dark theme (prefers-color-scheme: dark) gives the widget a dark background', async () => {
    const { ctx, page } = await openPage(browser, server.url, { colorScheme: 'dark' });
    try {
      const widget = await waitForChart(page, 0);
      const bg = await widget.evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(bg, 'rgb(22, 24, 29)');
      await screenshot(widget, 'widget-dark-1000.png');
    } finally {
      await ctx.close();
    }
  });

  // The widget's own background (CSS) and the chart's (drawn by the module) must always agree: after the
  // theme attribute changes, and for a value the module does not know (light, the default).
  test('changing the theme attribute recolours the chart with the widget; an unknown value is light', async () => {
    const { ctx, page } = await openPage(browser, server.url, { colorScheme: 'dark' });
    try {
      const widget = await waitForChart(page, 0);
      const colours = () => widget.evaluate((el) => [
        getComputedStyle(el).backgroundColor,
        el.shadowRoot.querySelector('.pt-chart svg rect').getAttribute('fill')
      ]);
      const dark = ['rgb(22, 24, 29)', '#16181d'];
      const light = ['rgb(255, 255, 255)', '#ffffff'];
      for (const [theme, expected] of [['light', light], ['dark', dark], ['night', light], ['auto', dark], ['light', light]]) {
        await widget.evaluate((el, t) => el.setAttribute('theme', t), theme);
        await page.waitForFunction(
          ([t, fill]) => {
            const el = document.querySelector('province-targets');
            const rect = el.shadowRoot.querySelector('.pt-chart svg rect');
            return el.getAttribute('data-state') === 'ready' && rect && rect.getAttribute('fill') === fill;
          },
          [theme, expected[1]],
          { timeout: 10000 }
        ).catch(() => {});
        assert.deepEqual(await colours(), expected, `theme="${theme}" on a dark-scheme page`);
      }
    } finally {
      await ctx.close();
    }
  });
});

/** The value of the option whose value or text is `value` or `label`. */
async function optionValue(select, value, label) {
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent.trim()]));
  const hit = options.find(([v, t]) => v === value || t === label || t === value);
  assert.ok(hit, `an option ${value} / ${label} among ${JSON.stringify(options)}`);
  return hit[0];
}
