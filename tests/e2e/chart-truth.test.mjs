// The chart drawing and the editor's highlight, as a reader sees them in a real Chromium: a rank axis
// that starts at first place and says where it is cut, "top N" marks that do not hide each other, national
// lines in their years' colours, targets in their own words, one line for the provinces without a target, no
// "Source: —", and a highlighted province drawn in the accent colour and named first.
// Run with `node --test tests/e2e/chart-truth.test.mjs` after `make build`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { OUTPUT, openPage, squash, start, stop, waitForChart } from './helpers.mjs';

let server;
let browser;
let data;

before(async () => {
  ({ data, server, browser } = await start());
});

after(() => stop({ server, browser }));


/** A page holding `body` and the loader, with console warnings recorded; its first widget drawn. */
async function openWidget(body, options = {}) {
  const opened = await openPage(browser, null, options);
  opened.log.warnings = [];
  opened.page.on('console', (msg) => {
    if (msg.type() === 'warning') opened.log.warnings.push(msg.text());
  });
  const url = `${server.url}chart-truth-${Date.now()}-${Math.random().toString(36).slice(2)}.html`;
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>chart truth</title></head>
    <body style="margin:0">${body}<script src="province-targets.js" data-embed="none"></script></body></html>`;
  await opened.page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await opened.page.goto(url, { waitUntil: 'load' });
  if (options.emptyYear) {
    // An empty year draws no chart: its one sentence stands in the chart's place.
    opened.widget = opened.page.locator('province-targets').first();
    await opened.widget.locator('.pt-empty-sentence').waitFor({ state: 'visible' });
  } else {
    opened.widget = await waitForChart(opened.page);
  }
  return opened;
}

/** The chart's visible texts, in document order. */
async function chartTexts(widget) {
  return widget.locator('.pt-chart svg text').evaluateAll((texts) => texts.map((t) => t.textContent));
}

/** The axis tick labels (text drawn outside any row or mark), left to right, as a reader scans them. */
async function tickLabels(widget) {
  return widget.locator('.pt-chart svg > text').evaluateAll((texts) =>
    texts
      .filter((t) => t.getAttribute('font-size') === '12' && /^[0-9.,]+%?$/.test(t.textContent))
      .map((t) => ({ text: t.textContent, x: t.getBoundingClientRect().x }))
      .sort((a, b) => a.x - b.x)
      .map((t) => t.text));
}

const summaryOf = async (widget) => squash(await widget.locator('.pt-summary').textContent());

describe('a rank target', () => {
  test('is drawn on an axis that starts at first place, at the right, and says where it is cut', async () => {
    const { ctx, widget } = await openWidget('<province-targets indicator="dti-ranking"></province-targets>');
    const ticks = await tickLabels(widget);
    assert.deepEqual(ticks, ['15', '10', '5', '1'], 'worst place named at the left, first place at the right');
    const texts = await chartTexts(widget);
    assert.ok(texts.includes('nhóm 15 dẫn đầu') && texts.includes('nhóm 10 dẫn đầu'), texts.join(' | '));
    assert.ok(texts.some((t) => t.includes('hạng 1 (đứng đầu) ở bên phải')), 'the axis says where first place is');
    assert.ok(texts.includes('Trục cắt ở hạng 15.'), 'the axis says it stops at 15th place');
    await ctx.close();
  });

  for (const width of [360, 1280]) {
    test(`"top 15" and "top 10" on one row are both seen, each a marker at its place pointing to first, at ${width} px`, async () => {
      const { ctx, page, widget } = await openWidget('<province-targets indicator="dti-ranking"></province-targets>',
        { viewport: { width, height: 900 } });
      const tickX = await widget.locator('.pt-chart svg > text').evaluateAll((texts) => Object.fromEntries(
        texts.map((t) => { const r = t.getBoundingClientRect(); return [t.textContent, r.left + r.width / 2]; })));
      for (const [name, place] of [['Bắc Giang, 2025: nhóm 15 dẫn đầu', '15'], ['Bắc Giang, 2030: nhóm 10 dẫn đầu', '10']]) {
        const mark = widget.locator(`.pt-mark[aria-label="${name}"]`);
        // The marker: the mark's filled circle or polygon that is no arrowhead (the largest one).
        const marker = await mark.evaluate((g) => {
          const shapes = [...g.querySelectorAll('circle, polygon')].filter((s) => s.getAttribute('fill') !== 'transparent')
            .map((s) => s.getBoundingClientRect()).sort((a, b) => b.width * b.height - a.width * a.height);
          const all = [...g.querySelectorAll('circle, polygon, line')].filter((s) => s.getAttribute('fill') !== 'transparent')
            .map((s) => s.getBoundingClientRect());
          return { box: shapes[0], right: Math.max(...all.map((r) => r.right)), left: Math.min(...all.map((r) => r.left)) };
        });
        const cx = marker.box.left + marker.box.width / 2;
        const cy = marker.box.top + marker.box.height / 2;
        assert.ok(Math.abs(cx - tickX[place]) < 2, `${name}: its marker at ${place} (${cx} vs ${tickX[place]})`);
        assert.ok(marker.right > cx + 15 && marker.right < tickX['5'], `${name}: an arrow to first place, no band`);
        // What a reader sees at the marker's centre is this mark, not the other year's drawn over it.
        const hit = await page.evaluate(([x, y]) => {
          const host = document.querySelector('province-targets');
          const el = host.shadowRoot.elementFromPoint(x, y);
          return el?.closest('.pt-mark')?.getAttribute('aria-label') ?? null;
        }, [cx, cy]);
        assert.equal(hit, name, `${name}: visible at its marker`);
      }
      await ctx.close();
    });
  }
  test('of first place reads "first", never "top 1", on an axis without 0', async () => {
    const { ctx, widget } = await openWidget(
      '<province-targets indicator="smart-city-regional-rank" lang="en"></province-targets>');
    const texts = await chartTexts(widget);
    assert.ok(texts.includes('first'), texts.join(' | '));
    assert.ok(!texts.some((t) => /top 1\b/.test(t)), texts.join(' | '));
    const ticks = await tickLabels(widget);
    assert.equal(ticks.at(-1), '1');
    assert.ok(!ticks.includes('0'), ticks.join(' '));
    assert.match(await summaryOf(widget), /Bắc Giang first \(2030\)/);
    await ctx.close();
  });
});

describe('an indicator one province set', () => {
  test('draws that province and names the others on one line', async () => {
    const { ctx, widget } = await openWidget('<province-targets indicator="digital-enterprises"></province-targets>');
    assert.equal(await widget.locator('.pt-chart g[data-row]').count(), 1, 'one row');
    const texts = await chartTexts(widget);
    assert.ok(texts.includes('Không đặt mục tiêu: Bình Định, Bình Dương, Vĩnh Phúc, Lạng Sơn.'), texts.join(' | '));
    assert.ok(!texts.includes('không đặt mục tiêu'), 'no row of "no target set"');
    await ctx.close();
  });
});

describe('a qualitative target', () => {
  for (const lang of ['vi', 'en']) {
    test(`shows its own words, never a category (${lang})`, async () => {
      const { ctx, page, widget } = await openWidget(
        `<province-targets indicator="mobile-broadband-universal" lang="${lang}"></province-targets>`);
      const texts = await chartTexts(widget);
      const words = lang === 'vi' ? '2030: phổ cập 5G' : '2030: 5G for all';
      assert.ok(texts.includes(words), texts.join(' | '));
      assert.ok(texts.includes(lang === 'vi' ? 'mục tiêu không có con số' : 'target without a number'),
        'the legend names the glyph');
      // Nowhere in the widget: chart, summary, mark names, table.
      await widget.getByRole('button', { name: lang === 'vi' ? 'Xem bảng số liệu' : 'Show data table' }).click();
      const everything = await page.evaluate(() => {
        const root = document.querySelector('province-targets').shadowRoot;
        const labels = [...root.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'));
        return root.textContent + ' ' + labels.join(' ');
      });
      assert.ok(!/định tính|qualitative/i.test(everything), everything);
      assert.ok(everything.includes(lang === 'vi' ? 'phổ cập 5G' : '5G for all'));
      await ctx.close();
    });
  }
});

describe('the English chart', () => {
  test('never says "Source: —", even for a view with no target', async () => {
    // An indicator and a year no province targets.
    const years = [...new Set(data.targets.map((t) => t.year))];
    const indicator = data.indicators.find((i) => years.some((y) =>
      !data.targets.some((t) => t.indicator === i.id && t.year === y)));
    const year = years.find((y) => !data.targets.some((t) => t.indicator === indicator.id && t.year === y));
    const { ctx, widget } = await openWidget(
      `<province-targets indicator="${indicator.id}" year="${year}" lang="en"></province-targets>`,
      { emptyYear: true });
    // Everything the reader sees in the widget, the chart's place included.
    const texts = squash(await widget.evaluate((el) => [...el.shadowRoot.children].map((c) => c.innerText ?? '').join(' ')));
    assert.ok(!texts.includes('Source: —') && !/Source:\s*$/.test(texts), texts);
    assert.ok(texts.includes(`No province has set a target for ${year}.`), texts);
    await ctx.close();
  });

  test('tells "over" from "at least" in the legend and on the marks', async () => {
    const indicator = data.indicators.find((i) =>
      ['above', 'at_least'].every((q) => data.targets.some((t) => t.indicator === i.id && t.qualifier === q)));
    const { ctx, widget } = await openWidget(
      `<province-targets indicator="${indicator?.id ?? 'labour-productivity-growth'}" lang="en"></province-targets>`);
    const texts = await chartTexts(widget);
    assert.ok(texts.includes('over') && texts.includes('at least'), texts.join(' | '));
    assert.ok(!texts.includes('over, at least'));
    // "over" ends in an open chevron (no filled head); "at least" in a solid triangle.
    const heads = await widget.locator('.pt-mark').evaluateAll((marks) => marks.map((m) => ({
      name: m.getAttribute('aria-label'),
      polygons: m.querySelectorAll('polygon').length,
      lines: m.querySelectorAll('line').length
    })));
    const over = heads.filter((h) => / over /.test(h.name));
    const atLeast = heads.filter((h) => / at least /.test(h.name));
    assert.ok(over.length > 0 && atLeast.length > 0, JSON.stringify(heads));
    assert.ok(over.every((h) => h.lines === 3), JSON.stringify(over));
    assert.ok(atLeast.every((h) => h.lines === 1), JSON.stringify(atLeast));
    await ctx.close();
  });
});

describe('highlight', () => {
  test('colours the highlighted row with the accent, mutes the others and names it first', async () => {
    const { ctx, page, widget, log } = await openWidget(
      '<province-targets highlight="lang-son, ha-noi"></province-targets>');
    const langSon = data.provinces.findIndex((p) => p.id === 'lang-son');
    const fills = await widget.locator('.pt-chart g[data-row]').evaluateAll((rows) => rows.map((row) => ({
      row: row.getAttribute('data-row'),
      // A draft's marker is hollow: its colour is its outline.
      fills: [...row.querySelectorAll('.pt-mark circle, .pt-mark polygon, .pt-mark text')]
        .map((e) => { const s = getComputedStyle(e); return s.fill === 'rgb(255, 255, 255)' ? s.stroke : s.fill; })
        .filter((f) => f !== 'rgba(0, 0, 0, 0)' && f !== 'transparent' && f !== 'none'),
      nameWeight: row.querySelector(':scope > text').getAttribute('font-weight')
    })));
    const accent = 'rgb(11, 87, 208)';
    const muted = 'rgb(89, 89, 89)';
    for (const { row, fills: f, nameWeight } of fills) {
      const expected = Number(row) === langSon ? accent : muted;
      assert.ok(f.length > 0 && f.every((c) => c === expected), `row ${row}: ${f.join(', ')}`);
      assert.equal(nameWeight, Number(row) === langSon ? '700' : null, `row ${row}: bold only when highlighted`);
    }
    assert.match(await summaryOf(widget), /^Kinh tế số trong GRDP: Lạng Sơn tối thiểu 10% \(2023\); Bắc Giang/);
    assert.ok(log.warnings.some((w) => w.includes('highlight') && w.includes('ha-noi') && w.includes('lang-son')),
      log.warnings.join('\n'));
    // The reader can still filter: turning Lạng Sơn off takes its row away.
    await page.evaluate(() => {
      window.ptChanges = [];
      document.addEventListener('province-targets-change', (event) => window.ptChanges.push(event.detail));
    });
    await widget.locator('.pt-toggle', { hasText: 'Lạng Sơn' }).click();
    await page.waitForFunction(() =>
      document.querySelector('province-targets').shadowRoot.querySelectorAll('g[data-row]').length === 4);
    assert.equal(await widget.locator('.pt-chart g[data-row]').count(), 4);
    // The change event keeps the highlight, so a page that keeps the view in its URL keeps it too.
    const changes = await page.evaluate(() => window.ptChanges);
    assert.equal(changes.at(-1)?.highlight, 'lang-son', JSON.stringify(changes));
    await ctx.close();
  });
});

describe('the national lines', () => {
  for (const width of [360, 1280]) {
    test(`are each drawn in their year's colour, keyed the same way at every width, at ${width} px`, async () => {
      const { ctx, widget } = await openWidget('<province-targets></province-targets>', { viewport: { width, height: 900 } });
      const lines = await widget.locator('.pt-chart .pt-national').evaluateAll((groups) => groups.map((g) => {
        const line = g.querySelector('line');
        const label = g.querySelector('text');
        const chart = g.ownerSVGElement.getBoundingClientRect();
        return {
          name: g.getAttribute('aria-label'),
          stroke: getComputedStyle(line).stroke,
          label: getComputedStyle(label).fill,
          labelLeft: label.getBoundingClientRect().left - chart.left,
          labelBottom: label.getBoundingClientRect().bottom,
          lineTop: line.getBoundingClientRect().top
        };
      }));
      // Each year's colour as its legend entry draws it (the legend's first shapes, before any row).
      const legend = await widget.locator('.pt-chart svg > text').evaluateAll((texts) => Object.fromEntries(
        texts.filter((t) => /^20\d\d$/.test(t.textContent))
          .map((t) => [t.textContent, getComputedStyle(t.previousElementSibling).fill])));
      assert.equal(lines.length, 2, JSON.stringify(lines));
      for (const line of lines) {
        const year = line.name.match(/20\d\d/)[0];
        assert.equal(line.stroke, legend[year], `${line.name}: the ${year} colour`);
        assert.equal(line.label, legend[year], `${line.name}: its label in the same colour`);
        assert.ok(line.labelLeft > 20 && line.labelLeft < 50, `${line.name}: the label at the left, after its key`);
        assert.ok(line.lineTop >= Math.max(...lines.map((l) => l.labelBottom)) - 1, 'the lines start under every label');
      }
      assert.notEqual(lines[0].stroke, lines[1].stroke, 'two years, two colours');
      await ctx.close();
    });
  }
});

describe('screenshots', () => {
  const views = {
    rank: 'indicator="dti-ranking"',
    'one-province': 'indicator="digital-enterprises" lang="en"',
    words: 'indicator="mobile-broadband-universal"',
    highlight: 'highlight="lang-son"',
    'highlight-dark': 'highlight="lang-son" theme="dark" lang="en"'
  };
  for (const width of [360, 1280]) {
    test(`at ${width} px`, async () => {
      for (const [name, attributes] of Object.entries(views)) {
        const { ctx, widget } = await openWidget(`<province-targets ${attributes}></province-targets>`,
          { viewport: { width, height: 900 } });
        await widget.locator('.pt-chart').screenshot({ path: await screenshotPath(`chart-truth-${name}-${width}.png`) });
        await ctx.close();
      }
    });
  }
});

async function screenshotPath(name) {
  await mkdir(OUTPUT, { recursive: true });
  return join(OUTPUT, name);
}
