// Issue 15, the national yardstick: the digital-economy chart for 2025 shows the national target of
// QĐ 749/QĐ-TTg as a labelled line at 20%, the summary says who set more, and national="off" hides it. The
// reader's "Mục tiêu quốc gia" switch shows only where there is a national line, and takes it away (and back).
// The line is in the chart's keyboard model (ArrowUp from the first row) and tappable by its label: its details
// say "Mục tiêu quốc gia", the value, the year and the document, never a quote or a province.
// Run with `node --test tests/e2e/national.test.mjs` after `make build`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { animationsDone, openHtml, readDataset, screenshot, squash, start, stop, waitForChart } from './helpers.mjs';

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
        // The axis's tick, the last "20%" (a mark's own "20%" label stands beside the line, above the axis).
        const tick = chart.texts.findLast((t) => t.text === '20%' && t.box.top > label.box.bottom + 100);
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

/** The widget's national-target switch, by its role and name as a screen reader finds it. */
const switchOf = (widget) => widget.getByRole('button', { name: 'Mục tiêu quốc gia', exact: true });

/** A page with one embed of `indicator`, with `extra` attributes, and the change events it heard. */
function pageOf(indicator, extra = '') {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>national switch</title></head>
    <body style="margin:0"><province-targets indicator="${indicator}" ${extra}></province-targets>
    <script>window.ptChanges = []; document.addEventListener('province-targets-change', (e) => window.ptChanges.push(e.detail));</script>
    <script src="province-targets.js" data-embed="none"></script></body></html>`;
}

describe('the reader\'s national-target switch', () => {
  test('is a pressed 44 px chip on the digital-economy chart; a click takes the line and the sentence away, and back', async () => {
    const { ctx, page: tab } = await openHtml(browser, server, pageOf('digital-economy-share-grdp', 'year="2025"'),
      { viewport: { width: 1280, height: 1000 } });
    try {
      const widget = await waitForChart(tab, 0);
      const toggle = switchOf(widget);
      await toggle.waitFor({ state: 'visible' });
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'on by default: the line is drawn');
      const box = await toggle.boundingBox();
      assert.ok(box.height >= 44 && box.width >= 44, `a 44 px target: ${box.width} × ${box.height}`);
      assert.equal((await chartOf(widget)).lines.filter((l) => l.width === '1.5').length, 1, 'the line is drawn');

      await toggle.click();
      await tab.waitForFunction(() => window.ptChanges.length === 1);
      // The label and line fade out before they go (motion.js): what the reader is left with is read after that.
      await animationsDone(widget);
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      const off = await chartOf(widget);
      assert.ok(!off.texts.some((t) => t.text === LABEL), 'no national label');
      assert.equal(off.lines.filter((l) => l.width === '1.5').length, 0, 'no national line');
      assert.ok(!off.desc.includes('quốc gia'), `the summary no longer names it: ${off.desc}`);
      assert.ok(off.texts.some((t) => t.text === 'khoảng 25%'), 'the provinces\' marks are still drawn');
      const changes = await tab.evaluate(() => window.ptChanges);
      assert.equal(changes[0].national, 'off', 'the change event (state()\'s view) carries national="off"');

      await toggle.click();
      await tab.waitForFunction(() => window.ptChanges.length === 2);
      await animationsDone(widget);
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      const on = await chartOf(widget);
      assert.ok(on.texts.some((t) => t.text === LABEL), 'the label is back');
      assert.match(on.desc, /Mục tiêu quốc gia 2025: 20% \(QĐ 749\/QĐ-TTg\)\./);
      assert.equal((await tab.evaluate(() => window.ptChanges))[1].national, 'on');
      await screenshot(tab, 'national-switch-1280.png');
    } finally {
      await ctx.close();
    }
  });

  test('works by keyboard (Space) and by touch (a tap) on a phone', async () => {
    const { ctx, page: tab } = await openHtml(browser, server, pageOf('digital-economy-share-grdp', 'year="2025"'),
      { viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true });
    try {
      const widget = await waitForChart(tab, 0);
      const toggle = switchOf(widget);
      await toggle.focus();
      await tab.keyboard.press('Space');
      await tab.waitForFunction(() => window.ptChanges.length === 1);
      await animationsDone(widget);
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false', 'Space turns it off');
      assert.ok(!(await chartOf(widget)).texts.some((t) => t.text === LABEL), 'no label after Space');
      await toggle.tap();
      await tab.waitForFunction(() => window.ptChanges.length === 2);
      await animationsDone(widget);
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'a tap turns it back on');
      assert.ok((await chartOf(widget)).texts.some((t) => t.text === LABEL), 'the label is back after a tap');
      await screenshot(tab, 'national-switch-360.png', { fullPage: true });
    } finally {
      await ctx.close();
    }
  });

  test('is not there for an indicator without a national target, and comes with one chosen', async () => {
    const { ctx, page: tab } = await openHtml(browser, server, pageOf('admin-dossiers-online'),
      { viewport: { width: 1280, height: 1000 } });
    try {
      const widget = await waitForChart(tab, 0);
      assert.equal(await switchOf(widget).count(), 0, 'no switch (a hidden button has no role to find)');
      await widget.locator('select').selectOption('digital-economy-share-grdp');
      await switchOf(widget).waitFor({ state: 'visible' });
    } finally {
      await ctx.close();
    }
  });

  test('is hidden with controls="none", like the other controls', async () => {
    const { ctx, page: tab } = await openHtml(browser, server,
      pageOf('digital-economy-share-grdp', 'year="2025" controls="none"'), { viewport: { width: 1280, height: 1000 } });
    try {
      const widget = await waitForChart(tab, 0);
      assert.equal(await switchOf(widget).count(), 0);
      assert.ok((await chartOf(widget)).texts.some((t) => t.text === LABEL), 'the line is still drawn');
    } finally {
      await ctx.close();
    }
  });
});

/** What has focus inside the widget: its class, role, accessible name and Tab stop. */
const focusedOf = (widget) => widget.evaluate((host) => {
  const el = host.shadowRoot.activeElement;
  return el && { cls: el.getAttribute('class'), role: el.getAttribute('role'), name: el.getAttribute('aria-label'),
    tabindex: el.getAttribute('tabindex') };
});

/** The details panel as a reader reads it, whether it holds a quote, and the live region's sentence. */
const panelOf = async (widget) => ({
  text: squash(await widget.locator('.pt-details').innerText()),
  quotes: await widget.locator('.pt-details blockquote').count(),
  said: squash(await widget.locator('.pt-live').textContent()),
});

/** What the details panel says of the 2025 national target: no quote and no province, ever. */
function assertNationalDetails(panel, provinces) {
  assert.match(panel.text, /^Mục tiêu quốc gia · 2025 /, `it says "national target" and the year: ${panel.text}`);
  assert.ok(panel.text.includes('Kinh tế số trong GRDP: 20%'), `the value: ${panel.text}`);
  assert.match(panel.text, /Văn bản: QĐ 749\/QĐ-TTg, Quyết định phê duyệt “Chương trình Chuyển đổi số quốc gia/,
    `the document in full: ${panel.text}`);
  assert.equal(panel.quotes, 0, 'no quote: a national target is not a province\'s words');
  for (const p of provinces) assert.ok(!panel.text.includes(p.name_vi), `no province name (${p.name_vi}): ${panel.text}`);
}

describe('the national line in the chart\'s one keyboard and touch model (issue 15)', () => {
  for (const width of [360, 1280]) {
    test(`ArrowUp from the first row reaches the line, which opens its details and is heard as a national target, at ${width} px`, async () => {
      const { ctx, page: tab } = await openHtml(browser, server, page(), { viewport: { width, height: 1000 } });
      try {
        const widget = await waitForChart(tab, 0);
        assert.equal(await widget.getByRole('button', { name: LABEL, exact: true }).count(), 1,
          'the line is a button named by its label');
        await widget.locator('.pt-mark[tabindex="0"]').focus();
        assert.equal((await focusedOf(widget)).cls, 'pt-mark', 'the chart\'s Tab stop starts on a province\'s mark');
        await tab.keyboard.press('ArrowUp');
        const focused = await focusedOf(widget);
        assert.deepEqual(focused, { cls: 'pt-national', role: 'button', name: LABEL, tabindex: '0' },
          'ArrowUp goes to the national line above the rows, which now holds the Tab stop');
        const panel = await panelOf(widget);
        assert.equal(panel.said, `${LABEL}.`, 'a screen reader hears "Mục tiêu quốc gia 2025: 20% (QĐ 749/QĐ-TTg)."');
        assert.ok(!/tỉnh/i.test(panel.said), 'never a province\'s words');
        assertNationalDetails(panel, (await readDataset()).provinces);

        // Keyboard focus draws a ring round the label's box, and the line thickens.
        const ring = await widget.locator('.pt-national[tabindex="0"]').evaluate((g) => ({
          box: getComputedStyle(g.querySelector('rect')).stroke,
          line: getComputedStyle(g.querySelector('line')).strokeWidth,
        }));
        assert.notEqual(ring.box, 'none', 'the label\'s box has a ring');
        assert.equal(ring.line, '3px');
        await screenshot(tab, `national-line-focused-${width}.png`, { fullPage: true });

        await tab.keyboard.press('Enter');
        assert.match((await panelOf(widget)).said, /^Văn bản: QĐ 749\/QĐ-TTg, Quyết định/,
          'Enter says the document in full, as a mark says its quote');
        await tab.keyboard.press('ArrowDown');
        assert.equal((await focusedOf(widget)).cls, 'pt-mark', 'ArrowDown goes back to the rows');
      } finally {
        await ctx.close();
      }
    });
  }

  test('a tap on the label opens its details on a phone; its touch target is at least 24 × 24 px', async () => {
    const { ctx, page: tab } = await openHtml(browser, server, page(),
      { viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true });
    try {
      const widget = await waitForChart(tab, 0);
      const target = widget.locator('.pt-national > rect');
      const box = await target.boundingBox();
      assert.ok(box.width >= 24 && box.height >= 24, `the touch target: ${box.width} × ${box.height}`);
      await target.tap();
      const panel = await panelOf(widget);
      assertNationalDetails(panel, (await readDataset()).provinces);
      await screenshot(tab, 'national-line-tapped-360.png', { fullPage: true });
      // Pinned, as a tapped mark is: a tap on a mark then shows that mark's quote instead.
      // On its label: the mark's middle may be the gap where the national line runs between label and marker.
      await widget.locator('.pt-mark').first().locator('text').tap();
      assert.equal((await panelOf(widget)).quotes, 1, 'a mark\'s details have its quote');
    } finally {
      await ctx.close();
    }
  });
});
