// End-to-end tests of issue 14's controls and access: what a reader sees and hears of the province chips, the
// year segments, an empty year, the accessibility tree, the live region, and a tap on a phone.
// Run with `node --test tests/e2e/access.test.mjs` after `make build`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, animationsDone, openHtml, screenshot, squash, start, stop, waitForChart } from './helpers.mjs';

const GRDP = 'digital-economy-share-grdp';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

let server;
let browser;
let data;

before(async () => {
  ({ data, server, browser } = await start());
});

after(() => stop({ server, browser }));

const yearsOf = (indicator) =>
  [...new Set(data.targets.filter((t) => t.indicator === indicator).map((t) => t.year))].sort();

/** A page holding one widget with `attributes`, at `viewport`; resolves once the widget is ready. */
async function widgetPage(attributes = '', { viewport = DESKTOP, ...context } = {}) {
  const html = `<!doctype html><html lang="vi"><head><meta name="viewport" content="width=device-width"><title>Bài viết</title>
    </head><body style="margin:0"><province-targets ${attributes}></province-targets>
    <p style="height:1600px">Bài viết tiếp tục.</p><script src="province-targets.js" data-embed="none"></script></body></html>`;
  const opened = await openHtml(browser, server, html, { viewport, ...context });
  await opened.page.locator('province-targets').first().locator('.pt-chart svg').waitFor({ state: 'attached', timeout: 15000 });
  await opened.page.waitForFunction(() => document.querySelector('province-targets')?.getAttribute('data-state') === 'ready');
  return { ...opened, widget: opened.page.locator('province-targets').first() };
}

/** A computed colour "rgb(r, g, b)" or "rgba(…)" as [r, g, b, a]. */
function parseColour(text) {
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(text);
  assert.ok(m, `a computed colour: ${text}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}

/** "#1f63a8" as [r, g, b]. */
function parseHex(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance([r, g, b]) {
  const channel = (c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const colourDistance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** The fill of the 2025 marks, as drawn: the legend's 2025 key and the marks share it. */
async function fillOf2025(widget) {
  return widget.evaluate((host) => {
    const mark = [...host.shadowRoot.querySelectorAll('.pt-mark')].find((m) => /, 2025:/.test(m.getAttribute('aria-label')));
    const shape = [...mark.querySelectorAll('circle, rect, polygon')].find((s) => {
      const fill = s.getAttribute('fill');
      return fill && fill !== 'transparent' && fill !== 'none' && fill !== '#ffffff' && fill !== '#16181d';
    });
    return shape.getAttribute('fill');
  });
}

describe('the province filter', () => {
  for (const scheme of ['light', 'dark']) {
    test(`chips are neutral (not the 2025 marks' colour), carry a check mark when on and report aria-pressed (${scheme})`, async () => {
      const { ctx, widget } = await widgetPage(`theme="${scheme}"`);
      try {
        const mark2025 = parseHex(await fillOf2025(widget));
        const chips = widget.getByRole('group', { name: 'Tỉnh' }).getByRole('button');
        assert.equal(await chips.count(), data.provinces.length);
        const first = chips.first();
        assert.equal(await first.getAttribute('aria-pressed'), 'true');
        const look = () => first.evaluate((el) => {
          const style = getComputedStyle(el);
          return { bg: style.backgroundColor, border: style.borderTopColor, color: style.color,
            check: getComputedStyle(el, '::before').content };
        });
        const on = await look();
        for (const [what, colour] of [['background', on.bg], ['border', on.border], ['text', on.color]]) {
          const distance = colourDistance(parseColour(colour), mark2025);
          assert.ok(distance > 60, `a pressed chip's ${what} ${colour} is far from the 2025 marks' ${mark2025}: ${distance.toFixed(0)}`);
        }
        assert.match(on.check, /✓/, 'a pressed chip shows a check mark');
        await first.click();
        assert.equal(await first.getAttribute('aria-pressed'), 'false');
        assert.ok(!/✓/.test((await look()).check), 'an off chip has no check mark');
        // The check mark is not read out: the chip's name is the province's name alone.
        assert.equal(await chips.filter({ hasText: data.provinces[0].name_vi }).count(), 1);
        assert.equal(await widget.getByRole('button', { name: data.provinces[0].name_vi, exact: true }).count(), 1);
      } finally {
        await ctx.close();
      }
    });
  }

  test('the chips are one Tab stop: arrow keys move inside, Home and End go to the ends, Space toggles', async () => {
    const { ctx, page, widget } = await widgetPage('');
    try {
      const focusedChip = () => widget.evaluate((host) => {
        const el = host.shadowRoot.activeElement;
        return el?.matches('.pt-toggle') ? el.textContent : `not a chip: ${el?.className}`;
      });
      const names = data.provinces.map((p) => p.name_vi);
      const chips = widget.locator('.pt-toggle');
      assert.equal(await widget.locator('.pt-toggle[tabindex="0"]').count(), 1, 'one chip holds the Tab stop');
      await chips.first().focus();
      await page.keyboard.press('Tab');
      assert.equal(await widget.evaluate((host) => host.shadowRoot.activeElement?.localName), 'select',
        'Tab leaves the chips for the indicator picker in one step');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focusedChip(), names[0]);
      await page.keyboard.press('ArrowRight');
      assert.equal(await focusedChip(), names[1], 'ArrowRight goes to the next chip');
      await page.keyboard.press('End');
      assert.equal(await focusedChip(), names.at(-1), 'End to the last');
      await page.keyboard.press('ArrowRight');
      assert.equal(await focusedChip(), names.at(-1), 'no move past the last');
      await page.keyboard.press('ArrowLeft');
      assert.equal(await focusedChip(), names.at(-2), 'ArrowLeft back');
      await page.keyboard.press('Space');
      assert.equal(await chips.nth(names.length - 2).getAttribute('aria-pressed'), 'false', 'Space toggles the chip');
      // Tab leaves and Shift+Tab comes back to the chip the reader left, not the first.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focusedChip(), names.at(-2));
      await page.keyboard.press('Home');
      assert.equal(await focusedChip(), names[0], 'Home to the first');
      assert.equal(await widget.locator('.pt-toggle[tabindex="0"]').count(), 1, 'still one Tab stop');
    } finally {
      await ctx.close();
    }
  });

  test('on a phone the chips sit behind a "Tỉnh (5/5)" disclosure, and the chart starts near the top', async () => {
    const { ctx, page, widget } = await widgetPage('', { viewport: PHONE });
    try {
      const disclosure = widget.getByRole('button', { name: 'Tỉnh (5/5)' });
      assert.equal(await disclosure.isVisible(), true, 'the disclosure shows at 360 px');
      assert.equal(await disclosure.getAttribute('aria-expanded'), 'false');
      const chip = widget.locator('.pt-toggle').first();
      assert.equal(await chip.isVisible(), false, 'the chips start closed');
      // The headline and its description come first (issue 14); from the controls' top, the chart starts
      // within 240 px (about 330 px of chips and selects before).
      const top = await widget.evaluate((host) => {
        const root = host.shadowRoot;
        const base = root.querySelector('.pt-controls').getBoundingClientRect().top;
        return { chart: root.querySelector('.pt-chart').getBoundingClientRect().top - base };
      });
      assert.ok(top.chart < 240, `the chart starts ${top.chart.toFixed(0)} px below the controls' top (was about 330)`);
      await screenshot(page, 'access-disclosure-closed-360.png');

      await disclosure.click();
      assert.equal(await disclosure.getAttribute('aria-expanded'), 'true');
      assert.equal(await chip.isVisible(), true, 'the disclosure opens the chips');
      await chip.click();
      assert.equal(await widget.locator('.pt-provinces-toggle').innerText(), 'Tỉnh (4/5)', 'the count follows the chips');
      await screenshot(page, 'access-disclosure-open-360.png');
    } finally {
      await ctx.close();
    }
  });

  for (const viewport of [PHONE, DESKTOP]) {
    test(`Tab meets the controls in the order a reader sees them, the national switch included (WCAG 2.4.3), ${viewport.width} px`, async () => {
      const { ctx, page, widget } = await widgetPage(`indicator="${GRDP}"`, { viewport });
      try {
        const disclosure = widget.locator('.pt-provinces-toggle');
        if (viewport === PHONE) await disclosure.click(); // the chips too
        await (viewport === PHONE ? disclosure : widget.locator('.pt-toggle').first()).focus();
        const stops = [];
        for (let i = 0; i < 30; i++) {
          const stop = await widget.evaluate((host) => {
            const el = host.shadowRoot.activeElement;
            if (!el?.closest('.pt-controls')) return null;
            const b = el.getBoundingClientRect();
            return { name: squashed(el.getAttribute('aria-label') || el.textContent).slice(0, 24),
              left: b.left, right: b.right, top: b.top, bottom: b.bottom };
            function squashed(s) { return s.replace(/\s+/g, ' ').trim(); }
          });
          if (!stop) break;
          stops.push(stop);
          await page.keyboard.press('Tab');
        }
        const names = stops.map((s) => s.name);
        assert.ok(names.includes('Mục tiêu quốc gia'), `the national switch is a Tab stop: ${names.join(' → ')}`);
        for (let i = 1; i < stops.length; i++) {
          const [a, b] = [stops[i - 1], stops[i]];
          const sameRow = Math.abs(a.top - b.top) < 12 && b.left >= a.right - 1;
          const nextRow = b.top >= a.bottom - 2;
          assert.ok(sameRow || nextRow,
            `"${b.name}" comes after "${a.name}" in Tab order, so it stands right of it or below it: ` +
            `${JSON.stringify([a, b])}; order: ${names.join(' → ')}`);
        }
        if (viewport === PHONE) {
          assert.deepEqual(names.slice(0, 2), ['Tỉnh (5/5)', 'Mục tiêu quốc gia'],
            'on a phone the switch shares the disclosure\'s row, and comes right after it');
        } else {
          assert.equal(names.at(-1), 'Mục tiêu quốc gia', 'wider, it ends the controls');
        }
      } finally {
        await ctx.close();
      }
    });
  }

  test('wider than a phone there is no disclosure: the chips show', async () => {
    const { ctx, widget } = await widgetPage('lang="en"');
    try {
      assert.equal(await widget.locator('.pt-provinces-toggle').isVisible(), false);
      assert.equal(await widget.locator('.pt-toggle').first().isVisible(), true);
    } finally {
      await ctx.close();
    }
  });
});

describe('the year', () => {
  test('is a radio group with one Tab stop; arrow keys choose the next year with targets, skipping empty ones', async () => {
    const { ctx, page, widget } = await widgetPage(`indicator="${GRDP}"`);
    try {
      const group = widget.getByRole('radiogroup', { name: 'Năm' });
      const radios = group.getByRole('radio');
      const allYears = [...new Set(data.targets.map((t) => t.year))].sort();
      assert.deepEqual(await radios.allInnerTexts(), ['Tất cả', ...allYears.map(String)]);
      assert.equal(await group.locator('[tabindex="0"]').count(), 1, 'one Tab stop');
      assert.equal(await group.getByRole('radio', { name: 'Tất cả' }).getAttribute('aria-checked'), 'true');

      const withTargets = yearsOf(GRDP);
      const empty = allYears.filter((y) => !withTargets.includes(y));
      assert.ok(empty.length > 0, 'the GRDP indicator has a year without targets');
      for (const year of empty) {
        const radio = group.getByRole('radio', { name: String(year) });
        assert.equal(await radio.getAttribute('aria-disabled'), 'true', `${year} is marked empty`);
        assert.equal(await radio.getAttribute('title'), 'không có mục tiêu');
        await radio.click({ force: true }); // aria-disabled: playwright would wait for it to be enabled
        assert.equal(await radio.getAttribute('aria-checked'), 'false', `clicking the empty ${year} does not choose it`);
      }

      await group.locator('[tabindex="0"]').focus();
      for (const year of withTargets) {
        await page.keyboard.press('ArrowRight');
        const checked = group.locator('[aria-checked="true"]');
        assert.equal(await checked.innerText(), String(year), 'ArrowRight goes to the next year with targets');
        assert.equal(await checked.evaluate((el) => el.getRootNode().activeElement === el), true, 'focus moves with it');
        assert.equal(await checked.getAttribute('tabindex'), '0');
        const labels = await widget.locator('.pt-mark').evaluateAll((ms) => ms.map((m) => m.getAttribute('aria-label')));
        assert.ok(labels.length > 0 && labels.every((l) => l.includes(`, ${year}:`)), `only ${year} marks: ${labels}`);
      }
      await page.keyboard.press('ArrowRight');
      assert.equal(await group.locator('[aria-checked="true"]').innerText(), 'Tất cả', 'and wraps round to "all"');
      await page.keyboard.press('ArrowLeft');
      assert.equal(await group.locator('[aria-checked="true"]').innerText(), String(withTargets.at(-1)));
    } finally {
      await ctx.close();
    }
  });

  test('an empty year says so in one sentence, with buttons that go to the years with targets', async () => {
    const { ctx, page, widget } = await widgetPage(`indicator="${GRDP}" year="2021"`, { viewport: PHONE });
    try {
      const message = widget.locator('.pt-empty');
      assert.equal(await message.isVisible(), true);
      assert.equal(squash(await message.locator('.pt-empty-sentence').innerText()), 'Chưa tỉnh nào đặt mục tiêu cho năm 2021.');
      assert.equal(await widget.locator('.pt-chart').isVisible(), false, 'no rows of "không đặt mục tiêu" and no empty axis');
      const buttons = message.getByRole('button');
      assert.deepEqual(await buttons.allInnerTexts(), yearsOf(GRDP).map((y) => `Xem năm ${y}`));
      await screenshot(page, 'access-empty-year-360.png');

      await message.getByRole('button', { name: 'Xem năm 2025' }).click();
      assert.equal(await message.isVisible(), false);
      const labels = await widget.locator('.pt-mark').evaluateAll((ms) => ms.map((m) => m.getAttribute('aria-label')));
      assert.ok(labels.length > 0 && labels.every((l) => l.includes(', 2025:')), `2025's marks: ${labels}`);
      const focused = await widget.evaluate((host) => host.shadowRoot.activeElement?.textContent);
      assert.equal(focused, '2025', 'focus lands on the year the button chose');
    } finally {
      await ctx.close();
    }
  });

  test('turning off the provinces that set a year empties it, and the sentence says the chosen provinces', async () => {
    const { ctx, widget } = await widgetPage(`indicator="${GRDP}" year="2023" lang="en"`);
    try {
      const setters = [...new Set(data.targets.filter((t) => t.indicator === GRDP && t.year === 2023).map((t) => t.province))];
      assert.equal(await widget.locator('.pt-empty').isVisible(), false);
      for (const id of setters) {
        const name = data.provinces.find((p) => p.id === id).name_vi;
        await widget.getByRole('button', { name, exact: true }).click();
      }
      assert.equal(squash(await widget.locator('.pt-empty-sentence').innerText()),
        'None of the chosen provinces has set a target for 2023.');
      assert.equal(await widget.getByRole('radio', { name: '2023' }).getAttribute('aria-disabled'), 'true');
    } finally {
      await ctx.close();
    }
  });
});

/** The indicator select's options at 360 px: value, label, optgroup, and the label's width against the room
 * the closed select has for it (between its padding and the drop-down arrow, about 20 px). */
async function indicatorOptions(attributes = '') {
  const { ctx, widget } = await widgetPage(attributes, { viewport: PHONE });
  try {
    return await widget.locator('select').evaluate((el) => {
      const style = getComputedStyle(el);
      const context = document.createElement('canvas').getContext('2d');
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return [...el.options].map((o) => ({ value: o.value, text: o.text, group: o.parentElement.label,
        width: context.measureText(o.text).width, room }));
    });
  } finally {
    await ctx.close();
  }
}

describe('the indicator picker', () => {
  test('lists the shared indicators first, by pillar, with no count after the labels', async () => {
    const options = await indicatorOptions();
    const count = (id) => new Set(data.targets.filter((t) => t.indicator === id).map((t) => t.province)).size;
    const counts = options.map((o) => count(o.value));
    const firstSingle = counts.findIndex((n) => n < 2);
    assert.ok(firstSingle > 0 && counts.slice(firstSingle).every((n) => n < 2), `shared first: ${counts}`);
    assert.equal(options[0].value, GRDP, 'the indicator most provinces set leads');
    for (const o of options) {
      const indicator = data.indicators.find((i) => i.id === o.value);
      const pillar = data.pillars.find((p) => p.id === indicator.pillar).name_vi;
      assert.ok(o.group === pillar || o.group === `${pillar} · 1 tỉnh`, `${o.text} under its pillar: ${o.group}`);
      assert.equal(o.text, indicator.short_vi ?? indicator.label_vi,
        'the (short) label alone: the "(5 tỉnh)" count moved to the groups');
    }
  });

  // The select keeps 16 px text (smaller text makes iOS zoom the page on focus), and a closed select cannot
  // wrap: labels longer than about 300 px have a short form in the dataset itself (`short_vi`, `short_en`,
  // issue 14), which the option shows while the headline keeps the full label.
  for (const [lang, attributes] of [['vi', ''], ['en', 'lang="en"']]) {
    test(`every option label fits a 360 px select without being cut (${lang})`, async () => {
      const options = await indicatorOptions(attributes);
      assert.equal(options.length, data.indicators.length, 'every indicator is offered');
      const cut = options.filter((o) => o.width > o.room);
      assert.deepEqual(cut.map((o) => `${o.text} (${o.width.toFixed(0)} > ${o.room.toFixed(0)} px)`), []);
    });
  }

  test('an option with a short label opens a chart whose headline is the full label', async () => {
    const indicator = data.indicators.find((i) => i.id === 'online-services-full-partial');
    assert.ok(indicator.short_vi && indicator.short_vi !== indicator.label_vi, 'the dataset gives it a short label');
    const { ctx, widget } = await widgetPage('', { viewport: PHONE });
    try {
      const select = widget.locator('select');
      assert.equal(await select.locator(`option[value="${indicator.id}"]`).textContent(), indicator.short_vi);
      await select.selectOption(indicator.id);
      await widget.locator('h2').filter({ hasText: indicator.label_vi }).waitFor({ timeout: 5000 });
      assert.equal(squash(await widget.locator('h2').first().textContent()), indicator.label_vi);
    } finally {
      await ctx.close();
    }
  });
});

/** Chromium's accessibility tree of the page, through the DevTools protocol (it crosses shadow roots). */
async function axTree(ctx, page) {
  const cdp = await ctx.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes;
}

describe('what a screen reader hears', () => {
  test('the accessibility tree holds the summary once, and the chart speaks only through its marks', async () => {
    const { ctx, page, widget } = await widgetPage(`indicator="${GRDP}"`);
    try {
      const summary = squash(await widget.locator('.pt-summary').textContent());
      assert.ok(summary.length > 40, `a summary: ${summary}`);
      const nodes = await axTree(ctx, page);
      const live = nodes.filter((n) => !n.ignored);
      const textOf = (n) => [n.name?.value, n.description?.value].filter(Boolean).map(squash).join(' | ');
      const holding = live.filter((n) => textOf(n).includes(summary));
      // The summary paragraph's StaticText and its InlineTextBox children, and the paragraph itself, all
      // carry it; what matters is that it has one source: no other name or description holds it.
      const sources = holding.filter((n) => n.role?.value === 'StaticText');
      assert.equal(sources.length, 1, `one summary, not ${sources.length}: ${holding.map((n) => n.role?.value)}`);
      assert.ok(!holding.some((n) => ['group', 'graphics-document', 'image'].includes(n.role?.value)),
        'the SVG is not named or described by the summary');

      const byId = new Map(nodes.map((n) => [n.nodeId, n]));
      const chart = live.find((n) => n.role?.value === 'group' && n.name?.value === 'Biểu đồ so sánh mục tiêu');
      assert.ok(chart, 'the SVG is a group with a short name that does not repeat the title');
      const title = data.indicators.find((i) => i.id === GRDP).label_vi;
      assert.notEqual(chart.name.value, title);
      // Under the chart, only marks speak: no legend ("2023", "dự thảo", "khoảng"), no ticks, no source line.
      const spoken = [];
      const walk = (id, inMark) => {
        const node = byId.get(id);
        if (!node) return;
        const isMark = node.role?.value === 'button';
        if (!node.ignored && !inMark && !isMark && node.role?.value === 'StaticText') spoken.push(node.name?.value);
        for (const child of node.childIds ?? []) walk(child, inMark || isMark);
      };
      walk(chart.nodeId, false);
      assert.deepEqual(spoken, [], 'no legend or other drawn words outside the marks');
      const legendWords = ['dự thảo', 'trên, tối thiểu', 'khoảng'];
      assert.ok(!live.some((n) => n.role?.value === 'StaticText' && legendWords.includes(n.name?.value)),
        'the legend is hidden from speech');
    } finally {
      await ctx.close();
    }
  });

  test('with every province turned off, a screen reader hears the sentence a sighted reader reads', async () => {
    const { ctx, widget } = await widgetPage(`indicator="${GRDP}"`);
    try {
      for (const chip of await widget.locator('.pt-toggle').all()) await chip.click();
      const shown = widget.locator('.pt-chart svg text', { hasText: 'Chọn ít nhất một tỉnh' });
      await shown.first().waitFor();
      const sentence = squash(await shown.first().textContent());
      const summary = squash(await widget.locator('.pt-summary').textContent());
      assert.ok(summary.includes(`: ${sentence}`), `the summary says "${sentence}" after the indicator's name: ${summary}`);
      assert.ok(!summary.includes('Không tỉnh nào'), `not that no province set a target: ${summary}`);
    } finally {
      await ctx.close();
    }
  });

  test('the hint for sighted readers ("Chạm, di chuột…") shows but is not read aloud', async () => {
    const { ctx, page, widget } = await widgetPage(`indicator="${GRDP}"`);
    try {
      const hint = widget.locator('.pt-details-hint');
      await hint.waitFor({ state: 'visible' });
      assert.match(await hint.innerText(), /^Chạm, di chuột/);
      const spoken = (await axTree(ctx, page)).filter((n) => !n.ignored && n.role?.value === 'StaticText')
        .map((n) => n.name?.value ?? '');
      assert.ok(!spoken.some((text) => text.startsWith('Chạm, di chuột')), 'no screen reader hears the hint');
    } finally {
      await ctx.close();
    }
  });

  test('a screen reader hears each control\'s name once: "Chỉ tiêu" and "Năm" are names, not also text', async () => {
    const { ctx, page, widget } = await widgetPage(`indicator="${GRDP}"`);
    try {
      await widget.getByText('Năm', { exact: true }).first().waitFor({ state: 'visible' });
      const live = (await axTree(ctx, page)).filter((n) => !n.ignored);
      for (const [word, role] of [['Chỉ tiêu', 'combobox'], ['Năm', 'radiogroup']]) {
        const saying = live.filter((n) => squash(n.name?.value ?? '') === word &&
          ['StaticText', 'LabelText', 'combobox', 'radiogroup'].includes(n.role?.value));
        assert.deepEqual(saying.map((n) => n.role.value), [role], `"${word}" is heard once, as the ${role}'s name`);
      }
      assert.equal(await widget.getByRole('combobox', { name: 'Chỉ tiêu' }).count(), 1);
      assert.equal(await widget.getByRole('radiogroup', { name: 'Năm' }).count(), 1);
    } finally {
      await ctx.close();
    }
  });

  test('a change of view is said as what changed: a province off by name, back on with its targets, a year in full', async () => {
    const { ctx, widget } = await widgetPage(`indicator="${GRDP}"`);
    try {
      assert.equal(await widget.locator('.pt-summary').getAttribute('aria-live'), null, 'the summary is not re-read');
      const said = async () => squash(await widget.locator('.pt-live').textContent());
      const chip = widget.locator('.pt-toggle', { hasText: 'Bình Định' });
      await chip.click();
      await widget.locator('.pt-toggle[aria-pressed="false"]', { hasText: 'Bình Định' }).waitFor();
      assert.equal(await said(), 'Đã ẩn Bình Định.');
      await chip.click();
      await widget.locator('.pt-toggle[aria-pressed="true"]', { hasText: 'Bình Định' }).waitFor();
      const back = await said();
      assert.match(back, /^Bình Định \S+ \(20\d\d\)/, `its targets: ${back}`);
      assert.ok(!back.includes('Bắc Giang'), `only what changed: ${back}`);
      await widget.locator('.pt-year[data-year="2025"]').click();
      await widget.locator('.pt-year[data-year="2025"][aria-checked="true"]').waitFor();
      const year = await said();
      const summary = squash(await widget.locator('.pt-summary').textContent());
      assert.ok(year.includes('(2025): ') && year.startsWith(summary.split(':')[0]), `a new year in full: ${year}`);
    } finally {
      await ctx.close();
    }
  });

  test('after an arrow key the live region says one short sentence; Enter reads the quote, the panel is not live', async () => {
    const { ctx, page, widget } = await widgetPage(`indicator="${GRDP}"`);
    try {
      assert.equal(await widget.locator('.pt-details').getAttribute('aria-live'), null, 'the details panel is not live');
      const live = widget.locator('[aria-live]').filter({ hasNot: widget.locator('.pt-summary') });
      await widget.locator('.pt-mark[tabindex="0"]').focus();
      await page.keyboard.press('ArrowRight');
      const focused = await widget.evaluate((host) => host.shadowRoot.activeElement.getAttribute('aria-label'));
      const said = squash(await widget.locator('.pt-live').textContent());
      assert.equal(said, `${focused}.`, 'the sentence names province, year and value');
      assert.equal(said.split(/[.!?](\s|$)/).filter((s) => s && s.trim()).length, 1, `one sentence: ${said}`);
      assert.ok(said.length <= 80, `short: ${said.length} characters`);
      assert.match(said, /^[^,]+, \d{4}: .+\.$/);
      assert.ok(await live.count() >= 1);

      const target = data.targets.find((t) => t.indicator === GRDP &&
        focused.startsWith(`${data.provinces.find((p) => p.id === t.province).name_vi}, ${t.year}:`));
      assert.ok(!said.includes(target.quote), 'the quote is not read at every arrow key');
      await page.keyboard.press('Enter');
      assert.ok(squash(await widget.locator('.pt-live').textContent()).includes(squash(target.quote)),
        'Enter reads the full quote');
      // In a Vietnamese voice in either interface language, as the visible quote is.
      assert.equal(squash(await widget.locator('.pt-live [lang="vi"]').textContent()), squash(`“${target.quote}”`));
    } finally {
      await ctx.close();
    }
  });
});

describe('a tap on a phone', () => {
  for (const scheme of ['light', 'dark']) {
    test(`brings the quote into view, keeps every label at 4.5:1 and draws no focus box (${scheme}, 360×740)`, async () => {
      const { ctx, page, widget } = await widgetPage(`indicator="${GRDP}" theme="${scheme}"`,
        { viewport: PHONE, hasTouch: true, isMobile: true });
      try {
        const mark = widget.locator('.pt-mark').nth(2);
        await mark.scrollIntoViewIfNeeded();
        await mark.tap();
        await animationsDone(widget); // the fade's transition, to its end
        const quote = widget.locator('.pt-details blockquote');
        const box = await quote.boundingBox();
        assert.ok(box && box.y >= 0 && box.y + box.height <= PHONE.height,
          `the quote is within the 740 px viewport: ${JSON.stringify(box)}`);

        const seen = await widget.evaluate((host) => {
          const svg = host.shadowRoot.querySelector('.pt-chart svg');
          const background = svg.querySelector('rect').getAttribute('fill');
          const opacity = (el) => {
            let o = 1;
            for (let e = el; e && e !== svg; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
            return o;
          };
          const texts = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent,
            fill: getComputedStyle(t).fill, opacity: opacity(t) }));
          const faded = [...svg.querySelectorAll('.pt-mark :not(text)')].filter((s) => opacity(s) < 1).length;
          const focused = host.shadowRoot.activeElement;
          const outline = focused ? getComputedStyle(focused).outlineStyle : 'none';
          const strokes = focused ? [...focused.querySelectorAll('[fill=transparent]')]
            .map((s) => getComputedStyle(s).stroke).filter((s) => s !== 'none') : [];
          return { background, texts, faded, outline, strokes };
        });
        assert.ok(seen.faded > 0, 'the other marks fade');
        const bg = parseHex(seen.background);
        for (const t of seen.texts) {
          const [r, g, b, a] = parseColour(t.fill);
          const alpha = a * t.opacity;
          const shown = [r, g, b].map((c, i) => c * alpha + bg[i] * (1 - alpha));
          const ratio = contrast(shown, bg);
          assert.ok(ratio >= 4.5, `"${t.text}" at ${ratio.toFixed(2)}:1 after a tap`);
        }
        assert.equal(seen.outline, 'none', 'a tap draws no focus ring');
        assert.deepEqual(seen.strokes, [], 'nor a box round the tapped label');
        await screenshot(page, `access-tap-360-${scheme}.png`);
      } finally {
        await ctx.close();
      }
    });
  }

  test('keyboard focus still draws the ring', async () => {
    const { ctx, page, widget } = await widgetPage(`indicator="${GRDP}"`);
    try {
      // The national-target switch is the last control before the chart on this indicator (issue 15).
      await widget.locator('.pt-national-toggle').focus();
      await page.keyboard.press('Tab');
      const outline = await widget.evaluate((host) => {
        const el = host.shadowRoot.activeElement;
        return el.classList.contains('pt-mark') ? getComputedStyle(el).outlineStyle : `not a mark: ${el.className}`;
      });
      assert.equal(outline, 'solid');
    } finally {
      await ctx.close();
    }
  });
});

describe('screenshots', () => {
  for (const viewport of [PHONE, DESKTOP]) {
    for (const scheme of ['light', 'dark']) {
      test(`the widget at ${viewport.width} px, ${scheme}`, async () => {
        const { ctx, page } = await widgetPage(`theme="${scheme}"`, { viewport });
        try {
          const widget = await waitForChart(page, 0);
          await screenshot(widget, `access-widget-${viewport.width}-${scheme}.png`);
          const empty = await widgetPage(`theme="${scheme}" year="2021"`, { viewport });
          await screenshot(empty.widget.locator('.pt-root'), `access-empty-${viewport.width}-${scheme}.png`);
          await empty.ctx.close();
        } finally {
          await ctx.close();
        }
      });
    }
  }
});

// axe-core (npm, pinned in tools/package.json) over the widget: no serious or critical violation, in light and
// dark, at phone and desktop width, on the default view and on an empty year.
const require = createRequire(join(ROOT, 'tools', 'package.json'));
const AXE = require.resolve('axe-core/axe.min.js');

describe('axe-core', () => {
  for (const viewport of [PHONE, DESKTOP]) {
    for (const scheme of ['light', 'dark']) {
      for (const [what, attributes] of [['default view', ''], ['empty year', 'year="2021"']]) {
        test(`no serious or critical violation: ${what}, ${viewport.width} px, ${scheme}`, async () => {
          const { ctx, page } = await widgetPage(`theme="${scheme}" ${attributes}`, { viewport });
          try {
            await page.addScriptTag({ path: AXE });
            const { violations, checked } = await page.evaluate(async () => {
              // The whole page (the test page has nothing else): axe reads shadow roots from the document.
              const result = await window.axe.run(document);
              return {
                violations: result.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
                  .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`),
                // A node inside a shadow root is targeted by a list of selectors: the host's, then its own.
                checked: result.passes.filter((p) => p.id === 'color-contrast')
                  .flatMap((p) => p.nodes).filter((n) => Array.isArray(n.target[0])).length
              };
            });
            assert.ok(checked > 10, `axe checked the contrast of the widget's own text (${checked} nodes)`);
            assert.deepEqual(violations, []);
          } finally {
            await ctx.close();
          }
        });
      }
    }
  }
});
