// A small static server for dist/ (the demo, the end-to-end tests and the benchmark's reader-facing numbers).
//   node scripts/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--csp] [--quiet]
// Port 0 picks a free port; the first line printed is "Serving <root> at http://host:port/".
// --csp adds: Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// It answers as the CDN would: the headers of <root>/_headers (written by scripts/build-cdn.mjs, in
// the Netlify / Cloudflare Pages format), the precompressed <file>.br or <file>.gz the client accepts, an ETag
// and 304 for a revalidation. A file without a precompressed copy (a test's fixture) is gzipped on the fly.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPRESSIBLE, EVERY_PATH, TYPES } from './build-cdn.mjs';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * The rules of a _headers file: [{ pattern: RegExp, headers: [[name, value]] }], in file order. A path line
 * starts at column 0; `*` matches any characters (a "splat"); indented "Name: value" lines belong to it.
 */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else if (rules.length) {
      const colon = line.indexOf(':');
      if (colon > 0) rules.at(-1).headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/**
 * The headers of `path` under `rules`: every matching rule in order; a header set by two rules gets both values
 * joined by a comma, as Cloudflare Pages does (build-cdn.mjs never writes such a pair).
 */
export function headersFor(rules, path) {
  const headers = new Map();
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers.set(key, headers.has(key) ? `${headers.get(key)}, ${value}` : value);
    }
  }
  return headers;
}

/** The encodings the client accepts (q > 0), from its Accept-Encoding header. */
export function acceptedEncodings(header) {
  const accepted = new Set();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}

/**
 * Starts the server; resolves to { server, url, port, requests, close() }. `requests` counts requests per path,
 * for tests that check a file is fetched once.
 */
export async function startServer({ root = 'dist', port = 0, host = '127.0.0.1', csp = false, quiet = true } = {}) {
  const base = resolve(root);
  const gzCache = new Map();
  const requests = new Map();
  // Without a _headers file (a folder that is not a build), every path still gets what dist/ would give it.
  let rules = [{ pattern: /^/, headers: EVERY_PATH }];
  try {
    rules = parseHeaders(await readFile(join(base, '_headers'), 'utf8'));
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }

  /** The precompressed copy of `file` in an encoding the client accepts, if there is one as new as the file. */
  async function precompressed(file, info, accepted) {
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!accepted.has(encoding)) continue;
      try {
        if ((await stat(file + suffix)).mtimeMs < info.mtimeMs) continue;
        return { encoding, body: await readFile(file + suffix) };
      } catch {
        // no copy in this encoding
      }
    }
    return null;
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'bad request');
    }
    requests.set(path, (requests.get(path) ?? 0) + 1);
    if (!quiet) console.log(`${req.method} ${path}`);
    const headers = headersFor(rules, path);
    // The path's headers hold for errors too (CORS lets another origin read a 404's status), but the type and
    // the cache time are the file's, set once it is found.
    const fileHeaders = new Set(['cache-control', 'content-type']);
    for (const [name, value] of headers) if (!fileHeaders.has(name)) res.setHeader(name, value);
    if (csp) res.setHeader('Content-Security-Policy', CSP);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');

    let file = join(base, path);
    if (file !== base && !file.startsWith(base + sep)) return send(res, 403, 'forbidden');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const ext = extname(file).toLowerCase();
      res.setHeader('Content-Type', headers.get('content-type') ?? TYPES[ext] ?? 'application/octet-stream');
      res.setHeader('Cache-Control', headers.get('cache-control') ?? 'no-cache');

      let payload;
      let encoding = null;
      if (COMPRESSIBLE.has(ext)) {
        res.setHeader('Vary', 'Accept-Encoding');
        const accepted = acceptedEncodings(req.headers['accept-encoding']);
        const copy = await precompressed(file, info, accepted);
        if (copy) {
          ({ encoding, body: payload } = copy);
        } else if (accepted.has('gzip')) {
          const key = `${file}:${info.size}:${info.mtimeMs}`;
          payload = gzCache.get(key) ?? gzipSync(await readFile(file), { level: 9 });
          gzCache.set(key, payload);
          encoding = 'gzip';
        }
      }
      // One ETag per file version and encoding: a revalidation (the loader after its five minutes) is a 304.
      const etag = `"${info.size.toString(36)}-${Math.round(info.mtimeMs).toString(36)}${encoding ? '-' + encoding : ''}"`;
      res.setHeader('ETag', etag);
      if (encoding) res.setHeader('Content-Encoding', encoding);
      if (req.headers['if-none-match'] === etag) return res.writeHead(304).end();
      payload ??= await readFile(file);
      res.setHeader('Content-Length', payload.length);
      res.writeHead(200);
      res.end(req.method === 'HEAD' ? undefined : payload);
    } catch (error) {
      // Browsers ask for /favicon.ico on their own; a demo without one should not log a 404 error.
      if (path === '/favicon.ico') return res.writeHead(204).end();
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return send(res, 404, `not found: ${path}`);
      return send(res, 500, 'server error');
    }
  });

  await new Promise((ok, ko) => {
    server.once('error', ko);
    server.listen(port, host, ok);
  });
  const actual = server.address().port;
  const url = `http://${host}:${actual}/`;
  return {
    server,
    url,
    port: actual,
    requests,
    close: () => new Promise((ok) => {
      server.closeAllConnections?.();
      server.close(() => ok());
    })
  };
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
  };
  const root = value('--root', 'dist');
  try {
    await stat(join(root, 'index.html'));
  } catch {
    console.error(`serve: ${root}/index.html not found; run make build first`);
    process.exit(1);
  }
  const csp = args.includes('--csp');
  const { url } = await startServer({
    root,
    port: Number(value('--port', process.env.PORT ?? 8080)),
    host: value('--host', '127.0.0.1'),
    csp,
    quiet: args.includes('--quiet')
  });
  console.log(`Serving ${root}/ at ${url}${csp ? ' (with the strict Content-Security-Policy header)' : ''}`);
  console.log('Press Ctrl+C to stop.');
}
