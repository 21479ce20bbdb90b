// End-to-end tests of attribute changes on a mounted widget: each updates it in place (the chart's <svg> stays the
// same node, no loading state), keeps what the reader did where it still applies, draws once per task and tells
// the page with `province-targets-change` (source "page").
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { articleWith, consoleFlushed, openHtml, start, stop, waitForChart } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => stop(env));

/** Marks the chart's <svg> and starts recording every data-state the host takes and every change event. */
async function watch(widget) {
  await widget.evaluate((el) => {
    el.shadowRoot.querySelector('.pt-chart svg').__ptKept = true;
    el.__ptStates = [];
    el.__ptEvents = [];
    new MutationObserver(() => el.__ptStates.push(el.getAttribute('data-state')))
      .observe(el, { attributes: true, attributeFilter: ['data-state'] });
    el.addEventListener('province-targets-change', (event) => el.__ptEvents.push(event.detail));
  });
}

/** Sets attributes in one task, then waits two frames' worth of microtasks and a rendering update. */
async function setInOneTask(widget, attributes) {
  await widget.evaluate(async (el, attributes) => {
    for (const [name, value] of Object.entries(attributes)) {
      if (value == null) el.removeAttribute(name);
      else el.setAttribute(name, value);
    }
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  }, attributes);
}

/** What the watch saw: whether the <svg> is the same node, the data-states taken, the change events. */
const seen = (widget) => widget.evaluate((el) => ({
  kept: el.shadowRoot.querySelector('.pt-chart svg')?.__ptKept === true,
  states: el.__ptStates,
  events: el.__ptEvents,
  title: el.shadowRoot.querySelector('.pt-title').textContent,
  subtitle: el.shadowRoot.querySelector('.pt-description').textContent,
  note: el.shadowRoot.querySelector('.pt-note').hidden ? null : el.shadowRoot.querySelector('.pt-note').textContent,
  indicator: el.shadowRoot.querySelector('select').value,
  year: el.shadowRoot.querySelector('.pt-year[aria-checked="true"]')?.getAttribute('data-year'),
  pressed: [...el.shadowRoot.querySelectorAll('.pt-toggle[aria-pressed="true"]')].map((b) => b.textContent),
  marks: el.shadowRoot.querySelectorAll('.pt-mark').length,
  theme: el.shadowRoot.querySelector('.pt-root').getAttribute('data-theme')
}));

async function mounted(attributes) {
  const opened = await openHtml(env.browser, env.server, articleWith(attributes));
  const widget = await waitForChart(opened.page);
  await watch(widget);
  return { ...opened, widget };
}

// Each attribute but src, lang and controls, with a value that changes what the reader sees, and what changes.
const CASES = [
  ['indicator', 'digital-economy-share-grdp', (before, after) => assert.notEqual(after.indicator, before.indicator)],
  ['year', '2025', (before, after) => assert.equal(after.year, '2025')],
  ['provinces', 'lang-son,bac-giang', (before, after) => assert.equal(after.pressed.length, 2)],
  ['highlight', 'lang-son', (before, after) => assert.equal(after.events.at(-1).highlight, 'lang-son')],
  ['national', 'off', (before, after) => assert.equal(after.events.at(-1).national, 'off')],
  ['theme', 'dark', (before, after) => assert.notEqual(after.theme, before.theme)],
  ['title', 'Tiêu đề mới', (before, after) => assert.equal(after.title, 'Tiêu đề mới')],
  ['subtitle', 'Dòng phụ mới', (before, after) => assert.equal(after.subtitle, 'Dòng phụ mới')],
  ['note', 'Ghi chú mới', (before, after) => assert.equal(after.note, 'Ghi chú mới')]
];

describe('an attribute change updates the widget in place', () => {
  for (const [name, value, changed] of CASES) {
    test(`${name}: the same <svg>, no loading state, the change shown`, async () => {
      const { ctx, widget, log } = await mounted('indicator="records-online-commune"');
      try {
        const before = await seen(widget);
        await setInOneTask(widget, { [name]: value });
        const after = await seen(widget);
        assert.ok(after.kept, 'the chart is the same <svg> node');
        assert.deepEqual(after.states, [], 'no loading state, no remount');
        changed(before, after);
        assert.deepEqual(log.errors, []);
      } finally {
        await ctx.close();
      }
    });
  }
});

describe('what the page changes and what the reader did', () => {
  test('several attributes in one task draw once and send one change event, source "page"', async () => {
    const { ctx, widget } = await mounted();
    try {
      const announcements = await widget.evaluate(async (el) => {
        const live = el.shadowRoot.querySelector('.pt-live');
        const writes = [];
        new MutationObserver(() => writes.push(live.textContent))
          .observe(live, { childList: true, characterData: true, subtree: true });
        el.setAttribute('indicator', 'digital-economy-share-grdp');
        el.setAttribute('year', '2025');
        el.setAttribute('highlight', 'bac-giang');
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        return writes;
      });
      const after = await seen(widget);
      assert.equal(after.events.length, 1, 'one change event');
      const [detail] = after.events;
      assert.equal(detail.source, 'page');
      assert.equal(detail.indicator, 'digital-economy-share-grdp');
      assert.equal(detail.year, '2025');
      assert.equal(detail.highlight, 'bac-giang');
      assert.equal(announcements.length, 1, `one announcement in the live region: ${JSON.stringify(announcements)}`);
      assert.ok(announcements[0].includes('(2025): '), `a new chart is said in full: ${announcements[0]}`);
    } finally {
      await ctx.close();
    }
  });

  test("a new indicator keeps the reader's province filter; the reader's change says source \"reader\"", async () => {
    const { ctx, widget } = await mounted('indicator="records-online-commune"');
    try {
      const chip = widget.locator('.pt-toggle[aria-pressed="true"]').first();
      const hidden = await chip.textContent();
      await widget.evaluate((el) => { el.shadowRoot.querySelector('.pt-provinces-toggle').click(); });
      await chip.click();
      await setInOneTask(widget, { indicator: 'digital-economy-share-grdp' });
      const after = await seen(widget);
      assert.ok(!after.pressed.includes(hidden), `${hidden} stays hidden: ${after.pressed}`);
      assert.deepEqual(after.events.map((e) => e.source), ['reader', 'page']);
      assert.ok(after.kept);
    } finally {
      await ctx.close();
    }
  });

  test('focus on the chart stays in the widget across a change', async () => {
    const { ctx, page, widget } = await mounted('indicator="records-online-commune"');
    try {
      await widget.locator('.pt-mark[tabindex="0"]').focus();
      await setInOneTask(widget, { indicator: 'digital-economy-share-grdp', year: '2025' });
      const inside = await page.evaluate(() => {
        const host = document.querySelector('province-targets');
        return document.activeElement === host && host.shadowRoot.activeElement != null;
      });
      assert.ok(inside, 'focus is still inside the widget');
    } finally {
      await ctx.close();
    }
  });

  test('an open table stays open and shows the new view', async () => {
    const { ctx, widget } = await mounted('indicator="records-online-commune"');
    try {
      await widget.locator('.pt-table-toggle').click();
      await setInOneTask(widget, { provinces: 'lang-son' });
      const rows = await widget.evaluate((el) => {
        const table = el.shadowRoot.querySelector('.pt-table');
        return { hidden: table.hidden, text: table.textContent };
      });
      assert.equal(rows.hidden, false, 'the table is still open');
      assert.ok(!rows.text.includes('Bắc Giang'), 'it shows only the provinces now shown');
    } finally {
      await ctx.close();
    }
  });

  test('a change made while the widget loads is what it mounts with', async () => {
    const { ctx, page } = await openHtml(env.browser, env.server, articleWith('indicator="records-online-commune"').replace(
      '<province-targets ', '<province-targets hidden '));
    try {
      await page.evaluate(() => {
        const el = document.querySelector('province-targets');
        el.setAttribute('indicator', 'digital-economy-share-grdp');
        el.setAttribute('year', '2025');
        el.removeAttribute('hidden');
      });
      const widget = await waitForChart(page);
      const after = await seen(widget);
      assert.equal(after.indicator, 'digital-economy-share-grdp');
      assert.equal(after.year, '2025');
    } finally {
      await ctx.close();
    }
  });

  test('an unknown value warns with the valid ones and keeps the view', async () => {
    const { ctx, page, widget } = await mounted('year="2025"');
    try {
      const warnings = [];
      page.on('console', (msg) => {
        if (msg.type() === 'warning') warnings.push(msg.text());
      });
      await setInOneTask(widget, { year: '1999' });
      const after = await seen(widget);
      assert.equal(after.year, '2025');
      assert.deepEqual(after.events, [], 'no change, no event');
      await consoleFlushed(page);
      assert.ok(warnings.some((w) => w.includes('1999') && w.includes('2025')), warnings.join('\n'));
    } finally {
      await ctx.close();
    }
  });

  test('src still loads the widget afresh', async () => {
    const { ctx, widget } = await mounted();
    try {
      await setInOneTask(widget, { src: '/targets.json?again' });
      await widget.locator('.pt-chart svg').waitFor();
      const after = await seen(widget);
      assert.ok(after.states.includes('loading'), 'a new dataset loads');
    } finally {
      await ctx.close();
    }
  });
});
