// End-to-end tests of issue 14's structure and issue 15's editor's words, as a graphics desk publishes a chart:
// headline first, the editor's own title, subtitle and note (text, never markup), one source line for the rows
// shown, the downloads in one menu, controls="none", and no empty panel. Run after `make build`:
// `node --test tests/e2e/desk.test.mjs`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openHtml, screenshot, squash, start, stop, waitForChart } from './helpers.mjs';

let server;
let browser;
let data;

before(async () => {
  ({ data, server, browser } = await start());
});

after(() => stop({ server, browser }));

const escapeAttribute = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** A page holding one `<province-targets>` with `attributes` ({name: value}), the loader defining it. */
async function embed(attributes = {}, { width = 1000 } = {}) {
  const attrs = Object.entries(attributes).map(([k, v]) => `${k}="${escapeAttribute(v)}"`).join(' ');
  const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
    <body><p>Đoạn mở bài.</p><province-targets ${attrs}></province-targets><p>Đoạn sau.</p>
    <script src="province-targets.js" data-embed="none"></script></body></html>`;
  const opened = await openHtml(browser, server, html, { viewport: { width, height: 900 } });
  const warnings = [];
  opened.page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  const widget = await waitForChart(opened.page, 0);
  return { ...opened, widget, warnings };
}

/** The class of the element that has focus, looked up through shadow roots. */
const focusedClass = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el?.getAttribute('class');
});

const indicator = (id) => data.indicators.find((i) => i.id === id);
const sourceOf = (province) => data.sources.find((s) => s.province === province);

describe('headline first', () => {
  test('the widget opens with an h2 naming the indicator, then its definition; the live SVG does not repeat it', async () => {
    const { ctx, widget } = await embed({ indicator: 'digital-economy-share-grdp' });
    try {
      const first = await widget.evaluate((host) => {
        const root = host.shadowRoot.querySelector('.pt-root');
        const el = root.firstElementChild;
        return { tag: el.localName, text: el.textContent, next: el.nextElementSibling.textContent, title: root.getAttribute('title') };
      });
      const grdp = indicator('digital-economy-share-grdp');
      assert.deepEqual([first.tag, first.text], ['h2', grdp.label_vi], 'the first element is the headline');
      assert.equal(first.next, grdp.definition_vi, 'the definition follows the headline');
      assert.equal(first.title, '', 'the top element has title="" so the host\'s title is no tooltip');
      const heading = widget.getByRole('heading', { level: 2 });
      assert.equal(await heading.innerText(), grdp.label_vi);
      const svgTexts = await widget.locator('.pt-chart svg text').allTextContents();
      assert.ok(!svgTexts.includes(grdp.label_vi), `the live SVG draws no headline: ${svgTexts.slice(0, 4)}`);
      assert.ok(!svgTexts.some((t) => t.startsWith('Nguồn')), 'nor the source line, which the page shows once');
      // The downloaded SVG stands alone: it carries the headline and the source line.
      const svg = await widget.evaluate((el) => el._widget.svg());
      assert.ok(svg.includes(`>${grdp.label_vi}</text>`), 'the SVG export carries the headline');
      assert.ok(svg.includes('>Nguồn: '), 'and the source line');
    } finally {
      await ctx.close();
    }
  });
});

describe('the editor\'s own words (issue 15)', () => {
  const words = {
    title: 'Lạng Sơn <b>đi trước</b> & các tỉnh',
    subtitle: 'Mục tiêu <i>kinh tế số</i> của năm tỉnh',
    note: 'Ghi chú: <script>alert(1)</script> số liệu từ văn bản gốc',
  };

  test('title, subtitle and note replace the label and definition, as text, in the page and in the exports', async () => {
    for (const width of [360, 1280]) {
      const { ctx, page, widget, log } = await embed({ indicator: 'digital-economy-share-grdp', ...words }, { width });
      try {
        assert.equal(await widget.getByRole('heading', { level: 2 }).innerText(), words.title, 'the heading is the title, <b> and all');
        assert.equal(await widget.locator('.pt-description').innerText(), words.subtitle);
        assert.equal(await widget.locator('.pt-note').innerText(), words.note);
        assert.equal(await widget.locator('b, i, script').count(), 0, 'no element was made from the editor\'s words');
        const svg = await widget.evaluate((el) => el._widget.svg());
        assert.ok(!/<(b|i|script)>/.test(svg) && svg.includes('&lt;b&gt;đi trước&lt;/b&gt;'), 'the SVG escapes the words');
        // Read as a standalone file would be: its texts, lines of a wrapped paragraph joined by a space.
        const drawn = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          return [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' ');
        }, svg);
        for (const text of Object.values(words)) {
          assert.ok(drawn.includes(text), `the SVG export carries "${text}" at ${width} px`);
        }
        const png = await widget.evaluate((el) => el._widget.png(1));
        assert.match(png, /^data:image\/png;base64,/, 'the PNG export draws');
        assert.deepEqual(log.errors, []);
        await screenshot(page, `desk-editor-words-${width}.png`, { fullPage: true });
      } finally {
        await ctx.close();
      }
    }
  });

  test('an over-long title is cut to 120 characters with "…", and the console names the limit', async () => {
    const long = 'Mục tiêu chuyển đổi số '.repeat(10);
    const { ctx, widget, warnings } = await embed({ title: long });
    try {
      const shown = await widget.getByRole('heading', { level: 2 }).innerText();
      assert.ok(shown.endsWith('…'), shown);
      assert.ok([...shown].length <= 120, `${[...shown].length} characters`);
      assert.ok(long.startsWith(shown.slice(0, -1).trimEnd()), 'the cut keeps the start');
      assert.ok(warnings.some((w) => /title is \d+ characters long, over its limit of 120/.test(w)), warnings.join('\n'));
    } finally {
      await ctx.close();
    }
  });
});

describe('the source once', () => {
  test('one source line names only the shown provinces\' documents, with their issuers, and follows the filter', async () => {
    const { ctx, widget } = await embed({ indicator: 'digital-economy-share-grdp', provinces: 'bac-giang,lang-son' });
    try {
      const line = () => widget.locator('.pt-source').innerText().then(squash);
      const bacGiang = sourceOf('bac-giang');
      const langSon = sourceOf('lang-son');
      assert.equal(await line(),
        `Nguồn: ${bacGiang.document}, ${bacGiang.issuer}; ${langSon.document}, ${langSon.issuer}`);
      for (const other of ['binh-dinh', 'binh-duong', 'vinh-phuc']) {
        assert.ok(!(await line()).includes(sourceOf(other).document), `no ${other} document`);
      }
      assert.equal(await widget.locator('.pt-footer').count(), 0, 'no footer listing every source');
      assert.ok(!(await widget.innerText()).includes('· BDO'), 'no abbreviated publisher');
      await widget.getByRole('button', { name: 'Lạng Sơn', exact: true }).click();
      assert.equal(await line(), `Nguồn: ${bacGiang.document}, ${bacGiang.issuer}`, 'turning Lạng Sơn off drops its document');
      await widget.getByRole('button', { name: 'Bắc Giang', exact: true }).click();
      assert.equal(await widget.locator('.pt-source').isVisible(), false, 'nothing in view: no "Nguồn: —"');
    } finally {
      await ctx.close();
    }
  });
});

describe('credits', () => {
  test('the outlet\'s credit stands under the source line, as text, and in the SVG a reader downloads', async () => {
    const credit = 'Đồ họa: <b>Báo Ví Dụ</b>';
    const { ctx, page, widget, warnings } = await embed({ indicator: 'digital-economy-share-grdp', credit });
    try {
      const shown = await widget.evaluate((host) => {
        const root = host.shadowRoot;
        const source = root.querySelector('.pt-source');
        const line = root.querySelector('.pt-credit');
        return { text: line.textContent, bold: line.querySelector('b') !== null,
          after: source.nextElementSibling === line, visible: line.checkVisibility(),
          gap: line.getBoundingClientRect().top - source.getBoundingClientRect().bottom };
      });
      assert.deepEqual({ ...shown, gap: undefined },
        { text: credit, bold: false, after: true, visible: true, gap: undefined }, 'as typed, never markup');
      assert.ok(shown.gap >= 0 && shown.gap <= 8, `right under the source line: ${shown.gap} px`);
      await widget.locator('.pt-downloads-toggle').click();
      const [download] = await Promise.all([page.waitForEvent('download'),
        widget.getByRole('button', { name: 'Tải ảnh (SVG)' }).click()]);
      const svg = await readFile(await download.path(), 'utf8');
      assert.ok(svg.includes('Đồ họa: &lt;b&gt;Báo Ví Dụ&lt;/b&gt;'), 'the file says whose graphic it is');
      assert.deepEqual(warnings, []);
      // Taken away, it leaves no empty line.
      await widget.evaluate((host) => host.removeAttribute('credit'));
      await widget.locator('.pt-credit[hidden]').waitFor({ state: 'attached' });
    } finally {
      await ctx.close();
    }
  });

  test('an article\'s author is named beside its title, never alone', async () => {
    const { ctx, widget } = await embed({ indicator: 'digital-economy-share-grdp' });
    try {
      const details = () => widget.locator('.pt-details').innerText().then(squash);
      const vinhPhuc = sourceOf('vinh-phuc');
      assert.ok(vinhPhuc.article_author && !vinhPhuc.article_title, 'the dataset has an author without a title');
      await widget.locator('.pt-mark[aria-label^="Vĩnh Phúc"]').first().focus();
      assert.ok(!(await details()).includes(vinhPhuc.article_author), await details());
      const bacGiang = sourceOf('bac-giang');
      await widget.locator('.pt-mark[aria-label^="Bắc Giang"]').first().focus();
      assert.ok((await details()).includes(`${bacGiang.article_title}, `), 'the title first');
      assert.ok((await details()).includes(bacGiang.article_author), 'then, beside it, the author');
    } finally {
      await ctx.close();
    }
  });
});

describe('downloads in one menu', () => {
  test('a disclosure button opens a list of PNG, SVG and CSV; Escape closes it and returns focus', async () => {
    const { ctx, page, widget } = await embed({}, { width: 360 });
    try {
      const button = widget.getByRole('button', { name: 'Tải xuống' });
      const list = widget.locator('.pt-downloads-list');
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      assert.equal(await list.isVisible(), false, 'the list starts closed');
      assert.equal(await widget.getByRole('button', { name: 'Tải ảnh (SVG)' }).count(), 0, 'closed items are not offered');

      await button.focus();
      await page.keyboard.press('Enter');
      assert.equal(await button.getAttribute('aria-expanded'), 'true', 'Enter opens it');
      const items = list.getByRole('listitem');
      assert.equal(await items.count(), 4);
      assert.deepEqual((await items.allInnerTexts()).map(squash),
        ['Tải ảnh (PNG)', 'Tải ảnh (SVG)', 'Tải số liệu biểu đồ (CSV)', 'Tải toàn bộ dữ liệu (CSV)']);
      const host = await widget.boundingBox();
      for (const item of await items.all()) {
        const box = await item.locator('button, a').boundingBox();
        assert.ok(box.height >= 44, `each item is a 44 px touch target: ${box.height}`);
        // The host's paint containment clips whatever hangs outside it: every item must lie within.
        assert.ok(box.y >= host.y && box.y + box.height <= host.y + host.height, `item inside the widget: ${JSON.stringify([box, host])}`);
      }
      await screenshot(page, 'desk-downloads-menu-360.png');

      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      assert.equal(await list.isVisible(), false, 'Escape closes it');
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      assert.equal(await focusedClass(page), 'pt-downloads-toggle', 'focus returns to the button');

      await page.keyboard.press(' ');
      assert.equal(await list.isVisible(), true, 'Space opens it');
      const [download] = await Promise.all([page.waitForEvent('download'),
        widget.getByRole('link', { name: 'Tải toàn bộ dữ liệu (CSV)' }).click()]);
      assert.match(download.suggestedFilename(), /\.csv$/, 'the CSV item downloads');
      assert.equal(await list.isVisible(), false, 'choosing a download closes it');
      assert.equal(await focusedClass(page), 'pt-downloads-toggle', 'after a download, focus is on the button');

      // By keyboard alone: Enter on a link downloads it, and focus stays in the widget, on the menu's button.
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.equal(await focusedClass(page), 'pt-download pt-view-csv-download', 'Tab reaches the view\'s CSV');
      const [keyed] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      assert.match(keyed.suggestedFilename(), /\.csv$/, 'Enter on the item downloads it');
      assert.equal(await list.isVisible(), false, 'and closes the menu');
      assert.equal(await focusedClass(page), 'pt-downloads-toggle', 'focus is back on the button, not on the page');

      // The chart's own data: the rows of the table the reader can open, in the same words.
      await widget.locator('.pt-year[data-year="2025"]').click();
      await widget.locator('.pt-year[data-year="2025"][aria-checked="true"]').waitFor();
      await button.click();
      const [viewDownload] = await Promise.all([page.waitForEvent('download'),
        widget.getByRole('link', { name: 'Tải số liệu biểu đồ (CSV)' }).click()]);
      assert.equal(viewDownload.suggestedFilename(), 'province-targets-digital-economy-share-grdp-2025.csv');
      const lines = (await readFile(await viewDownload.path(), 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      assert.equal(lines[0], 'Tỉnh,Năm,Mục tiêu,Tình trạng,Văn bản');
      assert.ok(lines.includes('Bắc Giang,2025,khoảng 25%,đã ban hành,Nghị quyết số 111-NQ/TU'), lines.join('\n'));
      await widget.locator('.pt-table-toggle').click();
      const tableRows = await widget.locator('.pt-table tbody tr').count();
      assert.equal(lines.length - 1, tableRows, 'one line per row of the table');
    } finally {
      await ctx.close();
    }
  });
});

describe('controls="none"', () => {
  test('hides the reader\'s filters and pickers; the chart, details and downloads stay', async () => {
    const { ctx, page, widget } = await embed({ controls: 'none' }, { width: 360 });
    try {
      assert.equal(await widget.getByRole('group', { name: /Tỉnh/ }).count(), 0, 'no province toggles');
      assert.equal(await widget.getByRole('combobox').count(), 0, 'no indicator or year picker');
      assert.equal(await widget.locator('.pt-chart svg').isVisible(), true, 'the chart stays');
      assert.equal(await widget.locator('.pt-details blockquote').isVisible(), true, 'the details stay');
      assert.equal(await widget.getByRole('button', { name: 'Tải xuống' }).isVisible(), true, 'the downloads stay');
      assert.equal(await widget.getByRole('heading', { level: 2 }).innerText(), indicator('digital-economy-share-grdp').label_vi);
      // The room reserved for the default view without controls is smaller: no large blank below its last line.
      const blank = await widget.evaluate((host) => {
        const last = host.shadowRoot.querySelector('.pt-actions').getBoundingClientRect().bottom;
        return host.getBoundingClientRect().bottom - last;
      });
      assert.ok(blank < 120, `${blank} px left blank under the downloads`);
      await screenshot(page, 'desk-controls-none-360.png', { fullPage: true });
    } finally {
      await ctx.close();
    }
  });
});

describe('no large empty box', () => {
  /** The panel's height, and the height of what it holds plus its padding and borders. */
  const panelFit = (widget) => widget.locator('.pt-details').evaluate((panel) => {
    const style = getComputedStyle(panel);
    const range = document.createRange();
    range.selectNodeContents(panel);
    const chrome = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth']
      .reduce((sum, key) => sum + parseFloat(style[key]), 0);
    // A text's box is its glyphs; a line box adds the half-leading above and below (line-height − font size).
    const leading = parseFloat(style.lineHeight) - parseFloat(style.fontSize);
    return { height: panel.getBoundingClientRect().height, content: range.getBoundingClientRect().height + chrome + leading };
  });

  for (const width of [360, 1280]) {
    test(`at ${width} px the panel opens on a real quote, as tall as it, and with nothing in view there is no panel`, async () => {
      const { ctx, page, widget } = await embed({ indicator: 'digital-economy-share-grdp' }, { width });
      try {
        // The opening target: the highest of the latest year shown.
        const targets = data.targets.filter((t) => t.indicator === 'digital-economy-share-grdp' && t.value !== null);
        const latest = Math.max(...targets.map((t) => t.year));
        const best = Math.max(...targets.filter((t) => t.year === latest).map((t) => t.value_max ?? t.value));
        const quote = squash(await widget.locator('.pt-details blockquote').innerText());
        const opening = targets.find((t) => squash(`“${t.quote}”`) === quote || quote.includes(squash(t.quote)));
        assert.ok(opening, `the panel quotes a target: ${quote}`);
        assert.deepEqual([opening.year, opening.value_max ?? opening.value], [latest, best]);
        assert.equal(await widget.locator('.pt-details').getAttribute('aria-live'), null,
          'the opening quote is not read out at every filter change: the panel is not live');
        let fit = await panelFit(widget);
        assert.ok(fit.height <= fit.content + 1, `the panel is as tall as its content: ${JSON.stringify(fit)}`);

        // On a phone the chips sit behind their disclosure: open it first.
        const disclosure = widget.locator('.pt-provinces-toggle');
        if (await disclosure.isVisible()) await disclosure.click();
        for (const p of data.provinces) await widget.getByRole('button', { name: p.name_vi, exact: true }).click();
        assert.equal(await widget.locator('.pt-details').isVisible(), false,
          'nothing in view: no panel holding only a hint to tap marks that are not there');
        await widget.getByRole('button', { name: 'Lạng Sơn', exact: true }).click();
        const langSon = squash(targets.find((t) => t.province === 'lang-son').quote);
        assert.ok(squash(await widget.locator('.pt-details blockquote').innerText()).includes(langSon),
          'one province back: the panel opens on its target');
        fit = await panelFit(widget);
        assert.ok(fit.height <= fit.content + 1, `the panel is as tall as its content: ${JSON.stringify(fit)}`);
        await widget.locator('.pt-mark').first().focus();
        assert.match(squash(await widget.locator('.pt-live').textContent()), /^Lạng Sơn, \d{4}: .+\.$/,
          'a mark the reader reaches is announced in one short sentence');
        await screenshot(page, `desk-all-off-${width}.png`, { fullPage: true });
      } finally {
        await ctx.close();
      }
    });
  }
});
