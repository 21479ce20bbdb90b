// Makes dist/ ready for a static host or CDN, once every file is in it (scripts/build.sh runs it last):
//   dist/_headers      the response headers of every file, in the Netlify / Cloudflare Pages format; the demo
//                      server (scripts/serve.mjs) sends the same, and docs/DEPLOY.md translates them for others
//   <file>.br, .gz     brotli (quality 11) and gzip -9 copies of every text and .wasm file, for servers that send
//                      precompressed files by Accept-Encoding (serve.mjs, nginx's *_static, Caddy's precompressed)
// Usage: node scripts/build-cdn.mjs [--out DIR]   (default dist/)
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Files whose names carry their content hash: they never change under their URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Stable URLs (the loader, the public dataset, the static fallbacks): a release reaches readers within five
 * minutes, and for a day after that a stale copy is still shown at once while the new one is fetched.
 */
export const SHORT = 'public, max-age=300, stale-while-revalidate=86400';
/** The demo article and the builder: always asked again (a 304 when unchanged). */
export const REVALIDATE = 'no-cache';

/** Content types; application/wasm is what lets the browser compile the module while it downloads. */
export const TYPES = {
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
/** What is worth compressing: text and the module (PNG and fonts are compressed already). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.csv', '.map']);

/**
 * Headers for every path (`/*`). CORS is open and resources may be embedded cross-origin because a
 * newsroom's article on another origin loads the loader (with crossorigin="anonymous" for its integrity), the
 * module and the data; Timing-Allow-Origin lets that article's own measurements see our sizes and timings;
 * nosniff makes browsers trust the Content-Type below, never a guess.
 */
export const EVERY_PATH = [
  ['Access-Control-Allow-Origin', '*'],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Timing-Allow-Origin', '*'],
  ['X-Content-Type-Options', 'nosniff']
];

/** A content-hashed name, as scripts/build-dist.mjs writes them: name.<12 hex digits>.ext */
const HASHED = /\.[0-9a-f]{12}\.[a-z0-9]+$/;
/** Pages a person opens (not embeds): always revalidated. */
const PAGES = new Set(['.html']);
/** The files of the build itself, which are not served. */
const NOT_SERVED = new Set(['_headers']);

/** Every file under `dir`, as URL paths ("/static/ai-centre.svg"), sorted, without the compressed copies. */
async function servedPaths(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => '/' + relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .filter((p) => !p.endsWith('.br') && !p.endsWith('.gz') && !NOT_SERVED.has(p.slice(1)))
    .sort();
}

/** The Cache-Control of one path. */
export function cacheControlOf(path) {
  if (HASHED.test(path)) return IMMUTABLE;
  if (PAGES.has(extname(path)) || /^\/builder\.|^\/demo\./.test(path)) return REVALIDATE;
  return SHORT;
}

/**
 * The _headers text: `/*` with the headers every path gets, then one block per file with its own Cache-Control
 * and Content-Type. Every file is listed by its exact path, and no header is set by two blocks that match the
 * same path: Netlify and Cloudflare Pages would join the two values with a comma.
 */
export function headersText(paths) {
  const lines = [
    '# Response headers of every file in this directory (Netlify / Cloudflare Pages _headers format).',
    '# Written by scripts/build-cdn.mjs; docs/DEPLOY.md says what each means and how to set them elsewhere.',
    '/*',
    ...EVERY_PATH.map(([name, value]) => `  ${name}: ${value}`)
  ];
  for (const path of paths) {
    const type = TYPES[extname(path)];
    const block = [`  Cache-Control: ${cacheControlOf(path)}`, ...(type ? [`  Content-Type: ${type}`] : [])];
    // A folder's index.html is also asked for by the folder's own URL ("/"), which the host matches as written.
    if (path.endsWith('/index.html')) lines.push(path.slice(0, -'index.html'.length), ...block);
    lines.push(path, ...block);
  }
  return lines.join('\n') + '\n';
}

async function main() {
  const args = process.argv.slice(2);
  const i = args.indexOf('--out');
  const out = i >= 0 ? resolve(args[i + 1]) : join(root, 'dist');
  const paths = await servedPaths(out);
  let raw = 0;
  let br = 0;
  let gz = 0;
  let compressed = 0;
  for (const path of paths.filter((p) => COMPRESSIBLE.has(extname(p)))) {
    const file = join(out, path);
    const bytes = await readFile(file);
    const brotli = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
      }
    });
    const gzip = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
    await writeFile(`${file}.br`, brotli);
    await writeFile(`${file}.gz`, gzip);
    raw += bytes.length;
    br += brotli.length;
    gz += gzip.length;
    compressed++;
  }
  await writeFile(join(out, '_headers'), headersText(paths));
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`   ${paths.length} files in _headers; ${compressed} precompressed: ${kb(raw)} -> br ${kb(br)}, gz ${kb(gz)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
