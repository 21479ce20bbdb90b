// End-to-end tests of the loader's dataset caches and fetch timeout (www/loader/data.js), against dist/: a
// single-page site that mounts and removes many articles keeps only the datasets on screen, and a server that
// sends headers and then stalls ends in the timeout message, not in a loading state for good.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { openHtml, openPage, start, stop } from './helpers.mjs';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Site</title></head><body>
<main id="main"></main>
<script src="province-targets.js" data-embed="none"></script>
</body></html>`;

let env;
before(async () => {
  env = await start();
});
after(async () => stop(env ?? {}));

/** Mounts a widget on `src` in #main and waits until it has drawn its chart or shown an alert. */
async function mountOn(page, src) {
  return page.evaluate(async (src) => {
    const el = document.createElement('province-targets');
    el.setAttribute('src', src);
    el.setAttribute('lang', 'en');
    document.getElementById('main').append(el);
    for (;;) {
      const state = el.getAttribute('data-state');
      if (state === 'ready' || state === 'error') return state;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }, src);
}

describe('bounded caches', () => {
  test('articles mounted and removed one after another: a URL no widget shows is released', async () => {
    const { ctx, page } = await openHtml(env.browser, env.server, PAGE);
    const requested = [];
    page.on('request', (request) => requested.push(request.url()));
    try {
      for (let i = 0; i < 12; i++) {
        assert.equal(await mountOn(page, `targets.json?article=${i}`), 'ready');
        // The reader navigates to the next article: the site removes this one.
        await page.evaluate(() => document.getElementById('main').replaceChildren());
      }
      // Back to the first article: its dataset was released, so it is fetched again.
      assert.equal(await mountOn(page, 'targets.json?article=0'), 'ready');
      const fetches = requested.filter((url) => url.endsWith('targets.json?article=0'));
      assert.equal(fetches.length, 2, 'released, then fetched again');
      // While a widget shows a URL, another article's widget on it shares the one fetch.
      assert.equal(await mountOn(page, 'targets.json?article=0'), 'ready');
      assert.equal(requested.filter((url) => url.endsWith('targets.json?article=0')).length, 2);
    } finally {
      await ctx.close();
    }
  });
});

describe('bounded waits', () => {
  test('a response whose body stalls after its headers ends in the timeout message', { timeout: 60000 }, async () => {
    // The article's own server sends the page and, for its dataset, headers and the start of a body that never
    // ends; the loader comes from the CDN (the shared server over dist/).
    const open = new Set();
    const stalling = createServer((request, response) => {
      if (request.url === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(PAGE.replace('src="province-targets.js"', `src="${env.server.url}province-targets.js"`));
        return;
      }
      open.add(response);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"schema_version": 1, "provinces": [');
    });
    await new Promise((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    const { ctx, page, log } = await openPage(env.browser, `http://127.0.0.1:${stalling.address().port}/`);
    try {
      assert.equal(await mountOn(page, '/stalls.json'), 'error');
      const alert = await page.locator('province-targets').getByRole('alert').innerText();
      assert.match(alert, /no response within 10 seconds/, JSON.stringify(log));
      assert.match(alert, /stalls\.json/);
    } finally {
      await ctx.close();
      open.forEach((response) => response.destroy());
      await new Promise((resolve) => stalling.close(resolve));
    }
  });
});
