// The widget's natural height on the bundled dataset's default view, with and without the reader's controls,
// at every 10 px of width from 320 to 1000 px (and each container-query edge): the numbers the reserved heights
// in www/widget.css are set from (band maximum + about 12 px), so that the article never moves when the chart
// arrives. Run after `make build`: node scripts/measure-heights.mjs
import { fileURLToPath } from 'node:url';
import { chromium } from '../tools/node_modules/playwright-core/index.mjs';
import { startServer } from './serve.mjs';
const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const server = await startServer({ root: DIST, port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const widths = Array.from({length: 69}, (_, i) => 320 + i * 10).concat([329, 349, 389, 479, 529, 599, 689, 739]);
const page = await browser.newPage({ viewport: { width: 1100, height: 3000 } });
for (const w of widths) {
  let html = '<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="margin:0">';
  for (const c of ['all', 'none']) html += `<div style="width:${w}px"><province-targets controls="${c}" style="--pt-min-height:0px"></province-targets></div>`;
  html += '<script src="province-targets.js" data-embed="none"></script></body></html>';
  const url = server.url + 'm' + w + '.html';
  await page.route(url, (r) => r.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(url);
  await page.waitForFunction(() => [...document.querySelectorAll('province-targets')].every((e) => e.getAttribute('data-state') === 'ready'));
  await page.waitForTimeout(300);
  const hs = await page.evaluate(() => [...document.querySelectorAll('province-targets')].map((e) => Math.ceil(e.shadowRoot.querySelector('.pt-root').getBoundingClientRect().height)));
  console.log(w, 'all', hs[0], 'none', hs[1]);
}
await browser.close(); await server.close();
