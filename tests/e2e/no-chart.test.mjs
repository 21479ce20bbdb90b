// Every place an editor might paste the embed, and every way a page can end up with no chart: either a chart is
// drawn, or the console says in one line why there is none and what to do.
//
// Places where the loader never runs, so nothing of ours can speak (the browser's own rules), not tested here:
// inside a <template> (inert content), in an <svg> (an SVG <script> loads `href`, not `src`), inside <noscript>
// when scripting is on (raw text), and in an HTML comment.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { consoleFlushed, openPage, start, stop } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => stop(env ?? {}));

const TAG = '<script src="province-targets.js" data-indicator="fibre-households"></script>';
const BARE = '<script src="province-targets.js"></script>';
const page = (head, body, tail = '') =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài</title>${head}</head><body>` +
  `<p>Đoạn văn.</p>${body}</body>${tail}</html>`;

const CASES = [
  // [name, html]
  ['in the body, as documented (control)', page('', TAG)],
  ['inside a <p>', page('', `<p>Trước ${TAG} sau</p>`)],
  ['inside a <table> (the parser keeps a script in the table)', page('', `<table><tr><td>1</td></tr>${TAG}</table>`)],
  ['inside a <select>', page('', `<select><option>a</option>${TAG}</select>`)],
  ['after </body>', page('', '', TAG)],
  ['in <head> with options', page(TAG, '')],
  ['in <head> without options and no element in the page', page(BARE, '')],
  ['an element inside a hidden ancestor', page(BARE, '<div hidden><province-targets></province-targets></div>')],
  ['an element with hidden', page(BARE, '<province-targets hidden></province-targets>')],
  ['an element under display:none', page(BARE, '<div style="display:none"><province-targets></province-targets></div>')]
];

/** Charts drawn and the loader's console lines, once the module is loaded and every widget has had its chance. */
async function outcome(html) {
  // Listening from before the page loads: a script tag in <head> speaks while the page is parsed.
  const { ctx, page: p } = await openPage(env.browser, null);
  const lines = [];
  p.on('console', (msg) => {
    if (/province-targets/.test(msg.text()) && /warn|error/.test(msg.type())) lines.push(msg.text());
  });
  try {
    const url = `${env.server.url}no-chart-${Math.random().toString(36).slice(2)}.html`;
    await p.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await p.goto(url, { waitUntil: 'load' });
    await p.waitForFunction(() => window.ProvinceTargets);
    await p.evaluate(() => window.ProvinceTargets.load());
    // Every widget near the viewport is drawn or shows an alert; one never near it (hidden) stays loading.
    await p.waitForFunction(() => [...document.querySelectorAll('province-targets')]
      .filter((el) => el.getClientRects().length > 0)
      .every((el) => el.getAttribute('data-state') === 'ready' || el.getAttribute('data-state') === 'error'));
    await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    const charts = await p.evaluate(() => [...document.querySelectorAll('province-targets')]
      .filter((el) => el.getClientRects().length > 0 && el.shadowRoot?.querySelector('.pt-chart svg')).length);
    await consoleFlushed(p);
    return { charts, lines };
  } finally {
    await ctx.close();
  }
}

describe('a chart, or one console line saying why not', () => {
  for (const [name, html] of CASES) {
    test(name, async () => {
      const { charts, lines } = await outcome(html);
      assert.ok(charts > 0 || lines.length > 0, `no chart and nothing in the console: ${JSON.stringify(lines)}`);
      for (const line of lines) assert.equal(line.split('\n').length, 1, `one line: ${line}`);
    });
  }
});
