// End-to-end tests of a trap: a bug in the module is a WebAssembly.RuntimeError thrown into whichever
// JavaScript called in. The module's test-only export trap_for_tests() makes it trap inside mount() or inside
// one of its own event listeners; every chart is then drawn again on a fresh instance of the module, a widget
// that traps twice shows its alert (never a blank box or a half-drawn chart), and the rest of the page keeps
// working.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { consoleFlushed, openHtml, screenshot, start, stop, waitForChart } from './helpers.mjs';

const TRAPPED_VI = 'Biểu đồ gặp lỗi nội bộ và đã dừng. Hãy tải lại trang; nếu lỗi còn, xin báo cho tòa soạn.';
const TRAPPED_EN =
  'The chart hit an internal error and stopped. Reload the page; if it happens again, please tell the newsroom.';

/** An article with the page's own counter button, one widget in Vietnamese and one in English. */
const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài viết</title></head><body>
<h1>Bài viết</h1>
<p><button id="counter" type="button">0</button></p>
<script src="province-targets.js" data-embed="none"></script>
<province-targets id="second" lang="en" indicator="records-online-commune"></province-targets>
<p id="after">Đoạn văn sau biểu đồ.</p>
<script>
  document.getElementById('counter').addEventListener('click', (event) => {
    event.target.textContent = String(Number(event.target.textContent) + 1);
  });
</script>
</body></html>`;

let env;
before(async () => {
  env = await start();
});
after(async () => stop(env ?? {}));

/** What a reader sees in a widget: its alert text, whether a chart is there, its box and its state. */
async function seen(widget) {
  return widget.evaluate((el) => {
    const alert = el.shadowRoot.querySelector('[role=alert]');
    const box = el.getBoundingClientRect();
    const alertBox = alert ? alert.getBoundingClientRect() : { width: 0, height: 0 };
    return {
      alert: alert ? alert.textContent.trim() : null,
      retry: el.shadowRoot.querySelectorAll('button.pt-retry').length,
      charts: el.shadowRoot.querySelectorAll('.pt-chart').length,
      state: el.getAttribute('data-state'),
      box: { width: box.width, height: box.height },
      alertBox: { width: alertBox.width, height: alertBox.height },
      visible: alert ? getComputedStyle(alert).visibility === 'visible' && getComputedStyle(alert).display !== 'none' : false
    };
  });
}

/** Asserts that the page's own content still works: its button counts, and it still scrolls. */
async function assertPageWorks(page) {
  await page.locator('#counter').click();
  await page.locator('#counter').click();
  assert.equal(await page.locator('#counter').innerText(), '2', "the page's own button still works");
  await page.locator('#after').scrollIntoViewIfNeeded();
  assert.equal(await page.locator('#after').isVisible(), true);
}

function assertAlert(view, text) {
  assert.equal(view.alert, text);
  assert.equal(view.charts, 0, 'no chart, not even half of one');
  assert.equal(view.retry, 0, 'no Retry: it would call into the trapped module');
  assert.equal(view.state, 'error');
  assert.ok(view.visible, 'the alert is shown');
  assert.ok(view.alertBox.width > 100 && view.alertBox.height > 20, `not a blank box: ${JSON.stringify(view)}`);
}

/** Waits until the widget shows its chart again and is ready: drawn afresh on the module's new instance. */
async function chartBack(widget) {
  await widget.locator('.pt-chart svg').first().waitFor({ state: 'visible', timeout: 15000 });
  await widget.evaluate((el) => new Promise((resolve) => {
    const ready = () => el.getAttribute('data-state') === 'ready' && el._widget;
    if (ready()) return resolve();
    new MutationObserver((_, observer) => {
      if (!ready()) return;
      observer.disconnect();
      resolve();
    }).observe(el, { attributes: true, attributeFilter: ['data-state'] });
  }));
}

/** Asserts that a widget shows a working chart: no alert, and a province toggle answers a click. */
async function assertChartWorks(widget, name) {
  const view = await seen(widget);
  assert.equal(view.alert, null, `${name}: no alert`);
  assert.equal(view.charts, 1, `${name}: its chart is back`);
  const toggle = widget.locator('button.pt-toggle').last();
  const before = await toggle.getAttribute('aria-pressed');
  await toggle.evaluate((button) => button.click());
  assert.notEqual(await toggle.getAttribute('aria-pressed'), before, `${name}: the chart answers a click`);
  await toggle.evaluate((button) => button.click());
}

describe('a trap in the module', () => {
  test('inside mount(): every chart is drawn again on a fresh instance, and the console says why, once', async () => {
    const { ctx, page, log } = await openHtml(env.browser, env.server, PAGE);
    try {
      await waitForChart(page, 0);
      const second = page.locator('#second');
      const secondSvg = await second.evaluateHandle((el) => el.shadowRoot.querySelector('.pt-chart svg'));
      await page.evaluate(() => window.ProvinceTargets.load().then((mod) => mod.trap_for_tests('mount')));
      // A CMS adds a widget after the page loaded: its mount() traps.
      await page.evaluate(() => {
        const el = document.createElement('province-targets');
        el.id = 'first';
        document.querySelector('h1').after(el);
      });
      const first = page.locator('#first');
      await chartBack(first);
      // The instance is shared and may be corrupt after a trap: the widget that was fine is drawn again too, on
      // the new instance (its old chart is gone with the old instance).
      await second.evaluate((el, old) => new Promise((resolve) => {
        const fresh = () => {
          const svg = el.shadowRoot.querySelector('.pt-chart svg');
          return svg && svg !== old && el.getAttribute('data-state') === 'ready';
        };
        if (fresh()) return resolve();
        new MutationObserver((_, observer) => {
          if (fresh()) {
            observer.disconnect();
            resolve();
          }
        }).observe(el.shadowRoot, { childList: true, subtree: true });
      }), secondSvg);
      await assertChartWorks(first, '#first');
      await assertChartWorks(second, '#second');
      await screenshot(page, 'trap-mount-recovered.png', { fullPage: true });
      await assertPageWorks(page);
      await consoleFlushed(page);
      const reports = log.errors.filter((e) => /internal error/.test(e));
      assert.equal(reports.length, 1, `the console reports the trap once: ${log.errors.join('\n')}`);
      assert.match(reports[0], /drawn again/);
      // A resize calls into the new instance only: nothing stale is called.
      const errorsBefore = log.errors.length;
      await page.setViewportSize({ width: 500, height: 800 });
      await assertChartWorks(second, '#second after a resize');
      await consoleFlushed(page);
      assert.deepEqual(log.errors.slice(errorsBefore), [], 'no call into the old instance');
    } finally {
      await ctx.close();
    }
  });

  test("inside one of the module's event listeners: every chart comes back; the widget that traps twice shows its alert", async () => {
    const { ctx, page, log } = await openHtml(env.browser, env.server, PAGE.replace('<h1>Bài viết</h1>',
      '<h1>Bài viết</h1><province-targets id="first"></province-targets>'));
    try {
      await waitForChart(page, 0);
      await waitForChart(page, 1);
      const [first, second] = [page.locator('#first'), page.locator('#second')];
      const traps = () => page.evaluate(() => window.ProvinceTargets.load().then((mod) => mod.trap_for_tests('event')));
      const stateChanges = (el) => el.evaluate((node) => {
        window.__ptStates = window.__ptStates || new Map();
        const seenStates = [];
        window.__ptStates.set(node.id, seenStates);
        new MutationObserver(() => seenStates.push(node.getAttribute('data-state')))
          .observe(node, { attributes: true, attributeFilter: ['data-state'] });
      });
      await stateChanges(first);
      await stateChanges(second);
      await traps();
      // A province toggle is pressed: the module's own click listener traps, called by the browser's event
      // dispatch, not by the loader; the RuntimeError goes to window 'error'. (element.click() sends the click
      // alone: a pointer would trap the module's pointerover listener first, just as well.)
      await first.locator('button.pt-toggle').first().evaluate((button) => button.click());
      await consoleFlushed(page);
      assert.ok(log.errors.some((e) => /RuntimeError|unreachable/.test(e)), `the trap is reported: ${log.errors}`);
      await chartBack(first);
      await chartBack(second);
      const states = await page.evaluate(() => Object.fromEntries(window.__ptStates));
      assert.ok(states.first.includes('loading') && states.second.includes('loading'),
        `both widgets were drawn again: ${JSON.stringify(states)}`);
      await assertChartWorks(first, '#first');
      await assertChartWorks(second, '#second');
      await screenshot(page, 'trap-event-recovered.png', { fullPage: true });

      // The same widget traps again: it shows its alert for good; the other one is drawn again once more.
      await traps();
      await first.locator('button.pt-toggle').first().evaluate((button) => button.click());
      await first.getByRole('alert').waitFor({ timeout: 5000 }).catch((error) => {
        throw new Error(`${error.message}\nconsole: ${log.errors.join('\n')}`);
      });
      assertAlert(await seen(first), TRAPPED_VI);
      await chartBack(second);
      await assertChartWorks(second, '#second after the second trap');
      await screenshot(first, 'trap-event.png');
      await assertPageWorks(page);
      // The alert's widget stays silent: a resize and clicks on it do not call in.
      const errorsBefore = log.errors.length;
      await page.setViewportSize({ width: 400, height: 800 });
      await first.getByRole('alert').click();
      await consoleFlushed(page);
      assert.deepEqual(log.errors.slice(errorsBefore), [], 'no further call into the module');
      assertAlert(await seen(first), TRAPPED_VI);
    } finally {
      await ctx.close();
    }
  });
});

/** Whether anything trapped: a RuntimeError reported to the page, or a widget's alert. */
async function trapped(page, log) {
  const alerts = await page.evaluate(() =>
    [...document.querySelectorAll('province-targets')].filter((el) => el.shadowRoot?.querySelector('[role=alert]')).length);
  return { alerts, runtimeErrors: log.errors.filter((e) => /RuntimeError|unreachable/.test(e)) };
}

describe('nothing a page does traps the module', () => {
  test("a province-targets-change listener may call every method of the widget's handle", async () => {
    const { ctx, page, log } = await openHtml(env.browser, env.server, PAGE);
    try {
      const widget = await waitForChart(page, 0);
      // A page keeping the view in its URL reads it back, redraws, exports, inside the listener.
      await page.evaluate(() => {
        window.seenInListener = [];
        document.addEventListener('province-targets-change', (event) => {
          const handle = event.target._widget;
          const state = handle.state();
          handle.refresh();
          const svg = handle.svg();
          const csv = handle.csv();
          window.seenInListener.push({ provinces: state.provinces, svg: svg.startsWith('<svg'), csv: csv.length > 0 });
        });
      });
      await widget.locator('button.pt-toggle').first().evaluate((button) => button.click());
      const seenThere = await page.evaluate(() => window.seenInListener);
      assert.equal(seenThere.length, 1, `the listener ran to its end once: ${log.errors}`);
      assert.equal(seenThere[0].svg, true);
      assert.equal(seenThere[0].csv, true);
      assert.equal(await widget.locator('button.pt-toggle').first().getAttribute('aria-pressed'), 'false');
      assert.deepEqual(await trapped(page, log), { alerts: 0, runtimeErrors: [] });
      // The state the listener read is the view after the click.
      const after = await widget.evaluate((el) => el._widget.state().provinces);
      assert.equal(seenThere[0].provinces, after);
    } finally {
      await ctx.close();
    }
  });

  test('a listener that presses another toggle from inside the change event: both changes, in order', async () => {
    const { ctx, page, log } = await openHtml(env.browser, env.server, PAGE);
    try {
      const widget = await waitForChart(page, 0);
      await page.evaluate(() => {
        window.changes = [];
        document.addEventListener('province-targets-change', (event) => {
          window.changes.push(event.detail.provinces);
          const toggles = event.target.shadowRoot.querySelectorAll('button.pt-toggle');
          if (window.changes.length === 1) toggles[1].click();
        });
      });
      await widget.locator('button.pt-toggle').first().evaluate((button) => button.click());
      const pressed = await widget.locator('button.pt-toggle').evaluateAll((b) => b.map((x) => x.getAttribute('aria-pressed')));
      assert.deepEqual(pressed.slice(0, 2), ['false', 'false']);
      const changes = await page.evaluate(() => window.changes);
      assert.equal(changes.length, 2, JSON.stringify(changes));
      assert.deepEqual(await trapped(page, log), { alerts: 0, runtimeErrors: [] });
    } finally {
      await ctx.close();
    }
  });

  test('attributes edited inside the shadow root: a no-op, never a trap', async () => {
    // A view with a national line, so that data-national is there to edit too.
    const { ctx, page, log } = await openHtml(env.browser, env.server, PAGE.replace('indicator="records-online-commune"',
      'indicator="digital-economy-share-grdp" year="2025"'));
    try {
      const widget = await waitForChart(page, 0);
      const edits = [
        ['.pt-mark', 'data-target', '999999'],
        ['.pt-mark', 'data-target', '18446744073709551615'],
        ['.pt-mark', 'data-target', 'x'],
        ['.pt-national', 'data-national', '4294967295'],
        ['.pt-national', 'data-national', '-1'],
        ['button.pt-toggle', 'data-province', '999999'],
        ['button.pt-toggle', 'data-province', 'NaN'],
        ['.pt-year', 'data-year', '65535'],
        ['.pt-year', 'data-year', 'abc'],
        ['.pt-year', 'data-year', '99999999']
      ];
      for (const [selector, name, value] of edits) {
        const before = await widget.evaluate((el) => JSON.stringify(el._widget.state()));
        const hit = await widget.evaluate((el, [selector, name, value]) => {
          const target = el.shadowRoot.querySelector(selector);
          if (!target) return false;
          target.setAttribute(name, value);
          target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          target.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
          target.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
          for (const key of ['ArrowRight', 'ArrowDown', 'Home', 'End', 'Enter', ' ', 'Escape']) {
            target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
          }
          return true;
        }, [selector, name, value]);
        assert.ok(hit, `${selector} is in the widget`);
        assert.deepEqual(await trapped(page, log), { alerts: 0, runtimeErrors: [] }, `${selector} ${name}="${value}"`);
        assert.equal(await widget.evaluate((el) => JSON.stringify(el._widget.state())), before,
          `${selector} ${name}="${value}" changes nothing`);
        // Put the chart back as drawn for the next edit.
        await widget.evaluate((el) => el._widget.refresh());
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
      }
      // The widget still answers a reader.
      await widget.locator('button.pt-toggle').last().evaluate((button) => button.click());
      assert.equal(await widget.locator('button.pt-toggle').last().getAttribute('aria-pressed'), 'false');
      assert.deepEqual(await trapped(page, log), { alerts: 0, runtimeErrors: [] });
    } finally {
      await ctx.close();
    }
  });
});
