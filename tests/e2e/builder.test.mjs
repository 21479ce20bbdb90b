// End-to-end tests of the embed builder (builder.html) against dist/, issues 7, 14 and 15: its copied code pasted
// into an empty page, the <noscript> fallback that follows the chosen view, the layout at 1280 px, the phone
// frame, the empty-chart warning, the optional attributes, the editor's own data file and the English interface.
// Run with `node --test tests/e2e/builder.test.mjs` after `make build` (which also writes dist/static/).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DIST, ROOT, blankBelow, builtFiles, layoutShift, openHtml, openPage, screenshot, serve, start, stop, viewOf, waitForChart,
  watchLayoutShift
} from './helpers.mjs';

let server;
let browser;
let data;
let staticIndex;
let staticIndexEn;

before(async () => {
  staticIndex = JSON.parse(await readFile(join(DIST, 'static', 'index.json'), 'utf8'));
  staticIndexEn = JSON.parse(await readFile(join(DIST, 'static', 'en', 'index.json'), 'utf8'));
  ({ data, server, browser } = await start());
});

after(() => stop({ server, browser }));

const provinceName = (id) => data.provinces.find((p) => p.id === id).name_vi;

/** Opens the builder (in `ui`'s language) at `width` × `height`, and waits for its data. */
async function openBuilder({ width = 1280, height = 1000, ui = 'vi', url = server.url } = {}) {
  const opened = await openPage(browser, `${url}builder.html${ui === 'en' ? '?ui=en' : ''}`,
    { viewport: { width, height }, colorScheme: 'light' });
  await opened.page.locator('body[data-ready="true"]').waitFor({ timeout: 15000 });
  return opened;
}

/** Picks a view in an open builder and waits for the preview's chart. */
async function builderWith(page, { indicator, year, uncheck = [], lang = 'vi', theme = 'light' }) {
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 15000 });
  await page.locator('#indicator').selectOption(indicator);
  await page.locator('#year').selectOption(year);
  for (const id of uncheck) await page.locator(`input[name="province"][value="${id}"]`).uncheck();
  await page.locator(`input[name="lang"][value="${lang}"]`).check();
  await page.locator('#theme').selectOption(theme);
  const preview = page.locator('#preview province-targets');
  await preview.locator('.pt-chart svg').waitFor({ state: 'visible', timeout: 15000 });
  return preview;
}

/** A page holding only `code`, served from dist/'s origin (what an editor's CMS would produce). */
function pastedPage(code, { width = 900, javaScriptEnabled = true } = {}) {
  return openHtml(browser, server,
    `<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>Bài viết</title></head>\n` +
      `<body><main>\n${code}\n</main></body></html>\n`,
    { viewport: { width, height: 1000 }, colorScheme: 'light', javaScriptEnabled });
}

const code = (page) => page.locator('#code-script').inputValue();

describe('embed builder: the code', () => {
  test('the copied one-tag code, pasted into an empty page, shows the view of the preview', async () => {
    const { ctx, page, log } = await openBuilder();
    try {
      await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
      const preview = await builderWith(page, {
        indicator: 'records-online-commune', year: '2025', uncheck: ['binh-duong'], lang: 'vi', theme: 'light'
      });
      const expected = await viewOf(preview);
      assert.equal(expected.indicator, 'records-online-commune');
      assert.equal(expected.year, '2025');
      assert.ok(!expected.pressed.includes(provinceName('binh-duong')), 'Bình Dương is off in the preview');
      assert.ok(expected.marks.length > 0, 'the preview has marks');

      await page.getByRole('button', { name: 'Sao chép' }).first().click();
      await page.locator('#copy-status', { hasText: 'Đã sao chép' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await code(page), 'the clipboard holds the code shown');
      // The code pins this build's content-hashed loader with its integrity (issue 17): the stable
      // province-targets.js changes at every release, and with integrity="" on it a pasted article would break.
      const pinned = (await builtFiles())['province-targets.js'];
      assert.match(pinned.path, /^province-targets\.[0-9a-f]{8,}\.js$/);
      const loaderUrl = `${server.url}${pinned.path}`;
      assert.ok(copied.startsWith(`<script src="${loaderUrl}" data-indicator="records-online-commune"`), copied);
      assert.ok(copied.includes(` integrity="${pinned.integrity}" crossorigin="anonymous">`), copied);
      assert.ok(!copied.includes(`${server.url}province-targets.js"`), 'never the stable loader URL');
      const pinnedHint = await page.locator('#code-pinned').innerText();
      assert.match(pinnedHint, /giữ nguyên như bạn thấy hôm nay/, 'the sentence under the code says, in an editor\'s words, that it is pinned');
      assert.doesNotMatch(pinnedHint, /integrity|crossorigin|DEPLOY/, 'no developer words in the editor\'s hint');
      await page.locator('#code-tech > summary').click();
      assert.match(await page.locator('#code-tech').innerText(), /integrity.*province-targets\.js.*docs\/DEPLOY\.md/s,
        'the technical note below says how to get the latest instead');
      assert.match(copied, /data-provinces="bac-giang,binh-dinh,vinh-phuc,lang-son"/);
      assert.match(copied, /<\/script>\n<noscript>/, 'the no-JavaScript fallback follows the script tag');
      const chart = staticIndex.charts.find((c) => c.indicator === 'records-online-commune');
      const year = chart.years.find((y) => y.year === 2025);
      assert.ok(copied.includes(`alt="${year.summary}"`), 'the image is described by the 2025 chart summary');
      assert.ok(copied.includes(`<p>${year.source}</p>`), 'the source line is in the fallback');
      assert.deepEqual(log.errors, [], 'no console errors in the builder');

      // The element form (for pages with several charts) reproduces the same view too.
      await page.locator('#code-several > summary').click();
      await page.getByRole('button', { name: 'Sao chép' }).nth(1).click();
      const elementCode = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(elementCode, /<province-targets indicator="records-online-commune" year="2025"/);
      assert.ok(elementCode.startsWith(`<script src="${loaderUrl}" data-embed="none" integrity="${pinned.integrity}"`),
        elementCode);

      for (const [name, pasted] of [['script', copied], ['element', elementCode]]) {
        const opened = await pastedPage(pasted, { width: 900 });
        try {
          const widget = opened.page.locator('province-targets').first();
          await widget.locator('.pt-chart svg').first().waitFor({ state: 'visible', timeout: 15000 });
          assert.deepEqual(await viewOf(widget), expected, `the ${name} code shows the builder's view`);
          assert.equal(await opened.page.locator('province-targets').count(), 1, 'one chart');
          assert.deepEqual(opened.log.errors, [], `no console errors on the pasted ${name} page`);
        } finally {
          await opened.ctx.close();
        }
      }
    } finally {
      await ctx.close();
    }
  });

  test('the code carries the view\'s own height: pasted, a one-province view leaves no blank box before any input',
    async () => {
      const { ctx, page, log } = await openBuilder();
      try {
        await builderWith(page, { indicator: 'e-identification', year: 'all' });
        await page.waitForFunction(() => /<province-targets [^>]*heights="/.test(document.querySelector('#code-element').value));
        const elementCode = await page.locator('#code-element').inputValue();
        const heights = /heights="([^"]+)"/.exec(elementCode)[1];
        const pairs = heights.split(',').map((pair) => pair.split(':').map(Number));
        assert.equal(pairs[0][0], 600, `from the first width a screen may hold the whole widget: ${heights}`);
        assert.ok(pairs.every(([w], i) => i === 0 || w > pairs[i - 1][0]), `by ascending width: ${heights}`);
        const scriptCode = await code(page);
        assert.ok(scriptCode.includes(` data-heights="${heights}"`), 'the one-tag code carries it as data-heights');
        assert.equal(await page.locator('province-targets').count(), 1, 'the page shows one chart: the preview');
        assert.deepEqual(log.errors, []);
        for (const width of [768, 1280]) {
          const opened = await openHtml(browser, server,
            `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài</title></head><body><main>\n` +
            `${scriptCode}\n<p id="after">Đoạn sau.</p></main></body></html>`,
            { viewport: { width, height: 1600 }, colorScheme: 'light' });
          try {
            await watchLayoutShift(opened.page);
            const widget = await waitForChart(opened.page);
            await widget.locator('.pt-details blockquote').first().waitFor();
            assert.equal(await widget.getAttribute('data-fitted'), null, 'nobody acted: the reservation holds');
            const blank = await blankBelow(widget);
            assert.ok(blank <= 24, `${width} px: ${blank} px blank below the one-province view`);
            assert.equal(await layoutShift(opened.page), 0, `${width} px: layout shift`);
          } finally {
            await opened.ctx.close();
          }
        }
      } finally {
        await ctx.close();
      }
    });

  test('a reader change in the preview updates the form and the code', async () => {
    const { ctx, page } = await openBuilder();
    try {
      const preview = await builderWith(page, { indicator: 'digital-economy-share-grdp', year: 'all' });
      await preview.getByRole('button', { name: provinceName('vinh-phuc'), exact: true }).click();
      await page.waitForFunction(() => !document.querySelector('input[name="province"][value="vinh-phuc"]').checked);
      assert.match(await code(page), /data-provinces="bac-giang,binh-dinh,binh-duong,lang-son"/);
    } finally {
      await ctx.close();
    }
  });

  test('the indicators come in the order and groups of the widget\'s own picker, shared ones first', async () => {
    const { ctx, page } = await openBuilder();
    try {
      const preview = await builderWith(page, { indicator: 'digital-economy-share-grdp', year: 'all' });
      const groupsOf = (select) => select.evaluate((el) => [...el.querySelectorAll('optgroup')]
        .map((g) => ({ label: g.label, ids: [...g.querySelectorAll('option')].map((o) => o.value) })));
      const builder = await groupsOf(page.locator('#indicator'));
      const widget = await groupsOf(preview.locator('select:has(optgroup)'));
      assert.deepEqual(builder, widget);
      assert.ok(builder.length > 2 && !/·/.test(builder[0].label) && /· 1 tỉnh$/.test(builder.at(-1).label),
        JSON.stringify(builder.map((g) => g.label)));
      const options = await page.locator('#indicator option').allTextContents();
      assert.match(options[0], /\(5 tỉnh\)$/, 'the most shared indicator first, its count said');
    } finally {
      await ctx.close();
    }
  });

  test('runs under the strict Content-Security-Policy without violations', async () => {
    const strict = await serve({ csp: true });
    const { ctx, page, log } = await openBuilder({ url: strict.url });
    try {
      await builderWith(page, { indicator: 'dti-ranking', year: 'all', lang: 'en' });
      assert.deepEqual(log.violations, [], 'no CSP violations');
      assert.deepEqual(log.errors, [], 'no console errors');
    } finally {
      await ctx.close();
      await strict.close();
    }
  });

  test('optional attributes appear in the code only when set: controls, words, highlight, national line',
    async () => {
      const { ctx, page } = await openBuilder();
      try {
        await builderWith(page, { indicator: 'digital-economy-share-grdp', year: 'all' });
        const plain = await code(page);
        for (const name of ['controls', 'title', 'subtitle', 'note', 'credit', 'highlight', 'national']) {
          assert.ok(!plain.includes(`data-${name}=`), `no data-${name} by default`);
        }
        await page.locator('#shown > summary').click();
        await page.getByLabel('Ẩn các nút chọn của bạn đọc').check();
        await page.locator('#preview province-targets[controls="none"]').waitFor();
        assert.match(await code(page), /data-controls="none"/);
        await page.locator('#code-several > summary').click();
        assert.match(await page.locator('#code-element').inputValue(), /<province-targets [^>]*controls="none"/);

        await page.locator('input[name="highlight"][value="lang-son"]').check();
        await page.getByLabel('Ẩn đường mục tiêu quốc gia').check();
        await page.locator('#words > summary').click();
        await page.getByLabel('Tiêu đề', { exact: true }).fill('Lạng Sơn "đi trước" <b>2030</b>');
        await page.getByLabel('Tiêu đề', { exact: true }).press('Tab');
        const withAll = await code(page);
        assert.match(withAll, /data-highlight="lang-son"/);
        assert.match(withAll, /data-national="off"/);
        assert.ok(withAll.includes('data-title="Lạng Sơn &quot;đi trước&quot; &lt;b&gt;2030&lt;/b&gt;"'),
          `the title is escaped in the code: ${withAll}`);
        assert.ok(withAll.includes('<p><strong>Lạng Sơn &quot;đi trước&quot; &lt;b&gt;2030&lt;/b&gt;</strong></p>'),
          'the title heads the <noscript> fallback, as text');
        const preview = page.locator('#preview province-targets');
        assert.equal(await preview.getAttribute('title'), 'Lạng Sơn "đi trước" <b>2030</b>');
        assert.equal(await preview.getAttribute('highlight'), 'lang-son');

        await page.getByLabel('Ẩn các nút chọn của bạn đọc').uncheck();
        assert.ok(!(await code(page)).includes('data-controls'), 'unchecked: the attribute leaves the code');
      } finally {
        await ctx.close();
      }
    });
});

describe("embed builder: the editor's words", () => {
  test('each field stops exactly where the widget would cut: the longest text it takes is shown whole', async () => {
    const { ctx, page } = await openBuilder();
    try {
      const preview = await builderWith(page, { indicator: 'digital-economy-share-grdp', year: 'all' });
      await page.locator('#words > summary').click();
      for (const [field, shown] of [['title', '.pt-title'], ['subtitle', '.pt-description'], ['note', '.pt-note'],
        ['credit', '.pt-credit']]) {
        const input = page.locator(`#${field}`);
        const limit = await input.evaluate((el) => el.maxLength);
        assert.ok(limit > 0, `#${field} has a limit`);
        // Typing stops at the limit.
        await input.fill('');
        await input.pressSequentially('x'.repeat(limit - 2) + 'yyyy');
        assert.equal((await input.inputValue()).length, limit, `#${field} takes no more than ${limit} characters`);
        // The widget shows that many whole...
        const words = ('ab ').repeat(limit).slice(0, limit);
        await input.fill(words);
        await input.press('Tab');
        await preview.locator(shown).filter({ hasText: words.trim() }).waitFor({ timeout: 5000 });
        assert.equal((await preview.locator(shown).textContent()).trim(), words.trim(), `${field}: shown whole`);
        // ...and cuts one more: the builder's limit is the widget's.
        await preview.evaluate((el, [name, text]) => el.setAttribute(name, text), [field, words + 'c']);
        await preview.locator(shown).filter({ hasText: '…' }).waitFor({ timeout: 5000 });
        await input.fill('');
        await input.press('Tab');
      }
    } finally {
      await ctx.close();
    }
  });
});

describe('embed builder: the <noscript> fallback follows the view (issue 14)', () => {
  test('English, 2025 and four provinces: the English 2025 image, described by what it shows', async () => {
    const { ctx, page } = await openBuilder();
    try {
      await builderWith(page, {
        indicator: 'digital-economy-share-grdp', year: '2025', uncheck: ['binh-duong'], lang: 'en'
      });
      const embed = await code(page);
      const year = staticIndexEn.charts.find((c) => c.indicator === 'digital-economy-share-grdp')
        .years.find((y) => y.year === 2025);
      const src = `${server.url}static/en/digital-economy-share-grdp.2025.svg`;
      assert.ok(embed.includes(`<img src="${src}"`), `the English 2025 image: ${embed}`);
      assert.ok(embed.includes(`alt="${year.summary}"`), 'the alt text is that image\'s own summary');
      assert.match(year.summary, /2025/, 'it names the year');
      assert.doesNotMatch(year.summary, /không đặt|Kinh tế số/, 'in English');
      // The static export has no image per set of provinces: the image shows all five, and its alt says so.
      for (const p of data.provinces) assert.ok(year.summary.includes(p.name_vi), `the alt names ${p.name_vi}`);
      assert.match(await page.locator('#static-note').textContent(), /mọi tỉnh/,
        'the builder tells the editor that the image shows every province');

      // With JavaScript off, the pasted code shows that image and alt text.
      const opened = await pastedPage(embed, { javaScriptEnabled: false });
      try {
        const img = opened.page.locator('noscript ~ * img, img').first();
        await img.waitFor({ state: 'visible' });
        assert.equal(await img.getAttribute('alt'), year.summary);
        await opened.page.waitForFunction(() => document.querySelector('img').complete);
        assert.ok(await img.evaluate((el) => el.naturalWidth) > 300, 'the image loads');
      } finally {
        await opened.ctx.close();
      }

      // Back to Vietnamese and every year: the Vietnamese all-years PNG.
      await page.locator('input[name="lang"][value="vi"]').check();
      await page.locator('#year').selectOption('all');
      await page.locator('input[name="province"][value="binh-duong"]').check();
      const all = staticIndex.charts.find((c) => c.indicator === 'digital-economy-share-grdp');
      const vi = await code(page);
      assert.ok(vi.includes(`<img src="${server.url}static/${all.png}"`), vi);
      assert.ok(vi.includes(`alt="${all.summary}"`));
    } finally {
      await ctx.close();
    }
  });
});

describe('embed builder: the editor\'s words and highlight in the <noscript> fallback (issue 15)', () => {
  test('the image\'s alt text begins with the title and subtitle, and the highlighted province is named', async () => {
    const { ctx, page } = await openBuilder();
    try {
      await builderWith(page, { indicator: 'digital-economy-share-grdp', year: '2025' });
      await page.locator('#shown > summary').click();
      await page.locator('input[name="highlight"][value="lang-son"]').check();
      await page.locator('#words > summary').click();
      const title = 'Lạng Sơn "đi sau" <b>Bắc Giang</b>';
      await page.getByLabel('Tiêu đề', { exact: true }).fill(title);
      await page.getByLabel('Tiêu đề', { exact: true }).press('Tab');
      await page.getByLabel('Mô tả dưới tiêu đề', { exact: true }).fill('Mục tiêu 2025');
      await page.getByLabel('Mô tả dưới tiêu đề', { exact: true }).press('Tab');
      const embed = await code(page);
      const year = staticIndex.charts.find((c) => c.indicator === 'digital-economy-share-grdp')
        .years.find((y) => y.year === 2025);
      assert.ok(embed.includes('alt="Lạng Sơn &quot;đi sau&quot; &lt;b&gt;Bắc Giang&lt;/b&gt;. Mục tiêu 2025. ' +
        `${year.summary}"`), `the alt text: title, subtitle, then the image's own summary, escaped: ${embed}`);
      assert.ok(embed.includes('<p>Tỉnh được nhấn mạnh: Lạng Sơn. Ảnh tĩnh là ảnh mặc định, không nhấn mạnh tỉnh nào.</p>'),
        `the highlighted province is named in words: ${embed}`);
      assert.match(await page.locator('#static-note').textContent(), /không nhấn mạnh tỉnh nào/,
        'the builder says the static image highlights no province');
      await page.getByLabel('Ẩn đường mục tiêu quốc gia').check();
      assert.match(await page.locator('#static-note').textContent(), /Ảnh tĩnh vẫn vẽ đường mục tiêu quốc gia\./,
        'and that it still draws the national line the embed hides');
      await page.getByLabel('Ẩn đường mục tiêu quốc gia').uncheck();

      // With JavaScript off, a reader (or a screen reader) gets the title first in the image's alt text.
      const opened = await pastedPage(embed, { javaScriptEnabled: false });
      try {
        const img = opened.page.locator('img').first();
        await img.waitFor({ state: 'visible' });
        const alt = await img.getAttribute('alt');
        assert.ok(alt.startsWith(`${title}. Mục tiêu 2025. `), `the alt begins with the title, as text: ${alt}`);
        assert.ok(alt.endsWith(year.summary), alt);
        assert.equal(await opened.page.locator('b').count(), 0, 'the title\'s <b> is text, not markup');
        assert.match(await opened.page.locator('body').innerText(), /Tỉnh được nhấn mạnh: Lạng Sơn\./);
      } finally {
        await opened.ctx.close();
      }
    } finally {
      await ctx.close();
    }
  });
});

describe('embed builder: layout', () => {
  test('at 1280 × 800 the code to copy and its button are in view, beside options and preview', async () => {
    const { ctx, page } = await openBuilder({ width: 1280, height: 800 });
    try {
      await page.locator('#preview province-targets .pt-chart svg').waitFor({ state: 'visible', timeout: 15000 });
      for (const selector of ['#code-script', '.code-area button.copy', '#indicator', '#preview']) {
        const box = await page.locator(selector).first().boundingBox();
        assert.ok(box && box.y >= 0 && box.y + Math.min(box.height, 200) <= 800 && box.x + box.width <= 1280,
          `${selector} is in the first 1280 × 800 view: ${JSON.stringify(box)}`);
      }
      await screenshot(page, 'builder-1280.png');
    } finally {
      await ctx.close();
    }
  });

  test('the phone frame gives the preview 360 px; the desktop frame gives it back its width', async () => {
    const { ctx, page } = await openBuilder({ width: 1280, height: 900 });
    try {
      const widget = page.locator('#preview province-targets');
      await widget.locator('.pt-chart svg').waitFor({ state: 'visible', timeout: 15000 });
      const wide = (await widget.boundingBox()).width;
      assert.ok(wide > 450, `desktop frame: ${wide} px`);
      await page.getByRole('button', { name: 'Điện thoại (360 px)' }).click();
      assert.equal(await page.getByRole('button', { name: 'Điện thoại (360 px)' }).getAttribute('aria-pressed'), 'true');
      await page.waitForFunction(() => document.querySelector('#preview province-targets').getBoundingClientRect().width === 360);
      const chartWidth = await widget.locator('.pt-chart svg').first().evaluate((svg) => svg.getBoundingClientRect().width);
      assert.ok(chartWidth <= 360 && chartWidth > 300, `the chart is drawn for the phone: ${chartWidth} px`);
      await screenshot(page, 'builder-phone-frame.png');
      await page.getByRole('button', { name: 'Máy tính' }).click();
      await page.waitForFunction((w) => document.querySelector('#preview province-targets').getBoundingClientRect().width === w, wide);
    } finally {
      await ctx.close();
    }
  });

  test('at 360 px the builder is one column without sideways scrolling', async () => {
    const { ctx, page } = await openBuilder({ width: 360, height: 800 });
    try {
      await page.locator('#preview province-targets .pt-chart svg').waitFor({ state: 'visible', timeout: 15000 });
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'no horizontal scroll');
      await screenshot(page, 'builder-360.png', { fullPage: true });
    } finally {
      await ctx.close();
    }
  });
});

describe('embed builder: the empty-chart warning (issue 14)', () => {
  test('a year none of the chosen provinces targets is marked empty and warned about, with the years that work',
    async () => {
      const { ctx, page } = await openBuilder();
      try {
        const warning = page.locator('#empty-warning');
        await builderWith(page, { indicator: 'e-identification', year: 'all' });
        assert.ok(await warning.isHidden(), 'no warning for a chart with marks');
        assert.equal(await page.locator('#year option[value="2025"]').textContent(), '2025 (trống)');
        assert.equal(await page.locator('#year option[value="2030"]').textContent(), '2030');
        await page.locator('#year').selectOption('2025');
        await warning.waitFor({ state: 'visible' });
        assert.match(await warning.textContent(), /Biểu đồ sẽ trống: không tỉnh nào đã chọn đặt mục tiêu này cho năm 2025/);
        await warning.getByRole('button', { name: '2030' }).click();
        assert.equal(await page.locator('#year').inputValue(), '2030');
        assert.ok(await warning.isHidden(), 'the warning leaves with the empty choice');
        assert.match(await code(page), /data-year="2030"/);

        // Empty because of the provinces chosen: only Bắc Giang set level-4 services for 2021.
        await builderWith(page, { indicator: 'level4-online-services', year: '2021' });
        assert.ok(await warning.isHidden(), '2021 has Bắc Giang\'s mark');
        await page.locator('input[name="province"][value="bac-giang"]').uncheck();
        await warning.waitFor({ state: 'visible' });
        assert.equal(await page.locator('#year option[value="2021"]').textContent(), '2021 (trống)');
        assert.deepEqual(await warning.getByRole('button').allTextContents(), ['2025']);
      } finally {
        await ctx.close();
      }
    });
});

describe('embed builder: your data (issue 15)', () => {
  test('a dropped broken file: its problems listed by record and field, the code names src', async () => {
    const { ctx, page, log } = await openBuilder();
    try {
      const text = await readFile(join(ROOT, 'tests', 'e2e', 'fixtures', 'data', 'unknown-ids.json'), 'utf8');
      const requestsBefore = log.requests.length;
      await page.locator('#your-data > summary').click();
      await page.locator('#drop-zone').evaluate((zone, body) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([body], 'unknown-ids.json', { type: 'application/json' }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }, text);
      const problems = page.locator('#data-problems');
      await problems.waitFor({ state: 'visible', timeout: 15000 });
      const items = await page.locator('#problem-list li').allTextContents();
      assert.equal(items.length, 2, `two problems: ${JSON.stringify(items)}`);
      assert.match(items[0], /targets\[2\].*trường "province".*ha-noi/);
      assert.match(items[1], /targets\[5\].*trường "indicator".*robots-per-capita/);
      assert.equal(await page.locator('#preview province-targets').getAttribute('data-state'), 'error');
      assert.equal(await page.locator('#preview .pt-chart svg').count(), 0, 'no chart from broken data');
      assert.match(await code(page), /data-src="unknown-ids.json"/, 'the code names the file to host');
      await page.getByLabel('Địa chỉ của tệp khi đã đăng lên máy chủ').fill('https://example.org/du-lieu.json');
      assert.match(await code(page), /data-src="https:\/\/example.org\/du-lieu.json"/);
      const sent = log.requests.slice(requestsBefore).filter((u) => !u.startsWith('blob:') && !u.startsWith(server.url));
      assert.deepEqual(sent, [], 'nothing left the browser');

      // The same problems in English when the builder speaks English.
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('#problem-list li', { hasText: 'field' }).first().waitFor({ timeout: 15000 });
      const english = await page.locator('#problem-list li').allTextContents();
      assert.match(english[0], /targets\[2\].*"province".*ha-noi/);
      assert.doesNotMatch(english.join(' '), /trường/, 'no Vietnamese left');
      await screenshot(page, 'builder-data-problems.png');

      // A good file draws; the default data comes back with one button.
      const good = await readFile(join(ROOT, 'tests', 'e2e', 'fixtures', 'data', 'valid-small.json'), 'utf8');
      await page.locator('#data-file').setInputFiles({ name: 'valid-small.json', mimeType: 'application/json',
        buffer: Buffer.from(good) });
      await page.locator('#preview province-targets .pt-chart svg').waitFor({ state: 'visible', timeout: 15000 });
      assert.ok(await problems.isHidden(), 'no problems listed for a valid file');
      await page.getByRole('button', { name: 'Use the default data' }).click();
      assert.doesNotMatch(await code(page), /data-src/);
    } finally {
      await ctx.close();
    }
  });
});

describe('embed builder: your data under the strict CSP', () => {
  // default-src 'self' leaves blob: out of connect-src: the widget cannot read the file, and the editor is told why.
  test('a file the page policy does not let the widget read: the failure and the reason are listed', async () => {
    const strict = await serve({ csp: true });
    const { ctx, page } = await openBuilder({ url: strict.url });
    try {
      const text = await readFile(join(ROOT, 'tests', 'e2e', 'fixtures', 'data', 'valid-small.json'));
      await page.locator('#your-data > summary').click();
      await page.locator('#data-file').setInputFiles({ name: 'valid-small.json', mimeType: 'application/json', buffer: text });
      await page.locator('#problem-list li', { hasText: 'connect-src' }).waitFor({ timeout: 15000 });
      const items = await page.locator('#problem-list li').allTextContents();
      assert.match(items[0], /Không tải được dữ liệu từ blob:/);
      assert.doesNotMatch(items[0], /Thử lại/, 'the alert\'s button is not part of the message');
    } finally {
      await ctx.close();
      await strict.close();
    }
  });
});

describe('embed builder: English interface (issue 14)', () => {
  test('the English switch puts the whole builder in English, and the chart language stays a separate choice',
    async () => {
      const { ctx, page } = await openBuilder();
      try {
        await page.getByRole('button', { name: 'English' }).click();
        assert.equal(await page.locator('html').getAttribute('lang'), 'en');
        assert.equal(await page.locator('h1').textContent(), 'Build the embed code');
        for (const name of ['Indicator', 'Year', 'Theme', 'Language of the chart', 'Provinces']) {
          assert.equal(await page.getByText(name, { exact: true }).count() > 0, true, `"${name}" is shown`);
        }
        await page.getByRole('button', { name: 'Copy' }).first().waitFor();
        const label = await page.locator('#indicator option:checked').textContent();
        const chosen = await page.locator('#indicator').inputValue();
        const indicator = data.indicators.find((i) => i.id === chosen);
        assert.ok(label.startsWith(indicator.label_en), `the indicator list is in English: ${label}`);
        const visible = (await page.locator('.top, .options, .preview-top, .code-area').allInnerTexts()).join('\n');
        assert.doesNotMatch(visible, /Chỉ tiêu|Năm|Sao chép|Xem trước|Mã nhúng/, 'no Vietnamese interface word left');
        assert.match(await code(page), /data-lang="vi"/, 'the chart still opens in Vietnamese');
        await screenshot(page, 'builder-1280-en.png');
      } finally {
        await ctx.close();
      }
    });

  test('?ui=en opens the builder in English', async () => {
    const { ctx, page } = await openBuilder({ ui: 'en' });
    try {
      assert.equal(await page.locator('h1').textContent(), 'Build the embed code');
      assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
    } finally {
      await ctx.close();
    }
  });
});
