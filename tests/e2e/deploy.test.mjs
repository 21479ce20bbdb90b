// Issue 17, "ready for a CDN": what a reader's browser gets from dist/ as the demo server (and so a CDN given
// dist/_headers) serves it.
//   1. dist/_headers gives the module application/wasm and a year's immutable cache, the stable loader five
//      minutes, every file open CORS; the server sends exactly that, and the precompressed copy asked for
//   2. the loader fetches the content-hashed module and data; a second article on the same site draws its chart
//      with nothing fetched again; the hashed loader (a pinned version) draws too
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIST, builtFiles, launch, openPage, screenshot, serve, waitForChart } from './helpers.mjs';

const IMMUTABLE = /^public, max-age=31536000, immutable$/;
const SHORT = /^public, max-age=300, stale-while-revalidate=\d+$/;

let server;
let browser;
let files;
before(async () => {
  files = await builtFiles();
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The server's answer to a GET of `path` with the given Accept-Encoding: status, headers and body bytes. */
async function get(path, acceptEncoding) {
  // Node's fetch would decode the body itself; the raw bytes are what the test checks.
  return new Promise((ok, ko) => {
    request(`${server.url}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', ko).end();
  });
}

describe('headers: dist/_headers, and the server sends them', () => {
  test('dist/_headers lists the module, the data and the loader with their cache and type', async () => {
    const text = await readFile(join(DIST, '_headers'), 'utf8');
    const block = (path) => {
      const lines = text.split('\n');
      const at = lines.indexOf(path);
      assert.ok(at >= 0, `_headers has a block for ${path}`);
      const own = [];
      for (let i = at + 1; i < lines.length && /^\s/.test(lines[i]); i++) own.push(lines[i].trim());
      return own;
    };
    assert.deepEqual(block(`/${files['province_targets_bg.wasm'].path}`),
      ['Cache-Control: public, max-age=31536000, immutable', 'Content-Type: application/wasm']);
    assert.deepEqual(block(`/${files['targets.json'].path}`),
      ['Cache-Control: public, max-age=31536000, immutable', 'Content-Type: application/json; charset=utf-8']);
    assert.match(block('/province-targets.js')[0], /^Cache-Control: public, max-age=300, stale-while-revalidate=/);
    assert.ok(block('/*').includes('Access-Control-Allow-Origin: *'), 'every file may be read from another origin');
    assert.ok(block('/*').includes('X-Content-Type-Options: nosniff'));
  });

  test('the module: application/wasm, immutable, brotli when asked, gzip otherwise, the built bytes', async () => {
    const module = files['province_targets_bg.wasm'];
    const built = await readFile(join(DIST, module.path));
    const br = await get(module.path, 'gzip, deflate, br');
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-type'], 'application/wasm');
    assert.match(br.headers['cache-control'], IMMUTABLE);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['vary'], 'Accept-Encoding');
    assert.equal(br.headers['access-control-allow-origin'], '*');
    assert.ok(br.body.length < built.length * 0.5, `brotli: ${br.body.length} of ${built.length} bytes`);
    assert.ok(brotliDecompressSync(br.body).equals(built), 'the brotli copy is the module');

    const gz = await get(module.path, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(gz.body).equals(built), 'the gzip copy is the module');
    assert.ok(br.body.length < gz.body.length, 'brotli is the smaller');

    const plain = await get(module.path, 'identity');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.equals(built));
  });

  test('the loader: short cache, revalidated with a 304; the data: immutable under its hash', async () => {
    const loader = await get('province-targets.js', 'br');
    assert.match(loader.headers['cache-control'], SHORT);
    assert.equal(loader.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.ok(loader.headers.etag, 'an ETag to revalidate with');
    const again = await fetch(`${server.url}province-targets.js`, {
      headers: { 'accept-encoding': 'br', 'if-none-match': loader.headers.etag }
    });
    assert.equal(again.status, 304);
    const data = await get(files['targets.json'].path, 'br');
    assert.match(data.headers['cache-control'], IMMUTABLE);
    assert.equal(data.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(data.headers['content-encoding'], 'br');
  });
});

/**
 * An article server on its own origin, as a newsroom's site is to the CDN: each path is an article page that
 * embeds the widget from `server` by the loader `loader` (a path on the CDN).
 */
async function articleSite(loader = 'province-targets.js', attributes = '') {
  const site = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Bài ${req.url}</title></head>
<body><main><h1>Bài ${req.url}</h1><p>Đoạn mở đầu.</p>
<script src="${server.url}${loader}" data-theme="light"${attributes}></script><p>Đoạn sau.</p></main></body></html>`);
  });
  await new Promise((ok) => site.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${site.address().port}/`,
    close: () => new Promise((ok) => {
      site.closeAllConnections?.();
      site.close(() => ok());
    })
  };
}

/** Requests the CDN server saw, per path, since `before` (a copy of its counters). */
const seen = (before) => {
  const now = new Map(server.requests);
  for (const [path, n] of before) now.set(path, now.get(path) - n);
  return [...now].filter(([, n]) => n > 0).map(([path]) => path).sort();
};

describe('a reader: the hashed files, and a second article from the warm cache', () => {
  test('the first article fetches the loader and the hashed module and data; the second fetches nothing', async () => {
    const site = await articleSite();
    // No page.route here: Playwright turns the HTTP cache off for a page that routes requests.
    const { ctx, page, log } = await openPage(browser, null, { viewport: { width: 360, height: 800 } });
    try {
      let mark = new Map(server.requests);
      await page.goto(`${site.url}first`, { waitUntil: 'load' });
      await waitForChart(page, 0);
      assert.deepEqual(seen(mark), ['/province-targets.js', `/${files['province_targets_bg.wasm'].path}`,
        `/${files['targets.json'].path}`].sort(), 'the loader names the content-hashed files');
      const wasm = await page.evaluate((name) =>
        performance.getEntriesByType('resource').find((e) => e.name.endsWith(name))?.transferSize,
      files['province_targets_bg.wasm'].path);
      assert.ok(wasm > 0 && wasm < 120000, `the module came compressed (${wasm} bytes on the wire)`);

      mark = new Map(server.requests);
      await page.goto(`${site.url}second`, { waitUntil: 'load' });
      const widget = await waitForChart(page, 0);
      assert.deepEqual(seen(mark), [], 'a second article draws from the browser cache: no request reaches the CDN');
      assert.ok((await widget.locator('.pt-mark').count()) > 0, 'the chart has its marks');
      await screenshot(page, 'deploy-second-article-360.png');
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
      await site.close();
    }
  });

  test('the content-hashed loader, pinned with its integrity from another origin, draws the chart', async () => {
    const pinned = files['province-targets.js'];
    const site = await articleSite(pinned.path, ` integrity="${pinned.integrity}" crossorigin="anonymous"`);
    const { ctx, page, log } = await openPage(browser, null);
    try {
      const mark = new Map(server.requests);
      await page.goto(site.url, { waitUntil: 'load' });
      await waitForChart(page, 0);
      assert.deepEqual(seen(mark), [`/${pinned.path}`, `/${files['province_targets_bg.wasm'].path}`,
        `/${files['targets.json'].path}`].sort());
      assert.deepEqual(log.errors, []);
    } finally {
      await ctx.close();
      await site.close();
    }
  });
});
