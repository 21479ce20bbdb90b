// A newsroom's dataset with a cosmetic flaw still draws: a short label one character over its limit is a
// warning, shown cut with "…", and the console names its record and field in one line. An error still
// refuses the dataset, and the alert lists the errors only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, start, stop, waitForChart } from './helpers.mjs';

let shared;
before(async () => {
  shared = await start();
});
after(async () => {
  await stop(shared ?? {});
});

/** 37 characters: one over the 36 a short label may have. */
const LONG = 'Digital economy in the provincial GDP';

/** The bundled dataset with the first indicator's English short label over its limit, after `edit`. */
function datasetWithLongLabel(edit = () => {}) {
  const dataset = structuredClone(shared.data);
  dataset.indicators[0].short_en = LONG;
  edit(dataset);
  return dataset;
}

/**
 * A page with one English embed reading `dataset` from its own URL, its console warnings collected from the
 * first line on. Returns openPage's { ctx, page, log } and `warnings`.
 */
async function pageReading(dataset) {
  const opened = await openPage(shared.browser, null);
  const warnings = [];
  opened.page.on('console', (msg) => {
    if (msg.type() === 'warning' && msg.text().startsWith('province-targets:')) warnings.push(msg.text());
  });
  const id = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await opened.page.route(`**/own/severity-${id}.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(dataset) }));
  const url = `${shared.server.url}severity-${id}.html`;
  const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head><body>' +
    `<main><script src="/province-targets.js" data-src="/own/severity-${id}.json" data-lang="en"></script></main></body></html>`;
  await opened.page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await opened.page.goto(url, { waitUntil: 'load' });
  return { ...opened, warnings };
}

describe('problems have a severity', () => {
  test('an over-long short label draws the chart with the label cut, and the console names record and field', async () => {
    const dataset = datasetWithLongLabel();
    const indicator = dataset.indicators[0];
    const { ctx, page, log, warnings } = await pageReading(dataset);
    try {
      const widget = await waitForChart(page);
      const option = await widget.locator(`select:has(optgroup) option[value="${indicator.id}"]`).textContent();
      assert.ok(option.endsWith('…'), `the picker shows the label cut: ${option}`);
      assert.ok(LONG.startsWith(option.slice(0, -1)) && [...option].length <= 36, option);
      assert.equal(await widget.locator('[role="alert"]').count(), 0, 'no alert: the dataset is drawn');
      assert.deepEqual(warnings, [
        `province-targets: indicators[0] "${indicator.id}", field "short_en": 37 characters long, over the limit ` +
        'of 36 that fits a phone\'s select: shown cut to at most 36 characters, ending in "…"'
      ]);
      assert.deepEqual(log.errors, []);
      await screenshot(page, 'severity-warning.png');
    } finally {
      await ctx.close();
    }
  });

  test('an error still refuses the dataset; the alert lists the error and the warning stays in the console', async () => {
    const dataset = datasetWithLongLabel((d) => {
      d.targets[0].year = 1999;
    });
    const { ctx, page, log, warnings } = await pageReading(dataset);
    try {
      const alert = page.locator('province-targets [role="alert"]');
      await alert.waitFor({ state: 'visible', timeout: 15000 });
      const items = await alert.locator('li').allTextContents();
      assert.deepEqual(items, [
        `targets[0] "${dataset.targets[0].id}", field "year": year 1999 is not valid: expected a whole year from 2000 to 2100`
      ]);
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0], /^province-targets: indicators\[0\] "[^"]+", field "short_en": 37 characters long/);
      assert.ok(log.errors.some((e) => e.includes('field "year": year 1999')), log.errors.join('\n'));
      assert.ok(!log.errors.some((e) => e.includes('short_en')), 'the warning is not an error');
    } finally {
      await ctx.close();
    }
  });
});
