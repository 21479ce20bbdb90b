// End-to-end tests of the element's JavaScript API (www/loader/api.js): the options as properties, update() as one
// redraw whose promise settles when drawn, view, bad values refused as a whole, and calls from inside a change
// listener, while loading and on a removed element.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { articleWith, consoleFlushed, openHtml, start, stop, waitForChart } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => stop(env));

async function mounted(attributes = 'indicator="records-online-commune"') {
  const opened = await openHtml(env.browser, env.server, articleWith(attributes));
  const widget = await waitForChart(opened.page);
  await widget.evaluate((el) => {
    el.__ptEvents = [];
    el.__ptStates = [];
    el.shadowRoot.querySelector('.pt-chart svg').__ptKept = true;
    new MutationObserver(() => el.__ptStates.push(el.getAttribute('data-state')))
      .observe(el, { attributes: true, attributeFilter: ['data-state'] });
    el.addEventListener('province-targets-change', (event) => el.__ptEvents.push(event.detail));
  });
  return { ...opened, widget };
}

describe('the JavaScript API', () => {
  test('the options are properties reflecting the attributes; a list may be an array', async () => {
    const { ctx, widget } = await mounted();
    try {
      const seen = await widget.evaluate(async (el) => {
        const read = el.indicator;
        el.year = 2025;
        el.provinces = ['lang-son', 'bac-giang'];
        el.highlight = 'lang-son';
        const attributes = ['year', 'provinces', 'highlight'].map((name) => el.getAttribute(name));
        el.highlight = null;
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        return { read, attributes, highlight: el.hasAttribute('highlight'), view: el.view, events: el.__ptEvents };
      });
      assert.equal(seen.read, 'records-online-commune');
      assert.deepEqual(seen.attributes, ['2025', 'lang-son,bac-giang', 'lang-son']);
      assert.equal(seen.highlight, false);
      assert.equal(seen.view.year, '2025');
      assert.equal(seen.view.provinces, 'bac-giang,lang-son');
      assert.equal(seen.events.length, 1, 'properties set in one task draw once');
    } finally {
      await ctx.close();
    }
  });

  test('update() draws once, settles with the view, which el.view and the event detail agree on', async () => {
    const { ctx, widget, log } = await mounted();
    try {
      const seen = await widget.evaluate(async (el) => {
        const drawn = await el.update({ indicator: 'digital-economy-share-grdp', year: '2025', highlight: 'lang-son' });
        return { drawn, view: el.view, events: el.__ptEvents, states: el.__ptStates,
          kept: el.shadowRoot.querySelector('.pt-chart svg').__ptKept === true,
          selected: el.shadowRoot.querySelector('select').value };
      });
      assert.equal(seen.drawn.indicator, 'digital-economy-share-grdp');
      assert.equal(seen.drawn.year, '2025');
      assert.equal(seen.drawn.highlight, 'lang-son');
      assert.deepEqual(seen.view, seen.drawn);
      assert.equal(seen.events.length, 1);
      const { source, ...detail } = seen.events[0];
      assert.equal(source, 'page');
      assert.deepEqual(detail, seen.view, 'the event detail has the shape of el.view');
      assert.equal(seen.selected, 'digital-economy-share-grdp', 'the reader sees the new indicator');
      assert.ok(seen.kept);
      assert.deepEqual(seen.states, []);
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
    }
  });

  test('an unknown value rejects the whole batch, warns with the valid values and keeps the view', async () => {
    const { ctx, page, widget } = await mounted();
    try {
      const warnings = [];
      page.on('console', (msg) => {
        if (msg.type() === 'warning') warnings.push(msg.text());
      });
      const seen = await widget.evaluate(async (el) => {
        const before = el.view;
        let error = null;
        try {
          await el.update({ indicator: 'digital-economy-share-grdp', year: '1999' });
        } catch (e) {
          error = e.message;
        }
        return { before, after: el.view, error, attribute: el.getAttribute('indicator'), events: el.__ptEvents };
      });
      assert.match(seen.error, /1999/);
      assert.match(seen.error, /2025/, 'the message lists the valid years');
      assert.deepEqual(seen.after, seen.before, 'the view stays as it was');
      assert.equal(seen.attribute, 'records-online-commune', 'nothing of the batch was set');
      assert.deepEqual(seen.events, []);
      await consoleFlushed(page);
      assert.ok(warnings.some((w) => w.includes('1999')), warnings.join('\n'));
    } finally {
      await ctx.close();
    }
  });

  test('calls from inside a change listener are safe, and a page that checks source does not loop', async () => {
    const { ctx, widget, log } = await mounted();
    try {
      await widget.evaluate((el) => {
        el.__ptInside = [];
        el.addEventListener('province-targets-change', (event) => {
          el.__ptInside.push(JSON.stringify(el.view));
          if (event.detail.source === 'reader') el.update({ highlight: 'lang-son' });
        });
      });
      await widget.locator('.pt-year[data-year="2025"]').click();
      await widget.evaluate(async (el) => {
        while (el.__ptEvents.length < 2) await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      });
      const seen = await widget.evaluate((el) => ({ events: el.__ptEvents, inside: el.__ptInside, view: el.view }));
      assert.deepEqual(seen.events.map((e) => e.source), ['reader', 'page']);
      assert.equal(seen.view.year, '2025', "the reader's year stays");
      assert.equal(seen.view.highlight, 'lang-son');
      assert.ok(seen.inside.every((v) => v !== 'null'), 'el.view answers inside the listener');
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
    }
  });

  test('update() while the widget loads settles once it mounts with the batch', async () => {
    const { ctx, page } = await openHtml(env.browser, env.server, articleWith('hidden indicator="records-online-commune"'));
    try {
      const drawn = page.evaluate(() => {
        const el = document.querySelector('province-targets');
        const view = el.view;
        const promise = el.update({ indicator: 'digital-economy-share-grdp', year: '2025' });
        el.removeAttribute('hidden');
        return promise.then((drawn) => ({ before: view, drawn }));
      });
      const seen = await drawn;
      assert.equal(seen.before, null, 'no view before the mount');
      assert.equal(seen.drawn.indicator, 'digital-economy-share-grdp');
      assert.equal(seen.drawn.year, '2025');
    } finally {
      await ctx.close();
    }
  });

  test('a removed element: update() settles at once with null, and the widget mounts with it when put back', async () => {
    const { ctx, page, widget, log } = await mounted();
    try {
      const seen = await page.evaluate(async () => {
        const el = document.querySelector('province-targets');
        const home = el.parentNode;
        el.remove();
        const drawn = await el.update({ year: '2025' });
        const view = el.view;
        home.append(el);
        return { drawn, view };
      });
      assert.equal(seen.drawn, null);
      assert.equal(seen.view, null);
      await waitForChart(page);
      await widget.locator('.pt-year[data-year="2025"][aria-checked="true"]').waitFor();
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
    }
  });
});
