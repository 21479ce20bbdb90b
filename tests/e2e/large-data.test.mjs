// End-to-end tests of reading a large dataset: the generated 34 provinces x 40 indicators x 3 years (1.3 MB) is
// read a slice of records at a time, and the page gets control between the slices; a broken one names the same
// records and fields as reading it in one call.
//
// How many slices a read takes, and whether a frame fits between two, depends on the machine when a slice is
// timed. So the page fixes the records per slice through the loader's test seam (window.__ptSliceRecords; the
// count of slices is asserted when the loader reads it), and counts what does not depend on speed: how many times the loader gave control back (its scheduler.yield, here
// a counting stub), and whether a task the page queued when the text was parsed ran before the chart was ready.
// Read in one task, as with slicing turned off, neither holds.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generate } from '../../bench/gen-stress.mjs';
import { openPage, squash, start, stop } from './helpers.mjs';

let ctx;
before(async () => {
  ctx = await start();
});
after(async () => stop(ctx ?? {}));

/** Records per slice in these tests: the loader reads exactly this many in each task. */
const SLICE_RECORDS = 250;
/** The lists the loader reads a record at a time (src/web/dataset.rs, LISTS). */
const LISTS = ['pillars', 'provinces', 'indicators', 'sources', 'targets', 'national'];
const recordsOf = (dataset) => LISTS.reduce((n, list) => n + (Array.isArray(dataset[list]) ? dataset[list].length : 0), 0);

/**
 * A page with one embed of the dataset `body` (served at ./large.json) that records, in window.__read, how
 * often the loader yielded before the widget settled and whether the page's own task ran in between.
 */
async function openLarge(body) {
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>large</title></head><body>
<script>
  const read = window.__read = {
    yields: 0, yieldsAtEnd: null, parsed: false, pageTaskBeforeEnd: null, end: null, seamRead: false
  };
  // Whether the loader reads the seam is recorded: a loader that ignored it would time its slices instead.
  Object.defineProperty(window, '__ptSliceRecords', {
    get() {
      read.seamRead = true;
      return ${SLICE_RECORDS};
    }
  });
  // A message through a MessageChannel: a task of its own, queued behind what is queued already.
  const inATask = (then) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then();
    channel.port2.postMessage(null);
  };
  const counting = () => {
    read.yields++;
    return new Promise((resolve) => inATask(resolve));
  };
  if (window.scheduler) window.scheduler.yield = counting;
  else window.scheduler = { yield: counting };
  const parse = JSON.parse;
  JSON.parse = function (text, reviver) {
    if (typeof text === 'string' && text.length > 100000 && !read.parsed) {
      read.parsed = true;
      inATask(() => {
        read.pageTaskBeforeEnd = read.end == null;
      });
    }
    return parse.call(this, text, reviver);
  };
  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (name, value) {
    if (name === 'data-state' && value !== 'loading' && read.end == null) {
      read.end = value;
      read.yieldsAtEnd = read.yields;
    }
    return setAttribute.call(this, name, value);
  };
</script>
<script src="province-targets.js" data-src="large.json"></script>
</body></html>`;
  const opened = await openPage(ctx.browser, null);
  await opened.page.route('**/large.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }));
  const url = `${ctx.server.url}large-${Date.now()}.html`;
  await opened.page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await opened.page.goto(url, { waitUntil: 'load' });
  await opened.page.waitForFunction(() => {
    const el = document.querySelector('province-targets');
    return el && ['ready', 'error'].includes(el.getAttribute('data-state'));
  }, null, { timeout: 30000 });
  return opened;
}

/** Asserts that the loader read `dataset` a slice of SLICE_RECORDS records per task, giving control back between. */
async function assertReadInSlices(page, dataset) {
  const read = await page.evaluate(() => window.__read);
  assert.ok(read.parsed, 'the loader parsed the large text');
  assert.ok(read.yieldsAtEnd >= 1, 'the loader gave control back at least once while reading');
  assert.equal(read.pageTaskBeforeEnd, true, 'a task the page queued when the text was parsed ran before the widget settled');
  // With the records per slice fixed, the number of slices is known whatever the machine.
  assert.ok(read.seamRead, 'the loader read its records-per-slice test seam');
  const slices = Math.ceil(recordsOf(dataset) / SLICE_RECORDS);
  assert.ok(read.yieldsAtEnd >= slices,
    `the loader gave control back ${read.yieldsAtEnd} time(s) while reading ${recordsOf(dataset)} records, ` +
    `${SLICE_RECORDS} per slice: at least ${slices} expected`);
}

describe('a large dataset', () => {
  test('is read in slices, the page getting control between them, then every province and indicator shows', async () => {
    const dataset = generate();
    const body = JSON.stringify(dataset);
    assert.ok(body.length > 1_000_000, `the generated dataset is large (${body.length} characters)`);
    const { ctx: context, page, log } = await openLarge(body);
    try {
      const widget = page.locator('province-targets');
      assert.equal(await widget.getAttribute('data-state'), 'ready');
      await assertReadInSlices(page, dataset);
      // What the reader sees: the most shared indicator (all are; the first wins), every province as a chip
      // and, once the rows below the first screen are drawn, as a row.
      assert.equal(squash(await widget.locator('.pt-title').textContent()), 'Chỉ tiêu thử nghiệm số 01');
      assert.equal(await widget.locator('.pt-toggle').count(), 34);
      assert.equal(await widget.locator('select option').count(), 40);
      await page.waitForFunction(() =>
        document.querySelector('province-targets').shadowRoot.querySelectorAll('.pt-chart [data-row]').length === 34);
      const lastRow = widget.locator('.pt-chart [data-row]').last();
      assert.match(squash(await lastRow.textContent()), /An Giang/);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('with broken records names each record and field, exactly as reading it in one call does', async () => {
    const dataset = generate();
    dataset.targetz = [];
    dataset.targets[100].valu = 3;
    dataset.targets[2500].value = 'nhiều';
    dataset.sources[5].province = 'khong-co';
    dataset.targets[4079] = 42;
    const body = JSON.stringify(dataset);
    const { ctx: context, page, log } = await openLarge(body);
    try {
      const widget = page.locator('province-targets');
      assert.equal(await widget.getAttribute('data-state'), 'error');
      await assertReadInSlices(page, dataset);
      const sliced = squash(await widget.locator('[role=alert]').textContent());
      for (const place of ['targetz', 'targets[100]', 'valu', 'sources[5]', 'targets[4079]']) {
        assert.ok(sliced.includes(place), `the alert names ${place}: ${sliced}`);
      }
      // The same text read through the module in one call (read_data), mounted beside it.
      const oneCall = await page.evaluate(async (text) => {
        const mod = await window.ProvinceTargets.load();
        const errors = [];
        const consoleError = console.error;
        console.error = (message) => errors.push(String(message));
        const box = document.createElement('div');
        try {
          mod.mount(box, {}, mod.read_data(JSON.parse(text)));
        } catch {
          // a broken dataset: the alert is in box
        } finally {
          console.error = consoleError;
        }
        return { alert: box.textContent, errors };
      }, body);
      assert.equal(sliced, squash(oneCall.alert));
      // The console lists every problem, the one in targets[2500] too (the alert shows the first five).
      const listed = log.errors.filter((e) => e.startsWith('province-targets: ') && !e.includes('is not valid JSON'));
      assert.deepEqual(listed.filter((e) => !/problem\(s\)/.test(e)), oneCall.errors);
      assert.ok(listed.some((e) => e.includes('targets[2500]') && e.includes('value')), listed.join('\n'));
    } finally {
      await context.close();
    }
  });
});
