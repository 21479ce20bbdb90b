// End-to-end tests of hostile pages, broken data and strict security policies, against dist/.
// Run with `node --test tests/e2e/hostile.test.mjs` after `make build`.
//
// dist/ and tests/e2e/fixtures/ are copied into a temporary site (<tmp>/ and <tmp>/fixtures/); the host pages are
// written there from fixtures/template.html, one per case, with the embed's real <script data-…> tag. dist/ is
// never written to. Each test says in a comment how we know it fails when the protection it checks is removed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import {
  DIST, OUTPUT, ROOT, animationsDone, consoleFlushed, launch, openDownloads, openPage, screenshot, violationsSoFar
} from './helpers.mjs';

const { startServer } = await import(join(ROOT, 'scripts', 'serve.mjs'));

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const LEAD = 'Năm tỉnh đã công bố chỉ tiêu kinh tế số đến năm 2030. Đoạn văn này phải còn nguyên sau khi biểu đồ tải.';

let site;
let server;
let cspServer;
let browser;
let template;

before(async () => {
  if (!existsSync(join(DIST, 'files.json'))) throw new Error(`${DIST} has no built module: make build`);
  site = await mkdtemp(join(tmpdir(), 'pt-hostile-'));
  await cp(DIST, site, { recursive: true });
  await cp(FIXTURES, join(site, 'fixtures'), { recursive: true });
  await cp(join(ROOT, 'tests', 'fixtures', 'hostile.json'), join(site, 'fixtures', 'data', 'hostile.json'));
  await mkdir(join(site, 'case'));
  template = await readFile(join(FIXTURES, 'template.html'), 'utf8');
  server = await startServer({ root: site, port: 0, host: '127.0.0.1' });
  cspServer = await startServer({ root: site, port: 0, host: '127.0.0.1', csp: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await cspServer?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

const escapeAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The embed's one tag, as a newsroom writes it: `<script src=… data-src=… data-lang=…>`. */
function embedTag(attrs = {}) {
  const data = Object.entries(attrs).map(([k, v]) => ` data-${k}="${escapeAttr(v)}"`).join('');
  return `<script src="/province-targets.js"${data}></script>`;
}

/** Writes <tmp>/case/NAME.html from the template and returns its path on the servers. */
async function writePage(name, { widget = '', head = '', top = '' } = {}) {
  const html = template.replace('<!--WIDGET-->', widget).replace('<!--HEAD-->', head).replace('<!--TOP-->', top);
  await writeFile(join(site, 'case', `${name}.html`), html);
  return `case/${name}.html`;
}

/** Opens a page with the console, dialogs and warnings recorded. */
async function open(path, { base = server, viewport, init, ...context } = {}) {
  const opened = await openPage(browser, null, { viewport, reducedMotion: 'reduce', colorScheme: 'light', ...context });
  const { page } = opened;
  opened.warnings = [];
  opened.dialogs = [];
  opened.consoleErrors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') opened.warnings.push(msg.text());
    if (msg.type() === 'error') opened.consoleErrors.push(msg.text());
  });
  page.on('dialog', (dialog) => {
    opened.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  if (init) await init(page);
  opened.response = await page.goto(new URL(path, base.url).href, { waitUntil: 'load' });
  return opened;
}

/** Waits until the n-th widget has finished (data-state ready or error) and returns its locator. */
async function settled(page, index = 0, timeout = 15000) {
  const host = page.locator('province-targets').nth(index);
  await host.waitFor({ state: 'attached', timeout });
  await host.scrollIntoViewIfNeeded();
  await page.waitForFunction((i) => {
    const el = document.querySelectorAll('province-targets')[i];
    return el && ['ready', 'error'].includes(el.getAttribute('data-state'));
  }, index, { timeout });
  return host;
}

/** What a widget shows: selected indicator and year, pressed provinces, marks, language and theme. */
function viewOf(host) {
  return host.evaluate((el) => {
    const root = el.shadowRoot;
    const pt = root.querySelector('.pt-root');
    return {
      indicator: root.querySelector('select:has(optgroup)')?.value,
      year: root.querySelector('.pt-year[aria-checked="true"]')?.getAttribute('data-year'),
      pressed: [...root.querySelectorAll('.pt-toggle[aria-pressed="true"]')].map((b) => b.textContent),
      marks: [...root.querySelectorAll('.pt-mark')].map((m) => m.getAttribute('aria-label')),
      lang: pt?.getAttribute('lang'),
      theme: pt?.getAttribute('data-theme'),
      background: getComputedStyle(el).backgroundColor
    };
  });
}

/** The host page around the widget, to check it is untouched. */
function articleOf(page) {
  return page.evaluate(() => ({
    title: document.title,
    headline: document.querySelector('#headline')?.textContent,
    lead: document.querySelector('#lead')?.textContent,
    after: document.querySelector('#after')?.textContent,
    order: [...document.querySelector('#article').children].map((c) => c.localName),
    alertsOutside: document.querySelectorAll('[role=alert]').length,
    bodyChildren: [...document.body.children].map((c) => c.localName)
  }));
}

// ---- 1. bad data through data-src -----------------------------------------------------------------------

const BAD_DATA = [
  {
    name: 'not-json', problems: 1, lang: 'vi',
    // The loader's own message: the URL, that it is not valid JSON, and where the page's JSON.parse stopped
    // (the file's line 22 has a string that never closes), in Vietnamese.
    names: [/not-json\.json/, /không đọc được/, /JSON không hợp lệ/, /dòng 22, cột \d+/],
    consoleNames: [/not-json\.json/]
  },
  {
    name: 'wrong-type', problems: 1, lang: 'vi',
    names: [/targets\[3\]/, /trường "year"/, /kiểu sai/],
    consoleNames: [/targets\[3\].*"year"/]
  },
  {
    name: 'wrong-type', problems: 1, lang: 'en', suffix: '-en',
    names: [/targets\[3\]/, /field "year"/, /wrong type/],
    consoleNames: [/targets\[3\].*"year"/]
  },
  {
    name: 'unknown-ids', problems: 2, lang: 'vi',
    names: [/targets\[2\]/, /trường "province"/, /ha-noi/, /targets\[5\]/, /trường "indicator"/, /robots-per-capita/],
    consoleNames: [/targets\[2\].*"province".*ha-noi/, /targets\[5\].*"indicator".*robots-per-capita/]
  },
  {
    name: 'duplicate-target', problems: 1, lang: 'vi',
    names: [/targets\[4\]/, /targets\[1\]/],
    consoleNames: [/targets\[4\].*targets\[1\]/]
  },
  {
    name: 'impossible-values', problems: 2, lang: 'vi',
    names: [/targets\[1\]/, /trường "value"/, /250/, /targets\[7\]/, /trường "value_max"/],
    consoleNames: [/targets\[1\].*"value".*250/, /targets\[7\].*"value_max"/]
  },
  {
    name: 'empty-object', problems: 5, lang: 'vi',
    names: [/provinces/, /targets/, /không có bản ghi nào/],
    consoleNames: [/pillars/, /provinces/, /indicators/, /sources/, /targets/]
  }
];

for (const c of BAD_DATA) {
  const label = `${c.name}.json${c.lang === 'en' ? ' with lang=en' : ''}`;
  describe(`bad data via data-src: ${label}`, () => {
    let seen;
    before(async () => {
      const attrs = { src: `/fixtures/data/${c.name}.json`, theme: 'light' };
      if (c.lang === 'en') attrs.lang = 'en';
      const path = await writePage(`data-${c.name}${c.suffix ?? ''}`, { widget: embedTag(attrs) });
      const opened = await open(path);
      const host = await settled(opened.page);
      await consoleFlushed(opened.page); // every console line written before the widget settled
      const alert = host.getByRole('alert');
      seen = {
        ...opened,
        host,
        state: await host.getAttribute('data-state'),
        alerts: await alert.count(),
        alertVisible: (await alert.count()) === 1 && (await alert.isVisible()),
        alertText: (await alert.count()) === 1 ? (await alert.innerText()).replace(/\s+/g, ' ') : '',
        charts: await host.locator('.pt-chart svg').count(),
        article: await articleOf(opened.page)
      };
      if (c.name === 'wrong-type' && c.lang === 'vi') await screenshot(host, 'error-state.png');
    });
    after(async () => seen?.ctx.close());

    // Without the alert (the module's show_problems, or the loader's catch around mount and JSON.parse) the
    // widget would be an empty box or a stuck "Đang tải…": no role=alert, data-state not "error".
    test('an alert inside the widget, no chart, the article around untouched', () => {
      assert.equal(seen.state, 'error', 'data-state="error" on the host');
      assert.equal(seen.alerts, 1, 'one role="alert" in the shadow root');
      assert.ok(seen.alertVisible, 'the alert is visible');
      assert.ok(seen.alertText.trim().length > 20, `a readable message, got "${seen.alertText}"`);
      assert.equal(seen.charts, 0, 'no chart drawn from broken data');
      assert.equal(seen.article.lead, LEAD, 'the article text is still there');
      assert.equal(seen.article.headline, 'Các tỉnh đặt mục tiêu chuyển đổi số');
      assert.match(seen.article.after, /^Đoạn văn sau biểu đồ/);
      assert.deepEqual(seen.article.order, ['h1', 'p', 'script', 'province-targets', 'p', 'button'],
        'the widget sits right after its script tag; nothing else moved');
      assert.equal(seen.article.alertsOutside, 0, 'no alert leaks into the page itself');
      assert.equal(seen.article.title, 'Bài báo thử nghiệm');
      assert.deepEqual(seen.log.errors.filter((e) => e.startsWith('pageerror')), [], 'no uncaught page error');
      assert.deepEqual(seen.dialogs, [], 'no dialog');
    });

    // Without the console list (show_problems' console.error loop) an editor has only the five lines on
    // screen; we count the widget's own lines and look for each broken record in them.
    test(`the console lists every problem (${c.problems})`,
      () => {
        const lines = seen.consoleErrors.filter((e) => /province-targets/.test(e));
        assert.ok(lines.length >= c.problems,
          `${lines.length} console.error line(s) from the widget for ${c.problems} problem(s): ${JSON.stringify(lines)}`);
        for (const re of c.consoleNames) {
          assert.ok(lines.some((l) => re.test(l)), `a console line matches ${re}: ${JSON.stringify(lines)}`);
        }
      });

    // Naming the record and field is the point of the module's problem messages (src/problem.rs); a generic
    // "could not show the chart" fails the patterns below, and so does a message in the other language.
    test(`the alert names the record and field, in ${c.lang === 'en' ? 'English' : 'Vietnamese'}`,
      () => {
        for (const re of c.names) assert.match(seen.alertText, re);
        if (c.lang === 'vi') {
          assert.doesNotMatch(seen.alertText, /\b(problem|dataset|see the list|field|wrong type)\b/,
            'no English in a Vietnamese alert');
        } else {
          assert.doesNotMatch(seen.alertText, /trường|dữ liệu|lỗi/, 'no Vietnamese in an English alert');
        }
      });
  });
}

describe('bad data via data-src: control', () => {
  // The broken datasets are one edit away from this one: it draws, so the alerts above come from the edits.
  test('valid-small.json (the base of the broken datasets) draws a chart with no console error', async () => {
    const path = await writePage('data-valid-small', { widget: embedTag({ src: '/fixtures/data/valid-small.json' }) });
    const { ctx, page, consoleErrors, warnings } = await open(path);
    try {
      const host = await settled(page);
      assert.equal(await host.getAttribute('data-state'), 'ready');
      assert.ok((await host.locator('.pt-mark').count()) >= 2);
      assert.deepEqual(consoleErrors, []);
      assert.deepEqual(warnings, []);
    } finally {
      await ctx.close();
    }
  });
});

// ---- 2. bad attributes ----------------------------------------------------------------------------------

const BAD_ATTRIBUTES = [
  { attr: 'indicator', value: 'robots-per-capita', valid: ['digital-economy-share-grdp', 'records-online-commune'] },
  { attr: 'year', value: '1999', valid: ['all', '2025', '2030'] },
  { attr: 'provinces', value: 'ha-noi', valid: ['bac-giang', 'lang-son'] },
  { attr: 'lang', value: 'fr', valid: ['vi', 'en'] },
  { attr: 'theme', value: 'neon', valid: ['light', 'dark', 'auto'] }
];

describe('bad attributes fall back to the default view with a warning', () => {
  let defaultView;
  before(async () => {
    const path = await writePage('attr-default', { widget: embedTag({}) });
    const { ctx, page } = await open(path);
    try {
      defaultView = await viewOf(await settled(page));
    } finally {
      await ctx.close();
    }
    assert.ok(defaultView.marks.length > 0, 'the default view has marks');
  });

  for (const { attr, value, valid } of BAD_ATTRIBUTES) {
    // Without the fallback (view::ChartConfig::resolve, the theme match in web::mount) the widget would show
    // another view, no view, or an alert; without the warning, no console line names the valid values.
    test(`data-${attr}="${value}": the default view, and a warning listing the valid values`, async () => {
      const path = await writePage(`attr-${attr}`, { widget: embedTag({ [attr]: value }) });
      const { ctx, page, warnings, log } = await open(path);
      try {
        const host = await settled(page);
        assert.equal(await host.getAttribute('data-state'), 'ready', 'the chart is drawn');
        assert.deepEqual(await viewOf(host), defaultView, 'the same view as with no attribute');
        const warning = warnings.find((w) => w.includes(`"${value}"`));
        assert.ok(warning, `a warning names "${value}": ${JSON.stringify(warnings)}`);
        assert.match(warning, /Valid values/);
        for (const v of valid) assert.ok(warning.includes(v), `the warning lists ${v}: ${warning}`);
        assert.deepEqual(log.errors, [], 'a warning, not an error');
      } finally {
        await ctx.close();
      }
    });
  }
});

// ---- 3. the module fails --------------------------------------------------------------------------------

const MODULE_FAILURES = [
  {
    // The module is fetched with its integrity hash, so bytes that are not the built module are
    // refused before they are compiled: trust.test.mjs checks that refusal in detail.
    name: 'the .wasm is not the built module (garbage bytes)',
    message: /Biểu đồ bị chặn để bảo vệ bạn đọc: tệp province_targets_bg\.wasm/,
    init: (page) => page.route('**/province_targets_bg.*.wasm', (route) =>
      route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('<html>502 Bad Gateway</html>') }))
  },
  {
    name: 'the browser has no WebAssembly',
    message: /không chạy được WebAssembly/,
    init: (page) => page.addInitScript(() => {
      delete window.WebAssembly;
    })
  }
];

describe('the module cannot run', () => {
  for (const failure of MODULE_FAILURES) {
    // Without the loader's fallback (loadModule's catch / the WebAssembly check, and _showError) the shadow
    // root keeps "Đang tải biểu đồ…" (role=status, not alert) or is emptied: the first assertions fail.
    test(`${failure.name}: a readable alert in the shadow root, never an empty box`, async () => {
      const path = await writePage('module-default', { widget: embedTag({ theme: 'light' }) });
      const { ctx, page, log, dialogs } = await open(path, { init: failure.init });
      try {
        const host = await settled(page);
        assert.equal(await host.getAttribute('data-state'), 'error');
        const alert = host.getByRole('alert');
        assert.equal(await alert.count(), 1, 'one role="alert"');
        assert.ok(await alert.isVisible());
        assert.match(await alert.innerText(), failure.message);
        const text = (await host.evaluate((el) => el.shadowRoot.textContent)).trim();
        assert.ok(text.length > 30, `the shadow root has text: "${text}"`);
        assert.ok(await host.isVisible(), 'the host is visible');
        assert.equal(await host.locator('.pt-chart').count(), 0);
        assert.equal((await articleOf(page)).lead, LEAD);
        assert.deepEqual(log.errors.filter((e) => e.startsWith('pageerror')), []);
        assert.deepEqual(dialogs, []);
      } finally {
        await ctx.close();
      }
    });

    // A collapsed box is easy to miss in an article: the brief asks for more than 100 px.
    test(`${failure.name}: the alert box is taller than 100 px`,
      async () => {
        const path = await writePage('module-default', { widget: embedTag({ theme: 'light' }) });
        const { ctx, page } = await open(path, { init: failure.init });
        try {
          const host = await settled(page);
          const box = await host.boundingBox();
          assert.ok(box.height > 100, `the host is ${box.height} px tall`);
        } finally {
          await ctx.close();
        }
      });
  }
});

// ---- 4. injection ---------------------------------------------------------------------------------------

describe('injection: tests/fixtures/hostile.json via data-src', () => {
  let ctx;
  let page;
  let host;
  let opened;
  before(async () => {
    const path = await writePage('data-hostile', { widget: embedTag({ src: '/fixtures/data/hostile.json', theme: 'light' }) });
    opened = await open(path);
    ({ ctx, page } = opened);
    host = await settled(page);
    assert.equal(await host.getAttribute('data-state'), 'ready', 'hostile.json is a valid dataset');
  });
  after(async () => ctx?.close());

  /** Elements and attributes in the shadow root that could run code. */
  const dangerous = () => host.evaluate((el) => {
    const all = [...el.shadowRoot.querySelectorAll('*')];
    return {
      elements: all.filter((n) => /^(script|img|iframe|object|embed|foreignobject|svg:script)$/i.test(n.localName))
        .map((n) => n.outerHTML.slice(0, 80)),
      javascriptLinks: all.filter((n) => /^\s*javascript:/i.test(n.getAttribute('href') ?? '') ||
        /^\s*javascript:/i.test(n.getAttribute('xlink:href') ?? '')).map((n) => n.outerHTML.slice(0, 80)),
      handlers: all.flatMap((n) => [...n.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${n.localName} ${a.name}`))
    };
  });

  // If any data string went through innerHTML (src/web.rs uses textContent and setAttribute only), the
  // province name would create a <script> and the note an <img onerror>; that one would open a dialog.
  test('no dialog, and no script, img, iframe, javascript: link or on* attribute in the shadow root', async () => {
    // Only such an element or attribute could open a dialog, now or later: with none, no dialog can come.
    assert.deepEqual(await dangerous(), { elements: [], javascriptLinks: [], handlers: [] });
    assert.deepEqual(opened.dialogs, [], 'no alert() ran');
  });

  test('the province name "<script>alert(1)</script>" is visible as text', async () => {
    const toggle = host.getByRole('button', { name: '<script>alert(1)</script>', exact: true });
    assert.ok(await toggle.isVisible(), 'the toggle shows the name literally');
    const chartTexts = await host.locator('.pt-chart svg text').allTextContents();
    assert.ok(chartTexts.some((t) => t.includes('<script>alert(1)</script>')),
      `the chart labels the row with the literal name: ${JSON.stringify(chartTexts)}`);
    const heading = await host.getByRole('heading', { level: 2 }).innerText();
    assert.ok(heading.includes('</text><script>alert(4)</script>'), `the indicator label too, as the headline: ${heading}`);
  });

  test('the details panel of a focused mark shows the note "<img src=x onerror=alert(8)>" literally', async () => {
    const mark = host.locator('.pt-mark[aria-label^="<script>alert(1)</script>"]').first();
    await mark.focus();
    const details = host.locator('.pt-details');
    const text = await details.innerText();
    assert.ok(text.includes('<img src=x onerror=alert(8)>'), `the note as text: ${text}`);
    assert.ok(text.includes('<script>alert(7)</script> & "trích"'), 'the quote as text');
    assert.equal(await details.locator('img, script').count(), 0);
    assert.deepEqual(opened.dialogs, []);
  });

  test('the data table shows the names literally', async () => {
    await host.locator('.pt-table-toggle').click();
    const table = host.locator('.pt-table table');
    await table.waitFor({ state: 'visible' });
    const text = await table.innerText();
    assert.ok(text.includes('<script>alert(1)</script>'), text);
    assert.ok(text.includes('Tỉnh "Y" & \'Z\' ]]>'), text);
    assert.equal(await table.locator('script, img, iframe').count(), 0);
  });

  // Without csv.rs's neutralising, the cells would start with + and -: a spreadsheet runs them as formulas.
  // The CSV is written when the link is followed, so the test follows it, as a reader would.
  test('the CSV link neutralises formula cells', async () => {
    await openDownloads(host);
    const link = host.getByRole('link', { name: 'Tải toàn bộ dữ liệu (CSV)' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), 'province-targets.csv');
    // The menu closed on the click: the link is hidden from the role query, not gone.
    assert.match(await host.locator('.pt-csv-download').getAttribute('href'), /^blob:/,
      'a Blob URL, not a data: URL that browsers cap');
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const rows = parseCsv(csv).filter((r) => r.length > 1);
    // The sheet lists the targets, then every record they refer to (its `record` column says which).
    const record = rows[0].indexOf('record');
    assert.equal(rows.filter((r) => r[record] === 'target').length, 2, 'two targets');
    const cells = rows.slice(1).flat();
    assert.ok(cells.includes('\'+cmd|\' /C calc\'!A0'), `the document cell is neutralised: ${JSON.stringify(cells)}`);
    assert.ok(cells.includes('\'-2+3'), 'the quote "-2+3" is neutralised');
    const formulas = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+([.,]\d+)?$/.test(c));
    assert.deepEqual(formulas, [], 'no cell starts like a formula');
    assert.ok(cells.includes('<script>alert(1)</script>'), 'names are kept as they are');
  });

  // Without svg.rs's escaping the downloaded file would contain a live <script> (and not even parse).
  test('the SVG download escapes the data', async () => {
    await openDownloads(host);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      host.getByRole('button', { name: 'Tải ảnh (SVG)' }).click()
    ]);
    const svg = await readFile(await download.path(), 'utf8');
    assert.match(download.suggestedFilename(), /\.svg$/);
    assert.ok(svg.includes('&lt;script&gt;'), 'the name is escaped');
    assert.doesNotMatch(svg, /<script/i);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const all = [...doc.querySelectorAll('*')];
      return {
        parseError: doc.querySelector('parsererror')?.textContent ?? null,
        dangerous: all.filter((n) => /^(script|foreignObject|iframe|img)$/i.test(n.localName)).length,
        handlers: all.flatMap((n) => [...n.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
        text: doc.documentElement.textContent
      };
    }, svg);
    assert.equal(parsed.parseError, null, 'the file is well-formed XML');
    assert.equal(parsed.dangerous, 0);
    assert.deepEqual(parsed.handlers, []);
    assert.ok(parsed.text.includes('<script>alert(1)</script>'), 'the name reads literally in the file');
    assert.deepEqual(opened.dialogs, []);
  });
});

/** RFC 4180 CSV into rows of cells. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

// ---- 5. strict CSP, error state -------------------------------------------------------------------------

describe('strict Content-Security-Policy: the error state', () => {
  // The alert is built with createElement and class names only; an inline style or a <style> element in the
  // error path would be refused by style-src 'self' and fire securitypolicyviolation (helpers.openPage).
  for (const name of ['wrong-type', 'not-json']) {
    test(`${name}.json under --csp: an alert, no violation`, async () => {
      const path = await writePage(`csp-${name}`, { widget: embedTag({ src: `/fixtures/data/${name}.json` }) });
      const { ctx, page, log, response } = await open(path, { base: cspServer });
      try {
        assert.match(response.headers()['content-security-policy'] ?? '', /style-src 'self'/, 'the header is sent');
        const host = await settled(page);
        assert.equal(await host.getAttribute('data-state'), 'error');
        assert.equal(await host.getByRole('alert').count(), 1);
        assert.ok(await host.getByRole('alert').isVisible());
        assert.equal(await host.evaluate((el) => el.shadowRoot.adoptedStyleSheets.length), 1, 'the sheet applies');
        assert.notEqual(await host.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.pt-alert'))
          .borderInlineStartWidth), '0px', 'the alert is styled (the sheet was not blocked)');
        const seen = await violationsSoFar(page, log);
        assert.deepEqual(seen.violations, [], 'no securitypolicyviolation');
        assert.deepEqual(seen.errors.filter((e) => /Content Security Policy|Refused to/i.test(e)), []);
      } finally {
        await ctx.close();
      }
    });
  }
});

// ---- 6. isolation ---------------------------------------------------------------------------------------

/** A minimal PNG reader (8-bit RGB or RGBA, non-interlaced, as Chromium writes): {width, height, channels, pixels}. */
function decodePng(buffer) {
  assert.equal(buffer.readUInt32BE(0), 0x89504e47, 'a PNG');
  let offset = 8;
  let width;
  let height;
  let channels;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert.equal(data[8], 8, '8-bit PNG');
      assert.equal(data[12], 0, 'not interlaced');
      channels = { 2: 3, 6: 4, 0: 1, 4: 2 }[data[9]];
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** Number of pixels that differ between two PNGs, or a reason they cannot be compared. */
/** Pixels whose channels differ by more than `tolerance` (0: any difference counts). */
function pixelDiff(pngA, pngB, tolerance = 0) {
  const a = decodePng(pngA);
  const b = decodePng(pngB);
  if (a.width !== b.width || a.height !== b.height) return { size: `${a.width}×${a.height} vs ${b.width}×${b.height}` };
  let differing = 0;
  for (let i = 0; i < a.width * a.height; i++) {
    for (let k = 0; k < Math.min(a.channels, b.channels); k++) {
      if (Math.abs(a.pixels[i * a.channels + k] - b.pixels[i * b.channels + k]) > tolerance) {
        differing++;
        break;
      }
    }
  }
  return { differing };
}

/** An element screenshot of the first widget, with nothing hovered or focused, and its box in the document. The
 * screen is taller than any of these pages' widget and what precedes it: the widget keeps its reservation on
 * every page alike (it lets it go early when its content reaches past the screen's bottom, see loader/fit.js). */
async function widgetShot(path, viewport = { width: 1000, height: 1400 }) {
  const { ctx, page, log } = await open(path, { viewport });
  try {
    const host = await settled(page);
    assert.equal(await host.getAttribute('data-state'), 'ready');
    await page.evaluate(() => document.activeElement?.blur()); // the mouse never entered the page: no hover
    await animationsDone(host); // a focus ring or fade the blur ends, to its end
    const png = await host.screenshot({ animations: 'disabled', caret: 'hide' });
    const box = await host.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
    });
    return { png, box, errors: log.errors };
  } finally {
    await ctx.close();
  }
}

const ISOLATION_EMBED = { indicator: 'digital-economy-share-grdp', theme: 'light' };
const HOSTILE_SHEETS = [
  { sheet: 'hostile-elements.css', what: 'type selectors (svg, button, div, p, a…) with !important' },
  { sheet: 'hostile-universal.css', what: '* { all: unset !important }' },
  { sheet: 'hostile-root.css', what: 'html { font-size: 30px }' },
  { sheet: 'hostile.css', what: 'all of the above' }
];

describe('isolation: the host page cannot restyle the widget, the widget cannot restyle the page', () => {
  let plain;
  before(async () => {
    // The widget goes first in <body>: below the headline it would sit at a fractional offset that differs
    // with the page's fonts, and anti-aliasing of rounded corners would differ by a few pixels.
    plain = await widgetShot(await writePage('iso-plain-top', { top: embedTag(ISOLATION_EMBED) }));
    await mkdir(OUTPUT, { recursive: true });
    await writeFile(join(OUTPUT, 'isolation-plain.png'), plain.png);
  });

  // The shadow root is the protection: rendered in the light DOM, every one of these rules would repaint the
  // widget (svg hidden, divs padded, buttons red), and the screenshots would differ.
  for (const { sheet, what } of HOSTILE_SHEETS) {
    test(`a page with ${what} (${sheet}) shows the widget pixel for pixel as the plain page`,
      async () => {
        const head = `<link rel="stylesheet" href="/fixtures/${sheet}">`;
        const path = await writePage(`iso-${sheet.replace('.css', '')}`, { head, top: embedTag(ISOLATION_EMBED) });
        const hostile = await widgetShot(path);
        await mkdir(OUTPUT, { recursive: true });
        await writeFile(join(OUTPUT, `isolation-${sheet.replace('.css', '')}.png`), hostile.png);
        // Size, not place: `* { all: unset }` also unhides the page's own <head> and <title>, which moves
        // everything on that page down; where the page puts the widget is the page's business.
        assert.deepEqual({ width: hostile.box.width, height: hostile.box.height },
          { width: plain.box.width, height: plain.box.height }, 'the same size');
        if (!hostile.png.equals(plain.png)) {
          // A page that moves the widget by a fraction of a pixel changes the anti-aliasing of a few edges
          // (up to 66 pixels by at most 14 of 255 seen); a style that reaches into the widget changes colours
          // outright, by far more than 32, over thousands of pixels.
          assert.deepEqual(pixelDiff(hostile.png, plain.png, 32), { differing: 0 }, 'the same pixels');
        }
      });
  }

  // The widget's sheet is adopted by its shadow root only. Adopted by the document instead, its
  // `*, *::before, *::after { box-sizing: inherit }` and `.pt-root …` rules would change the button's box-sizing
  // (and more); a <style> leaking out would change whatever it names. We compare every computed property.
  test('the page\'s own elements compute the same styles with and without the widget', async () => {
    const styles = async (path) => {
      const { ctx, page } = await open(path);
      try {
        if (await page.locator('province-targets').count()) await settled(page);
        return await page.evaluate(() => {
          const sizeDependent = /^(width|height|block-size|inline-size|perspective-origin|transform-origin)$/;
          const out = {};
          for (const sel of ['html', 'body', '#article', '#headline', '#lead', '#after', '#link', '#outside']) {
            const cs = getComputedStyle(document.querySelector(sel));
            out[sel] = Object.fromEntries([...cs].filter((p) => !sizeDependent.test(p)).map((p) => [p, cs.getPropertyValue(p)]));
          }
          return out;
        });
      } finally {
        await ctx.close();
      }
    };
    const without = await styles(await writePage('iso-none'));
    const withWidget = await styles(await writePage('iso-plain', { widget: embedTag(ISOLATION_EMBED) }));
    assert.ok(Object.keys(without['#outside']).length > 200, 'every computed property is compared');
    for (const sel of Object.keys(without)) {
      const changed = Object.keys(without[sel]).filter((p) => without[sel][p] !== withWidget[sel][p])
        .map((p) => `${p}: ${without[sel][p]} → ${withWidget[sel][p]}`);
      assert.deepEqual(changed, [], `${sel} is unchanged by the widget`);
    }
  });

  /** Counts customElements.define calls per name, recorded by an init script in every page. */
  const countDefines = (page) => page.addInitScript(() => {
    const define = CustomElementRegistry.prototype.define;
    const calls = [];
    Object.defineProperty(window, '__ptDefines', { value: calls, enumerable: false });
    CustomElementRegistry.prototype.define = function (name, ...rest) {
      calls.push(name);
      return define.call(this, name, ...rest);
    };
  });
  const windowKeys = (page) => page.evaluate(() => Object.getOwnPropertyNames(window));

  // A leaked helper (a `var` at the top level instead of inside the IIFE, a global callback) shows up as an
  // extra key; a second define() of the element would throw "has already been used with this registry".
  test('globals: the script adds exactly window.ProvinceTargets and <province-targets>, even when loaded twice', async () => {
    const bare = await open(await writePage('iso-none'), { init: countDefines });
    const bareKeys = await windowKeys(bare.page);
    assert.equal(await bare.page.evaluate(() => customElements.get('province-targets')), undefined);
    await bare.ctx.close();

    for (const [name, widget] of [
      ['once', embedTag(ISOLATION_EMBED)],
      ['twice', embedTag(ISOLATION_EMBED) + '\n' + embedTag({ ...ISOLATION_EMBED, lang: 'en' })]
    ]) {
      const { ctx, page, log } = await open(await writePage(`globals-${name}`, { widget }), { init: countDefines });
      try {
        const widgets = name === 'twice' ? 2 : 1;
        for (let i = 0; i < widgets; i++) assert.equal(await (await settled(page, i)).getAttribute('data-state'), 'ready');
        assert.equal(await page.locator('province-targets').count(), widgets, 'one widget per script tag');
        const keys = await windowKeys(page);
        assert.deepEqual(keys.filter((k) => !bareKeys.includes(k)), ['ProvinceTargets'], `${name}: added globals`);
        assert.deepEqual(bareKeys.filter((k) => !keys.includes(k)), [], `${name}: nothing removed`);
        assert.deepEqual(await page.evaluate(() => window.__ptDefines), ['province-targets'], `${name}: defined once`);
        assert.equal(await page.evaluate(() => Object.isFrozen(window.ProvinceTargets)), true);
        assert.deepEqual(log.errors, [], `${name}: nothing thrown or logged`);
      } finally {
        await ctx.close();
      }
    }
  });
});

// ---- 7. long life ---------------------------------------------------------------------------------------

/** Heap after a full garbage collection, event listeners in the document (shadow roots included), wasm memory. */
async function measure(page, cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const listeners = {};
  for (const [name, expression, depth] of [['document tree', 'document', -1], ['window', 'window', 0]]) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const answer = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth, pierce: true });
    listeners[name] = answer.listeners.length;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  // The module's memory, found by its type: the module's exports have one- or two-letter names
  // (scripts/short-names.mjs).
  const wasmBytes = await page.evaluate(async () => Object.values(await (await window.ProvinceTargets.load()).default())
    .find((e) => e instanceof WebAssembly.Memory).buffer.byteLength);
  const nodes = await page.evaluate(() => [...document.querySelectorAll('province-targets')]
    .reduce((n, el) => n + el.shadowRoot.querySelectorAll('*').length, 0));
  return { heap: usedSize, listeners, wasmBytes, nodes };
}

function assertFlat(first, last, what) {
  const growth = (last.heap - first.heap) / first.heap;
  assert.ok(growth < 0.1, `${what}: JS heap ${first.heap} → ${last.heap} bytes (+${(growth * 100).toFixed(1)}%)`);
  assert.deepEqual(last.listeners, first.listeners, `${what}: event listeners`);
  const wasmGrowth = (last.wasmBytes - first.wasmBytes) / first.wasmBytes;
  assert.ok(wasmGrowth < 0.1, `${what}: WebAssembly memory ${first.wasmBytes} → ${last.wasmBytes} bytes`);
}

describe('long life', () => {
  // A render that leaked (listeners added per render instead of delegated once, closures kept per mark,
  // SVG nodes kept alive, strings not freed in wasm) would grow one of the three numbers 10,000 times.
  test('10,000 re-renders through the real toggle leave memory and listeners flat', async (t) => {
    const { ctx, page, log } = await open(await writePage('life-renders', { widget: embedTag(ISOLATION_EMBED) }));
    try {
      await settled(page);
      const cdp = await ctx.newCDPSession(page);
      const clicks = (n) => page.evaluate(async (n) => {
        const toggle = document.querySelector('province-targets').shadowRoot.querySelector('.pt-toggle[data-province="1"]');
        for (let i = 0; i < n; i++) {
          toggle.click();
          if (i % 500 === 499) await new Promise((r) => setTimeout(r, 0));
        }
        return toggle.getAttribute('aria-pressed');
      }, n);
      assert.equal(await clicks(200), 'true', 'warm-up: an even number of clicks ends where it began');
      const first = await measure(page, cdp);
      const started = Date.now();
      assert.equal(await clicks(10000), 'true');
      const ms = Date.now() - started;
      const last = await measure(page, cdp);
      t.diagnostic(`10,000 re-renders in ${ms} ms; first ${JSON.stringify(first)}; last ${JSON.stringify(last)}`);
      assertFlat(first, last, '10,000 re-renders');
      assert.equal(last.nodes, first.nodes, 'the same number of nodes in the shadow root');
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
    }
  });

  // A widget not freed on removal (disconnectedCallback → free()), a ResizeObserver never disconnected, or a
  // listener left on document/window would grow the heap, the wasm memory or the listener count per cycle.
  test('100 mount/unmount cycles leave memory and listeners flat', async (t) => {
    const { ctx, page, log } = await open(await writePage('life-mounts', {
      widget: '<script src="/province-targets.js" data-embed="none"></script>'
    }));
    try {
      const cdp = await ctx.newCDPSession(page);
      const cycles = (n) => page.evaluate(async (n) => {
        const article = document.querySelector('#article');
        for (let i = 0; i < n; i++) {
          const el = document.createElement('province-targets');
          el.setAttribute('indicator', 'digital-economy-share-grdp');
          el.setAttribute('theme', 'light');
          article.prepend(el);
          await new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`cycle ${i}: not ready`)), 10000);
            const check = () => {
              if (el.getAttribute('data-state') === 'ready') {
                clearTimeout(timer);
                resolve();
              } else if (el.getAttribute('data-state') === 'error') {
                reject(new Error(`cycle ${i}: ${el.shadowRoot.textContent}`));
              } else {
                requestAnimationFrame(check);
              }
            };
            check();
          });
          el.remove();
        }
        return document.querySelectorAll('province-targets').length;
      }, n);
      assert.equal(await cycles(10), 0, 'warm-up');
      const first = await measure(page, cdp);
      const started = Date.now();
      assert.equal(await cycles(100), 0);
      const ms = Date.now() - started;
      const last = await measure(page, cdp);
      t.diagnostic(`100 mount/unmount cycles in ${ms} ms; first ${JSON.stringify(first)}; last ${JSON.stringify(last)}`);
      assertFlat(first, last, '100 mount/unmount cycles');
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
    }
  });
});
