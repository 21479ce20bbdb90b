// Issue 13, the web part: what a reader sees is true. The language an embed asks for with a BCP 47 tag is the
// one every part of the widget speaks; downloads arrive whole, whatever their size; and a width change, the
// host's brand colours and refresh() give what a fresh mount would.
// Run with `node --test tests/e2e/` after `make build` (make test does both).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openDownloads, openPage, screenshot, squash, start, stop, waitForChart } from './helpers.mjs';

let server;
let browser;
let data;

before(async () => {
  ({ data, server, browser } = await start());
});

after(() => stop({ server, browser }));


/**
 * A page of `server`'s origin holding `body` and the loader (defining the element only), opened with every
 * console warning and error recorded from the start. `routes` maps a path to a JSON body served there.
 */
async function openBody(body, { routes = {}, init, ...options } = {}) {
  const opened = await openPage(browser, null, options);
  opened.log.warnings = [];
  opened.page.on('console', (msg) => {
    if (msg.type() === 'warning') opened.log.warnings.push(msg.text());
  });
  if (init) await opened.page.addInitScript(init);
  for (const [path, json] of Object.entries(routes)) {
    await opened.page.route(server.url + path, (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(json) }));
  }
  const url = `${server.url}truth-${Date.now()}-${Math.random().toString(36).slice(2)}.html`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>issue 13</title></head>
    <body style="margin:0">${body}<script src="province-targets.js" data-embed="none"></script></body></html>`;
  await opened.page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await opened.page.goto(url, { waitUntil: 'load' });
  return opened;
}

/** The text of the n-th widget's loader alert, once the loader shows one. */
async function loaderAlert(page, index) {
  const alert = page.locator('province-targets').nth(index).locator('[role=alert]');
  await alert.waitFor({ state: 'visible', timeout: 15000 });
  return squash(await alert.innerText());
}

// ---- 1. one language rule for the loader and the module ---------------------------------------------------

const ENGLISH = {
  lang: 'en',
  group: 'Provinces',
  table: 'Show data table',
  svg: 'Download image (SVG)',
  png: 'Download image (PNG)',
  csv: 'Get the whole dataset (CSV)',
  source: 'Source: ',
  summary: /\b(about|at least)\b/,
  loaderFailed: 'Could not load the data from'
};
const VIETNAMESE = {
  lang: 'vi',
  group: 'Tỉnh',
  table: 'Xem bảng số liệu',
  svg: 'Tải ảnh (SVG)',
  png: 'Tải ảnh (PNG)',
  csv: 'Tải toàn bộ dữ liệu (CSV)',
  source: 'Nguồn: ',
  summary: /khoảng|tối thiểu/,
  loaderFailed: 'Không tải được dữ liệu từ'
};

/** Asserts that the widget and the loader's own message (a second widget on a missing dataset) speak `words`. */
async function assertLanguage(page, words, tag) {
  const widget = await waitForChart(page, 0);
  const other = words === ENGLISH ? VIETNAMESE : ENGLISH;
  assert.equal(await widget.locator('.pt-root').getAttribute('lang'), words.lang, `lang="${tag}": the root's lang`);
  const group = widget.getByRole('group', { name: words.group, exact: true });
  assert.equal(await group.isVisible(), true, `lang="${tag}": the province toggles are labelled "${words.group}"`);
  await openDownloads(widget);
  for (const name of [words.table, words.svg, words.png]) {
    assert.equal(await widget.getByRole('button', { name, exact: true }).isVisible(), true,
      `lang="${tag}": a button "${name}"`);
  }
  assert.equal(await widget.getByRole('link', { name: words.csv, exact: true }).isVisible(), true,
    `lang="${tag}": the link "${words.csv}"`);
  const chartText = await widget.locator('.pt-source').innerText();
  assert.ok(chartText.startsWith(words.source), `lang="${tag}": the chart's source line starts "${words.source}"`);
  assert.ok(!chartText.includes(other.source), `lang="${tag}": no "${other.source}" in the source line`);
  const summary = squash(await widget.locator('.pt-summary').innerText());
  assert.match(summary, words.summary, `lang="${tag}": the summary "${summary}"`);
  assert.doesNotMatch(summary, other.summary, `lang="${tag}": the summary "${summary}" in one language`);
  const failed = await loaderAlert(page, 1);
  assert.ok(failed.startsWith(words.loaderFailed), `lang="${tag}": the loader's message "${failed}"`);
}

describe('an embed asking for a language with a BCP 47 tag', () => {
  for (const [tag, words] of [['en-US', ENGLISH], ['EN-gb', ENGLISH], ['vi-VN', VIETNAMESE], ['EN', ENGLISH]]) {
    test(`lang="${tag}" gives a widget in ${words === ENGLISH ? 'English' : 'Vietnamese'} throughout, with no warning`,
      async () => {
        const { ctx, page, log } = await openBody(
          `<province-targets lang="${tag}"></province-targets>
           <province-targets lang="${tag}" src="missing-${Date.now()}.json"></province-targets>`,
          { viewport: { width: 1000, height: 900 } });
        try {
          await assertLanguage(page, words, tag);
          if (tag === 'en-US') {
            // English counts agree with their noun: "1 province", never "1 provinces" (the count is on the
            // picker's groups: the indicators one province set are grouped by pillar after the shared ones).
            const groups = await page.locator('province-targets').first()
              .evaluate((el) => [...el.shadowRoot.querySelectorAll('optgroup')].map((o) => o.label));
            assert.ok(groups.some((g) => g.endsWith(' · 1 province')), `a group of indicators one province set: ${groups}`);
            assert.ok(!groups.some((g) => /\b1 provinces/.test(g)), `${groups}`);
            await page.evaluate(() => window.scrollTo(0, 0));
            await screenshot(page.locator('province-targets').first(), 'widget-en-US-1000.png');
          }
          assert.deepEqual(log.warnings, [], 'no console warning');
          assert.deepEqual(log.errors.filter((e) => !/missing-\d+\.json|404/.test(e)), [], 'no console error');
        } finally {
          await ctx.close();
        }
      });
  }

  test('a value that is no language falls back to Vietnamese everywhere, with a warning naming it', async () => {
    for (const tag of ['fr', 'en_US', 'english', 'en-', 'en-toolongsubtag']) {
      const { ctx, page, log } = await openBody(
        `<province-targets lang="${tag}"></province-targets>
         <province-targets lang="${tag}" src="missing-${Date.now()}.json"></province-targets>`);
      try {
        await assertLanguage(page, VIETNAMESE, tag);
        assert.ok(log.warnings.some((w) => w.includes(`"${tag}"`) && w.includes('vi, en')),
          `lang="${tag}": a warning naming it and the valid values, in ${JSON.stringify(log.warnings)}`);
      } finally {
        await ctx.close();
      }
    }
  });
});

// ---- 2. downloads are Blob URLs, whole whatever their size -------------------------------------------------

// Records what the module's detached links point to when clicked, and every revoked object URL.
function recordLinks() {
  window.__ptClicked = [];
  window.__ptRevoked = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    window.__ptClicked.push(this.getAttribute('href'));
    return click.call(this);
  };
  const revoke = URL.revokeObjectURL;
  URL.revokeObjectURL = function (url) {
    window.__ptRevoked.push(url);
    return revoke.call(URL, url);
  };
}

async function downloadOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), click()]);
  assert.equal(await download.failure(), null, `the download of ${download.suggestedFilename()} completed`);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

describe('downloads', () => {
  test('SVG, PNG and CSV arrive through blob: URLs, which are revoked after the click', async () => {
    const { ctx, page, log } = await openBody('<province-targets lang="en"></province-targets>',
      { init: recordLinks, acceptDownloads: true });
    try {
      const widget = await waitForChart(page, 0);
      const expected = await widget.evaluate((el) => ({ svg: el._widget.svg(), csv: el._widget.csv() }));

      await openDownloads(widget);
      const svg = await downloadOf(page, () => widget.getByRole('button', { name: 'Download image (SVG)' }).click());
      assert.match(svg.name, /\.svg$/);
      assert.equal(svg.bytes.toString('utf8'), expected.svg, 'the SVG file is the chart as the widget shows it');

      await openDownloads(widget);
      const png = await downloadOf(page, () => widget.getByRole('button', { name: 'Download image (PNG)' }).click());
      assert.match(png.name, /\.png$/);
      assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
      const chartWidth = Number(await widget.locator('.pt-chart svg').first().getAttribute('width'));
      assert.equal(png.bytes.readUInt32BE(16), Math.ceil(chartWidth * 2), 'drawn at twice the chart width');

      const clicked = await page.evaluate(() => window.__ptClicked);
      assert.equal(clicked.length, 2, `two links clicked: ${clicked.map((h) => h.slice(0, 40))}`);
      for (const href of clicked) assert.match(href, /^blob:/, 'the image links are blob: URLs');

      await openDownloads(widget);
      const link = widget.getByRole('link', { name: 'Get the whole dataset (CSV)' });
      const csv = await downloadOf(page, () => link.click());
      assert.match(csv.name, /\.csv$/);
      assert.equal(csv.bytes.toString('utf8'), expected.csv, 'the CSV file is the dataset as csv() writes it');
      // The menu closed on the click: the link is hidden from the role query, not gone.
      const csvHref = await widget.locator('.pt-csv-download').getAttribute('href');
      assert.match(csvHref, /^blob:/, 'the CSV link points to a blob: URL when followed');

      // Each URL is given back once the browser has the file, not kept for the page's lifetime.
      await page.waitForFunction((n) => window.__ptRevoked.length >= n, 3, { timeout: 20000 });
      assert.deepEqual((await page.evaluate(() => window.__ptRevoked)).sort(), [...clicked, csvHref].sort());
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
    }
  });

  test('a CSV over 2 MB arrives whole', async () => {
    // The same dataset, its quotes made long: the CSV carries every quote.
    const big = structuredClone(data);
    for (const target of big.targets) target.quote = `${target.quote} ${'dữ liệu '.repeat(3000)}`.trim();
    const { ctx, page } = await openBody('<province-targets src="big.json"></province-targets>',
      { routes: { 'big.json': big }, acceptDownloads: true });
    try {
      const widget = await waitForChart(page, 0);
      const expected = await widget.evaluate((el) => el._widget.csv());
      assert.ok(Buffer.byteLength(expected) > 2.5e6, `the CSV is ${Buffer.byteLength(expected)} bytes`);
      await openDownloads(widget);
      const csv = await downloadOf(page, () => widget.getByRole('link', { name: 'Tải toàn bộ dữ liệu (CSV)' }).click());
      assert.equal(csv.bytes.length, Buffer.byteLength(expected), 'every byte arrived');
      assert.equal(csv.bytes.toString('utf8'), expected);
    } finally {
      await ctx.close();
    }
  });
});

// ---- 3. width changes, brand colours, refresh() ------------------------------------------------------------

/** Everything the chart draws: each element's name, attributes (sorted) and own text, in document order. */
function chartOf(el) {
  const svg = el.shadowRoot.querySelector('.pt-chart svg');
  return [...svg.querySelectorAll('*')].map((node) => {
    const attributes = [...node.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' ');
    const own = [...node.childNodes].filter((c) => c.nodeType === 3).map((c) => c.data).join('');
    return `<${node.localName} ${attributes}>${own}`;
  });
}

/** Where the controls, the summary and the chart sit inside the widget, relative to its top-left corner. */
function placesOf(el) {
  const host = el.getBoundingClientRect();
  const parts = el.shadowRoot.querySelectorAll('button, select, a, .pt-summary, .pt-chart svg');
  // What is not laid out (a closed menu's items, the province chips closed behind their disclosure on a
  // phone) has no place to compare.
  return [...parts].filter((node) => node.getClientRects().length > 0).map((node) => {
    const r = node.getBoundingClientRect();
    const name = node.getAttribute('aria-label') || squashText(node.textContent).slice(0, 30) || node.localName;
    return `${node.localName} ${name} @${Math.round(r.left - host.left)},${Math.round(r.top - host.top)} ` +
      `${Math.round(r.width)}x${Math.round(r.height)}`;
  });
  function squashText(s) {
    return s.replace(/\s+/g, ' ').trim();
  }
}

/** What a reader would see go wrong: parts wider than the widget, and overlapping texts or controls. */
function faultsOf(el) {
  const faults = [];
  const root = el.shadowRoot.querySelector('.pt-root');
  const host = el.getBoundingClientRect();
  if (root.scrollWidth > root.clientWidth + 1) faults.push(`the widget scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
  const intersect = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const check = (selector) => {
    const nodes = [...el.shadowRoot.querySelectorAll(selector)].filter((n) => n.getClientRects().length > 0);
    const rects = nodes.map((n) => n.getBoundingClientRect());
    rects.forEach((r, i) => {
      if (r.right > host.right + 1 || r.left < host.left - 1) faults.push(`${selector} "${nodes[i].textContent}" leaves the widget`);
      for (let j = 0; j < i; j++) {
        if (intersect(r, rects[j])) faults.push(`${selector} "${nodes[i].textContent}" overlaps "${nodes[j].textContent}"`);
      }
    });
  };
  check('.pt-chart svg text');
  check('button, select, a');
  return faults;
}

describe('the widget follows its width, the host\'s colours and refresh()', () => {
  test('a container resized across the phone breakpoint lays the widget out as a fresh mount at that width',
    async () => {
      const { ctx, page, log } = await openBody(
        `<div id="resized" style="width:1000px"><province-targets></province-targets></div>
         <div style="width:360px"><province-targets></province-targets></div>
         <div style="width:1000px"><province-targets></province-targets></div>`,
        { viewport: { width: 1100, height: 900 } });
      try {
        const [resized, phone, desktop] = [await waitForChart(page, 0), await waitForChart(page, 1), await waitForChart(page, 2)];
        const fresh = { 360: phone, 1000: desktop };
        for (const width of [360, 1000, 360]) {
          await page.evaluate((w) => { document.getElementById('resized').style.width = `${w}px`; }, width);
          const expected = await fresh[width].evaluate(chartOf);
          await page.waitForFunction((want) => {
            const el = document.querySelector('province-targets');
            const svg = el.shadowRoot.querySelector('.pt-chart svg');
            return svg && svg.getAttribute('width') === want;
          }, await fresh[width].locator('.pt-chart svg').first().getAttribute('width'), { timeout: 10000 });
          await resized.scrollIntoViewIfNeeded();
          assert.deepEqual(await resized.evaluate(chartOf), expected, `the chart at ${width} px is a fresh one's`);
          await fresh[width].scrollIntoViewIfNeeded();
          const freshPlaces = await fresh[width].evaluate(placesOf);
          assert.deepEqual(await resized.evaluate(placesOf), freshPlaces, `the controls sit as at a fresh mount at ${width} px`);
          assert.deepEqual(await resized.evaluate(faultsOf), [], `nothing overflows or overlaps at ${width} px`);
          assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
            'the page does not scroll sideways');
        }
        await screenshot(resized, 'widget-resized-to-360.png');
        assert.deepEqual(log.errors, []);
      } finally {
        await ctx.close();
      }
    });

  // README, "Brand colours": the target years' colours and the chart's background, text and gridlines.
  const BRAND = {
    '--pt-year-1': '#a01010', '--pt-year-2': '#106010', '--pt-year-3': '#10108a',
    '--pt-year-4': '#7a3a00', '--pt-year-5': '#5a0a6a', '--pt-year-6': '#004c4c',
    '--pt-bg': '#fff8e7', '--pt-text': '#20203a', '--pt-grid': '#d0c8a0', '--pt-accent': '#6a1b9a'
  };
  const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  const brandStyle = Object.entries(BRAND).map(([k, v]) => `${k}: ${v}`).join('; ');

  /** Each year's palette slot: the dataset's most frequent target year first (layout::year_palette). */
  function yearSlots() {
    const counts = new Map();
    for (const t of data.targets) counts.set(t.year, (counts.get(t.year) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([year]) => year);
    return new Map(ranked.map((year, i) => [year, i]));
  }

  /** Each mark's year and the colours a reader sees on it: computed fill and stroke of its visible shapes. */
  function markColours(el) {
    return [...el.shadowRoot.querySelectorAll('.pt-chart .pt-mark')].map((mark) => {
      const colours = new Set();
      // Shapes and the value label; only what is painted (a line has no fill, the hit areas are transparent).
      for (const shape of mark.querySelectorAll('rect, circle, path, line, polygon, text')) {
        const style = getComputedStyle(shape);
        const painted = (name) => shape.getAttribute(name) && !['none', 'transparent'].includes(shape.getAttribute(name));
        if (painted('fill')) colours.add(style.fill);
        if (painted('stroke')) colours.add(style.stroke);
      }
      return { label: mark.getAttribute('aria-label'), colours: [...colours] };
    });
  }

  function assertBrandMarks(marks) {
    const slots = yearSlots();
    assert.ok(marks.length >= 5, 'marks to check');
    for (const { label, colours } of marks) {
      const year = Number(/,\s*(\d{4})\b/.exec(label)[1]);
      const want = rgb(BRAND[`--pt-year-${slots.get(year) + 1}`]);
      assert.ok(colours.includes(want), `the mark "${label}" is drawn in ${want} (--pt-year-${slots.get(year) + 1}); it has ${colours}`);
      for (const c of colours) {
        assert.ok([want, rgb(BRAND['--pt-bg'])].includes(c), `the mark "${label}" has only its year's colour and the background; ${c}`);
      }
    }
  }

  test('the --pt-* brand colours set on the host page reach the marks, the chart and the controls', async () => {
    const { ctx, page, log } = await openBody(
      `<div style="${brandStyle}"><province-targets theme="light"></province-targets></div>`);
    try {
      const widget = await waitForChart(page, 0);
      assertBrandMarks(await widget.evaluate(markColours));
      const seen = await widget.evaluate((el) => {
        const svg = el.shadowRoot.querySelector('.pt-chart svg');
        const title = svg.querySelector('text');
        const year = el.shadowRoot.querySelector('.pt-year[aria-checked=true]');
        return {
          widget: getComputedStyle(el).backgroundColor,
          chart: getComputedStyle(svg.querySelector('rect')).fill,
          title: getComputedStyle(title).fill,
          // The quote the details panel opens on is set off by a rule in the accent colour.
          link: getComputedStyle(el.shadowRoot.querySelector('.pt-details blockquote')).borderInlineStartColor,
          // The chosen year is the text colour on the background, reversed (province chips and years are
          // neutral: the accent is too close to a year's colour, issue 14).
          year: getComputedStyle(year).backgroundColor
        };
      });
      assert.deepEqual(seen, {
        widget: rgb(BRAND['--pt-bg']),
        chart: rgb(BRAND['--pt-bg']),
        title: rgb(BRAND['--pt-text']),
        link: rgb(BRAND['--pt-accent']),
        year: rgb(BRAND['--pt-text'])
      }, 'background, chart background, text, the quote\'s rule and the chosen year in the brand colours');
      await screenshot(widget, 'widget-brand-colours.png');
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
    }
  });

  test('refresh() draws again with the colours the page has now; a change of colour scheme refreshes', async () => {
    const { ctx, page, log } = await openBody(
      '<div id="brand"><province-targets theme="auto"></province-targets></div>', { colorScheme: 'light' });
    try {
      const widget = await waitForChart(page, 0);
      const chartFill = () => widget.evaluate((el) => el.shadowRoot.querySelector('.pt-chart svg rect').getAttribute('fill'));
      assert.equal(await chartFill(), '#ffffff', 'a light chart to begin with');

      // Colours set after the mount reach the chart once the page calls refresh().
      await page.evaluate((style) => document.getElementById('brand').setAttribute('style', style), brandStyle);
      await widget.evaluate((el) => el._widget.refresh());
      assertBrandMarks(await widget.evaluate(markColours));
      assert.equal(await chartFill(), BRAND['--pt-bg']);

      // Without them, refresh() goes back to the theme's own colours.
      await page.evaluate(() => document.getElementById('brand').removeAttribute('style'));
      await widget.evaluate((el) => el._widget.refresh());
      assert.equal(await chartFill(), '#ffffff');

      // The reader's system turning dark: the loader refreshes a widget on theme "auto".
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForFunction(() => document.querySelector('province-targets').shadowRoot
        .querySelector('.pt-chart svg rect').getAttribute('fill') === '#16181d', null, { timeout: 10000 });
      assert.equal(await widget.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(22, 24, 29)',
        'the widget and its chart turn dark together');
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
    }
  });
});
