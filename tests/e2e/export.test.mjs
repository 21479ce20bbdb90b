// End-to-end tests of issue 7 against dist/: the widget's SVG against the command line's, the no-JavaScript
// fallbacks, and the demo's URL fragment. The embed builder's tests are in builder.test.mjs.
// Run with `node --test tests/e2e/` after `make build` (which also writes dist/static/ with the release CLI).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DIST, ROOT, openDownloads, openHtml, openPage, serve, start, stop, viewOf, waitForChart } from './helpers.mjs';

const CLI = process.env.PT_CLI
  ? resolve(process.env.PT_CLI)
  : join(process.env.CARGO_TARGET_DIR ? resolve(ROOT, process.env.CARGO_TARGET_DIR) : join(ROOT, 'target'),
    'release', 'province-targets');

let server;
let browser;
let data;
let staticIndex;

before(async () => {
  staticIndex = JSON.parse(await readFile(join(DIST, 'static', 'index.json'), 'utf8'));
  ({ data, server, browser } = await start());
});

after(() => stop({ server, browser }));

const provinceName = (id) => data.provinces.find((p) => p.id === id).name_vi;

/** The SVG documents compared with their ids (and references to them) normalised. */
const normaliseIds = (svg) => svg.replace(/\b(id|aria-labelledby)="[^"]*"/g, '$1=""');

function cliSvg(args) {
  if (!existsSync(CLI)) throw new Error(`${CLI} not found: run make build (it builds the release CLI)`);
  return execFileSync(CLI, ['svg', ...args], { encoding: 'utf8' });
}

/** A page holding only `code`, served from dist/'s origin (what an editor's CMS would produce). */
function pastedPage(code, { width = 900, javaScriptEnabled = true } = {}) {
  return openHtml(browser, server,
    `<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>Bài viết</title></head>\n` +
      `<body><main>\n${code}\n</main></body></html>\n`,
    { viewport: { width, height: 1000 }, colorScheme: 'light', javaScriptEnabled });
}

describe('the widget and the command line draw the same SVG', () => {
  for (const view of [
    { indicator: 'records-online-commune', year: '2025', provinces: 'bac-giang,binh-dinh,vinh-phuc,lang-son',
      lang: 'vi', theme: 'light', width: 900 },
    { indicator: 'dti-ranking', year: 'all', provinces: '', lang: 'en', theme: 'dark', width: 420 }
  ]) {
    test(`${view.indicator}, ${view.lang}, ${view.theme}, ${view.width} px page`, async () => {
      const attrs = [['indicator', view.indicator], ['year', view.year], ['provinces', view.provinces],
        ['lang', view.lang], ['theme', view.theme]].filter(([, v]) => v)
        .map(([k, v]) => ` data-${k}="${v}"`).join('');
      const pasted = await pastedPage(`<script src="${server.url}province-targets.js"${attrs}></script>`,
        { width: view.width });
      try {
        const widget = await waitForChart(pasted.page, 0);
        const width = await widget.locator('.pt-chart').evaluate((el) => el.clientWidth);
        assert.ok(width > 200, `the chart container is ${width} px wide`);
        await openDownloads(widget);
        const button = widget.getByRole('button', { name: view.lang === 'vi' ? 'Tải ảnh (SVG)' : 'Download image (SVG)' });
        const [download] = await Promise.all([pasted.page.waitForEvent('download'), button.click()]);
        const exported = await readFile(await download.path(), 'utf8');
        const args = ['--indicator', view.indicator, '--year', view.year, '--lang', view.lang, '--theme', view.theme,
          '--width', String(width)];
        if (view.provinces) args.push('--provinces', view.provinces);
        const cli = cliSvg(args);
        assert.equal(normaliseIds(exported), normaliseIds(cli),
          `the widget's SVG at ${width} px equals province-targets svg ${args.join(' ')}`);
      } finally {
        await pasted.ctx.close();
      }
    });
  }
});

describe('static fallbacks', () => {
  test('dist/static has an SVG and a PNG for every indicator, listed in index.json', async () => {
    assert.equal(staticIndex.charts.length, data.indicators.length);
    assert.equal(staticIndex.width, 640);
    for (const chart of staticIndex.charts) {
      for (const file of [chart.svg, chart.png]) {
        const response = await fetch(`${server.url}static/${file}`);
        assert.equal(response.status, 200, file);
        await response.arrayBuffer();
      }
    }
    const svg = await (await fetch(`${server.url}static/${staticIndex.default_indicator}.svg`)).text();
    assert.equal(normaliseIds(svg), normaliseIds(cliSvg(['--width', '640'])), 'the default chart is the CLI output');
  });

  test('with JavaScript off, the demo article shows the static PNG of its first chart, described', async () => {
    const chart = staticIndex.charts.find((c) => c.indicator === staticIndex.default_indicator);
    const html = await readFile(join(DIST, 'index.html'), 'utf8');
    assert.ok(html.includes(`alt="${chart.summary.replace(/"/g, '&quot;')}"`),
      'index.html\'s <noscript> alt is the current summary of the default chart (update it if the data changed)');
    const { ctx, page } = await openPage(browser, server.url, { javaScriptEnabled: false });
    try {
      const img = page.locator('figure.embed img').first();
      await img.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => {
        const i = document.querySelector('figure.embed img');
        return i && i.complete && i.naturalWidth > 0;
      });
      assert.equal(await img.getAttribute('alt'), chart.summary);
      assert.equal(await img.evaluate((i) => i.naturalWidth), chart.png_width, 'the 2× PNG is loaded');
      const link = page.locator('figure.embed a:has(img)').first();
      assert.equal(await link.getAttribute('href'), `static/${chart.svg}`);
    } finally {
      await ctx.close();
    }
  });
});

describe('demo page URL fragment', () => {
  test('a fragment opens the first chart on its view, and a change writes the view back', async () => {
    const hash = '#indicator=records-online-commune&year=2025&provinces=bac-giang,lang-son&lang=en';
    const { ctx, page, log } = await openPage(browser, `${server.url}${hash}`);
    try {
      const widget = await waitForChart(page, 0);
      const view = await viewOf(widget);
      assert.equal(view.indicator, 'records-online-commune');
      assert.equal(view.year, '2025');
      assert.deepEqual(view.pressed, [provinceName('bac-giang'), provinceName('lang-son')]);
      assert.equal(view.lang, 'en');
      assert.equal(await page.evaluate(() => location.hash), hash, 'the fragment is left as it was');

      const historyLength = await page.evaluate(() => history.length);
      await widget.getByRole('button', { name: provinceName('vinh-phuc'), exact: true }).click();
      await page.waitForFunction(() => location.hash.includes('vinh-phuc'));
      assert.equal(await page.evaluate(() => location.hash),
        '#indicator=records-online-commune&year=2025&provinces=bac-giang,vinh-phuc,lang-son&lang=en&national=on');
      await widget.locator('.pt-year[data-year="all"]').click();
      await page.waitForFunction(() => location.hash.includes('year=all'));
      assert.equal(await page.evaluate(() => history.length), historyLength, 'replaceState: no new history entries');

      // The second chart's changes do not touch the fragment.
      const before = await page.evaluate(() => location.hash);
      const second = await waitForChart(page, 1);
      const binhDinh = second.getByRole('button', { name: provinceName('binh-dinh'), exact: true });
      // The fragment as it is once the second chart's change event has reached every listener: the demo's
      // listener is on document, and this one on window runs after it.
      await page.evaluate(() => {
        window.__afterSecond = new Promise((resolve) => window.addEventListener('province-targets-change', (event) => {
          if (event.target !== document.querySelector('province-targets')) resolve(location.hash);
        }));
      });
      await binhDinh.click();
      assert.equal(await binhDinh.getAttribute('aria-pressed'), 'false', 'the second chart took the change');
      assert.equal(await page.evaluate(() => window.__afterSecond), before);

      // The written fragment restores the view in a new page.
      const restored = await openPage(browser, `${server.url}${before}`);
      try {
        const again = await waitForChart(restored.page, 0);
        assert.deepEqual(await viewOf(again), await viewOf(widget), 'the same view after a reload');
      } finally {
        await restored.ctx.close();
      }
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
    }
  });

  test('the national switch is in the fragment: a shared link restores it off, and turning it on writes it back',
    async () => {
      const hash = '#indicator=digital-economy-share-grdp&year=2025&provinces=bac-giang,lang-son&lang=vi&national=off';
      const { ctx, page, log } = await openPage(browser, `${server.url}${hash}`);
      try {
        const widget = await waitForChart(page, 0);
        const toggle = widget.getByRole('button', { name: 'Mục tiêu quốc gia', exact: true });
        assert.equal(await toggle.getAttribute('aria-pressed'), 'false', 'the link\'s national=off is restored');
        assert.equal(await widget.locator('.pt-national').count(), 0, 'no national line drawn');
        await toggle.click();
        await page.waitForFunction(() => location.hash.includes('national=on'));
        assert.equal(await page.evaluate(() => location.hash), hash.replace('national=off', 'national=on'));
        assert.equal(await widget.locator('.pt-national').count(), 1, 'the line is back');
        assert.deepEqual(log.errors, []);
      } finally {
        await ctx.close();
      }
    });

  test('without a fragment the first chart opens on its default and the URL stays clean', async () => {
    const { ctx, page } = await openPage(browser, server.url);
    try {
      const widget = await waitForChart(page, 0);
      assert.equal((await viewOf(widget)).indicator, staticIndex.default_indicator);
      assert.equal(await page.evaluate(() => location.hash), '');
    } finally {
      await ctx.close();
    }
  });
});
