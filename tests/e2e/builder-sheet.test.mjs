// End-to-end tests of the builder's "your data" step with a spreadsheet (issue 15): the CSV that
// `province-targets csv` writes, dropped into the builder, is read in the page by the sheet module (loaded then,
// and only then) and previewed as the bundled dataset is; a sheet with problems lists them by row and column,
// in the builder's language, and draws no chart. Run with `node --test tests/e2e/builder-sheet.test.mjs` after
// `make build` (which builds the sheet module and the release CLI used here).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, builtFiles, openPage, screenshot, start, stop } from './helpers.mjs';

let server;
let browser;
let files;
/** The bundled dataset as the sheet `province-targets csv` writes (Vietnamese names). */
let sheet;

before(async () => {
  ({ server, browser } = await start());
  files = await builtFiles();
  sheet = execFileSync(join(ROOT, 'target', 'release', 'province-targets'), ['csv'], { encoding: 'utf8' });
});

after(() => stop({ server, browser }));

/** The builder at 1280 px with its data loaded and the "your data" step open. */
async function openDataStep({ width = 1280 } = {}) {
  const opened = await openPage(browser, `${server.url}builder.html`, { viewport: { width, height: 1000 },
    colorScheme: 'light' });
  await opened.page.locator('body[data-ready="true"]').waitFor({ timeout: 15000 });
  await opened.page.locator('#your-data > summary').click();
  return opened;
}

/** Drops `text` as a file named `name` on the step's drop zone, as a file manager would. */
async function drop(page, name, text, type = 'text/csv') {
  await page.locator('#drop-zone').evaluate((zone, [body, fileName, fileType]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([body], fileName, { type: fileType }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, [text, name, type]);
}

/** The preview's drawn chart and its summary, as a reader gets them. */
async function previewDrawing(page) {
  const chart = page.locator('#preview province-targets');
  await chart.locator('.pt-chart svg').waitFor({ state: 'visible', timeout: 15000 });
  return {
    svg: await chart.locator('.pt-chart svg').evaluate((svg) => svg.outerHTML),
    summary: await chart.locator('.pt-summary').first().textContent()
  };
}

/** RFC 4180 rows of `text` (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') cell += text[++i];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') rows.at(-1).push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') rows.at(-1).push(cell), (cell = ''), rows.push([]), i++;
    else cell += c;
  }
  if (rows.at(-1).length === 0 && cell === '') rows.pop();
  else rows.at(-1).push(cell);
  return rows;
}

const writeCsv = (rows) => rows.map((row) => row.map((cell) => (/[",\r\n]/.test(cell)
  ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')).join('\r\n') + '\r\n';

describe('builder: a spreadsheet in "your data" (issue 15)', () => {
  test('the CSV of the bundled dataset previews the same chart, and gives back the same JSON to publish',
    async () => {
      const { ctx, page, log } = await openDataStep();
      try {
        const bundled = await previewDrawing(page);
        const before = log.requests.length;
        assert.ok(!log.requests.some((u) => u.includes('province_targets_sheet')), 'no sheet module before a CSV');

        await drop(page, 'du-lieu.csv', sheet);
        await page.locator('#preview province-targets[src^="blob:"]').waitFor({ timeout: 15000 });
        const fromSheet = await previewDrawing(page);
        assert.equal(fromSheet.summary, bundled.summary, 'the same summary');
        assert.equal(fromSheet.svg, bundled.svg, 'the same drawing');
        assert.ok(await page.locator('#data-problems').isHidden(), 'no problems listed');
        assert.equal(await page.locator('#data-name').textContent(), 'du-lieu.csv');

        // Nothing left the browser: the only requests are the sheet module's two files, from this server.
        const sent = log.requests.slice(before).filter((u) => !u.startsWith('blob:'));
        const sheetFiles = [files['province_targets_sheet.js'].path, files['province_targets_sheet_bg.wasm'].path];
        assert.deepEqual(sent.sort(), sheetFiles.map((p) => new URL(p, server.url).href).sort());

        // The embed code names the JSON to publish, and "Tải JSON" gives exactly the bundled file's text.
        assert.match(await page.locator('#code-script').inputValue(), /data-src="du-lieu.json"/);
        const link = page.getByRole('link', { name: 'Tải JSON' });
        assert.match(await page.locator('#data-json').textContent(), /Mã nhúng đọc tệp JSON, không đọc CSV/);
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        assert.equal(download.suggestedFilename(), 'du-lieu.json');
        const published = await readFile(await download.path(), 'utf8');
        assert.ok(published === await readFile(join(ROOT, 'data', 'targets.json'), 'utf8'),
          'the downloaded JSON is data/targets.json byte for byte');
        await page.locator('#your-data').scrollIntoViewIfNeeded();
        await screenshot(page, 'builder-sheet-good-1280.png', { fullPage: true });
        assert.deepEqual(log.errors, []);
      } finally {
        await ctx.close();
      }
    });

  test('a sheet with a bad number and a missing column: both listed by row and column, in vi and en; no chart',
    async () => {
      const rows = parseCsv(sheet.replace(/^\uFEFF/, ''));
      const unit = rows[0].indexOf('unit');
      const value = rows[0].indexOf('value');
      assert.equal(rows[4][rows[0].indexOf('record')], 'target', 'row 5 is a target');
      rows[4][value] = '12,5';
      const broken = writeCsv(rows.map((row) => row.filter((_, i) => i !== unit)));

      const { ctx, page, log } = await openDataStep();
      try {
        await drop(page, 'bang-loi.csv', broken, '');
        const list = page.locator('#problem-list li');
        await page.locator('#data-problems').waitFor({ state: 'visible', timeout: 15000 });
        assert.equal(await page.locator('#problems-heading').textContent(),
          'Bảng có lỗi, biểu đồ chưa thể hiện. Sửa các lỗi sau (dòng và cột):');
        assert.deepEqual(await list.allTextContents(), [
          'cột "unit": không có trong dòng tiêu đề, nhưng các dòng loại indicator, target, national cần cột này',
          'dòng 5, cột "value": "12,5" không phải là số (viết số thập phân với dấu chấm: 12.5)'
        ]);
        assert.equal(await page.locator('#preview province-targets').count(), 0, 'no chart from a broken sheet');
        assert.equal(await page.locator('#preview svg').count(), 0);
        assert.equal(await page.locator('#preview').textContent(),
          'Bảng có lỗi nên chưa có biểu đồ: các lỗi được liệt kê ở mục "Dữ liệu của bạn".');
        assert.ok(await page.locator('#data-json').isHidden(), 'no JSON to download');
        await screenshot(page, 'builder-sheet-problems-1280.png', { fullPage: true });

        await page.getByRole('button', { name: 'English' }).click();
        await list.filter({ hasText: 'row 5' }).waitFor({ timeout: 5000 });
        assert.equal(await page.locator('#problems-heading').textContent(),
          'The sheet has problems, so no chart yet. Fix these (row and column):');
        assert.deepEqual(await list.allTextContents(), [
          'column "unit": missing from the header row, but indicator, target, national rows need it',
          'row 5, column "value": "12,5" is not a number (write decimals with a point: 12.5)'
        ]);
        assert.equal(await page.locator('#preview province-targets').count(), 0, 'still no chart');
        assert.match(await page.locator('#preview').textContent(), /listed under "Your data"/);

        // Fixed, the same sheet draws; the module is not fetched again.
        const sheetRequests = () => log.requests.filter((u) => u.includes('province_targets_sheet')).length;
        const fetched = sheetRequests();
        await page.locator('#data-file').setInputFiles({ name: 'bang-sua.csv', mimeType: 'text/csv',
          buffer: Buffer.from(sheet) });
        await previewDrawing(page);
        assert.ok(await page.locator('#data-problems').isHidden());
        assert.equal(sheetRequests(), fetched, 'the sheet module is loaded once per page');
        assert.deepEqual(log.errors, []);
      } finally {
        await ctx.close();
      }
    });

  test('under the strict policy with Trusted Types enforced, the sheet module loads and reads a sheet', async () => {
    const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
      "require-trusted-types-for 'script'; trusted-types 'none'";
    const { ctx, page, log } = await openPage(browser, null, { viewport: { width: 1280, height: 1000 } });
    try {
      const url = `${server.url}builder.html`;
      await page.route(url, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
      });
      await page.goto(url, { waitUntil: 'load' });
      await page.locator('body[data-ready="true"]').waitFor({ timeout: 15000 });
      await page.locator('#your-data > summary').click();
      const rows = parseCsv(sheet.replace(/^\uFEFF/, ''));
      rows[4][rows[0].indexOf('year')] = '2O30';
      await drop(page, 'bang.csv', writeCsv(rows));
      await page.locator('#problem-list li').waitFor({ timeout: 15000 });
      assert.deepEqual(await page.locator('#problem-list li').allTextContents(),
        ['dòng 5, cột "year": "2O30" không phải là số (viết số thập phân với dấu chấm: 12.5)']);
      assert.ok(log.requests.some((u) => u.endsWith(files['province_targets_sheet_bg.wasm'].path)));
      assert.deepEqual(log.violations, [], 'no CSP or Trusted Types violation');
      assert.deepEqual(log.errors, []);
      const enforced = await page.evaluate(() => {
        try {
          document.createElement('script').textContent = '1';
          return false;
        } catch {
          return true;
        }
      });
      assert.ok(enforced, 'the policy, Trusted Types included, is enforced on this page');
    } finally {
      await ctx.close();
    }
  });

  test('a file that is neither JSON nor CSV is refused with the accepted kinds; the phone layout keeps the step',
    async () => {
      const { ctx, page } = await openDataStep({ width: 360 });
      try {
        await drop(page, 'bang.xlsx', 'PK', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        await page.locator('#problem-list li').waitFor({ timeout: 5000 });
        assert.deepEqual(await page.locator('#problem-list li').allTextContents(), ['Chỉ nhận tệp .json hoặc .csv.']);
        assert.equal(await page.locator('#data-file').getAttribute('accept'),
          '.json,application/json,.csv,text/csv,application/csv,text/comma-separated-values');
        await page.locator('#your-data').scrollIntoViewIfNeeded();
        await screenshot(page, 'builder-sheet-refused-360.png');
      } finally {
        await ctx.close();
      }
    });
});
