// A small static server for dist/ (the demo and the end-to-end tests).
//   node scripts/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--csp] [--quiet]
// Port 0 picks a free port; the first line printed is "Serving <root> at http://host:port/".
// --csp adds: Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// Files are served gzip-compressed when the client accepts it (text types and .wasm), with CORS open, because
// a newsroom's article page loads the widget from another origin.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2'
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.csv', '.map']);

/**
 * Starts the server; resolves to { server, url, port, requests, close() }. `requests` counts requests per path,
 * for tests that check a file is fetched once.
 */
export async function startServer({ root = 'dist', port = 0, host = '127.0.0.1', csp = false, quiet = true } = {}) {
  const base = resolve(root);
  const gzCache = new Map();
  const requests = new Map();

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
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-cache');
    if (csp) res.setHeader('Content-Security-Policy', CSP);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');

    let file = join(base, path);
    if (file !== base && !file.startsWith(base + sep)) return send(res, 403, 'forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const ext = extname(file).toLowerCase();
      res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
      res.setHeader('Vary', 'Accept-Encoding');
      let payload = body;
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        const key = `${file}:${body.length}:${(await stat(file)).mtimeMs}`;
        payload = gzCache.get(key) ?? gzipSync(body, { level: 9 });
        gzCache.set(key, payload);
        res.setHeader('Content-Encoding', 'gzip');
      }
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
