// Takes docs/story-tools.png: the editor's tools together on the built dist/ — Lạng Sơn
// highlighted, the editor's own title, subtitle and note, and the national line of QĐ 749/QĐ-TTg — at 700 px
// wide in headless Chromium. Run with `node scripts/story-screenshot.mjs` after `make build`.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../tools/node_modules/playwright-core/index.mjs';
import { startServer } from './serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Lạng Sơn</title></head>
<body style="margin:0;padding:16px;font-family:system-ui,sans-serif;background:#fff">
<province-targets indicator="digital-economy-share-grdp" highlight="lang-son"
  title="Lạng Sơn muốn kinh tế số đạt ít nhất 10% GRDP ngay từ năm 2023"
  subtitle="Mục tiêu tỷ trọng kinh tế số trong GRDP của năm tỉnh, đặt cạnh mục tiêu quốc gia cho năm 2025 và 2030."
  note="Lạng Sơn đặt mục tiêu cho năm 2023, sớm hơn các tỉnh khác; Quyết định 749/QĐ-TTg đặt mục tiêu cả nước 20% vào năm 2025 và 30% vào năm 2030."></province-targets>
<script src="province-targets.js" data-embed="none"></script></body></html>`;

const server = await startServer({ root: join(ROOT, 'dist'), port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
});
try {
  const page = await browser.newPage({ viewport: { width: 700, height: 900 }, colorScheme: 'light' });
  await page.route('**/story.html', (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  await page.goto(`${server.url}story.html`);
  const widget = page.locator('province-targets');
  await widget.locator('.pt-chart svg').waitFor({ state: 'visible', timeout: 15000 });
  // The reserved height (against layout shift) is blank below a short view: the picture ends at the content.
  const bottom = await widget.evaluate((el) => {
    const root = el.shadowRoot;
    const last = [...root.querySelectorAll('.pt-actions, .pt-table')].filter((e) => !e.hidden).at(-1);
    return last.getBoundingClientRect().bottom;
  });
  await page.screenshot({ path: join(ROOT, 'docs', 'story-tools.png'), fullPage: true,
    clip: { x: 0, y: 0, width: 700, height: Math.ceil(bottom + 16) } });
} finally {
  await browser.close();
  await server.close();
}
