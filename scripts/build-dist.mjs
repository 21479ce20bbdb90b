// Assembles dist/ from pkg/ (wasm-pack output, already through wasm-opt), www/ and data/:
//   province-targets.js   one classic script, bundled and minified by esbuild: the loader (www/province-targets.js),
//                         the wasm-bindgen glue with its snippet (src/web/patch.js, under snippets/), and
//                         www/widget.css minified by esbuild and inlined as a string; the embed contract (option
//                         names, values, version) from `province-targets embed-contract` injected with `define`
//   province_targets_bg.<hash>.wasm   the module, named by its content (cached for a year, immutable)
//   targets.<hash>.json   data/targets.json, checked to parse and written without whitespace, named by its content
//   targets.json          the same bytes under the dataset's stable public URL (the builder, peers, newsrooms)
//   province-targets.<hash>.js   the loader under its content name too, for an article that pins a version
//   province_targets_sheet.<hash>.js, province_targets_sheet_bg.<hash>.wasm   the builder's sheet module:
//                         its glue bundled by esbuild into one ES module, which builder.js imports only when an
//                         editor drops a CSV; never part of an embed
//   files.json            each logical file name -> { path, integrity }: what the loader names, for tests and tools
//   province-targets.d.ts the element's API for TypeScript (copied from www/)
//   story.html/.css/.js   the scrollytelling demo: one sticky chart driven by the page's steps through the API
//   index.html, demo.css  the demo article; builder.html/.js/.css, demo.js: the embed builder
//   frame.html (+ frame.<hash>.js/.css), frame-resizer.js   the iframe embed and its host page's resizer
//   SIZES.txt             raw and gzip -9 size of each file, and what one embed downloads (3 requests)
// Usage: node scripts/build-dist.mjs [--pkg DIR] [--out DIR] [--contract FILE]
//   --contract defaults to DIR/embed-contract.json (scripts/build.sh writes it there).
import { mkdir, readdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { renameGlue, shortenBoundaryNames } from './short-names.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? resolve(args[i + 1]) : fallback;
};
const pkg = opt('--pkg', join(root, 'pkg'));
const out = opt('--out', join(root, 'dist'));
const contractFile = opt('--contract', join(pkg, 'embed-contract.json'));
const www = join(root, 'www');

/** The import of the glue in www/loader/module.js, which the build points at --pkg. */
const GLUE_IMPORT = '../../pkg/province_targets.js';
/** The identifier the loader reads the embed contract from, replaced by the contract itself. */
const CONTRACT_NAME = '__PT_EMBED__';
/**
 * The identifier the loader reads the Subresource Integrity hashes of the module and the bundled data from:
 * both are written to dist/ before the loader is bundled, so their hashes go into it.
 */
const INTEGRITY_NAME = '__PT_INTEGRITY__';
/**
 * The identifier the loader reads the content-hashed names of the module and the bundled data from:
 * the loader keeps one stable, short-cached URL and names files that never change under their URL.
 */
const HASHED_NAMES_NAME = '__PT_HASHED_NAMES__';
/** The placeholder in www/builder.js that the loader's own hash replaces, for the embed code's integrity="". */
const LOADER_INTEGRITY_PLACEHOLDER = '__PT_LOADER_INTEGRITY__';
/** The placeholder in www/builder.js that the loader's content-hashed name replaces: the embed code pins it. */
const LOADER_PATH_PLACEHOLDER = '__PT_LOADER_PATH__';
/** The placeholders in www/builder.js that the sheet module's content-hashed glue and .wasm names replace. */
const SHEET_GLUE_PLACEHOLDER = '__PT_SHEET_GLUE_PATH__';
const SHEET_WASM_PLACEHOLDER = '__PT_SHEET_WASM_PATH__';
/** The placeholder in www/builder.js for the module's limits on an editor's words (the contract's max_chars). */
const TEXT_LIMITS_PLACEHOLDER = '__PT_TEXT_LIMITS__';

/** The placeholders in www/builder.js for the iframe embed's pinned page and the host page's resizer. */
const FRAME_PATH_PLACEHOLDER = '__PT_FRAME_PATH__';
const RESIZER_PATH_PLACEHOLDER = '__PT_RESIZER_PATH__';
const RESIZER_INTEGRITY_PLACEHOLDER = '__PT_RESIZER_INTEGRITY__';

/**
 * The iframe embed, for CMSes that strip <script> from an article: frame.html shows one chart named by its URL's
 * query and sends its height to the host page, whose optional frame-resizer.js fits the frame. The page loads
 * the pinned loader and its own script and stylesheet, each under its content name with its integrity (filled
 * into www/frame.html's placeholders), and is itself published under its content name (what the builder's code
 * pins) and as frame.html (the latest). Returns their files.json entries.
 */
async function writeFrameEmbed(loader) {
  const entries = {};
  const publish = async (name, bytes, { stable = false } = {}) => {
    entries[name] = { path: hashedName(name, bytes), integrity: sri(bytes) };
    await writeFile(join(out, entries[name].path), bytes);
    if (stable) await writeFile(join(out, name), bytes);
  };
  await publish('frame.js', await readFile(join(www, 'frame.js')));
  await publish('frame.css', await readFile(join(www, 'frame.css')));
  await publish('frame-resizer.js', await readFile(join(www, 'frame-resizer.js')), { stable: true });
  let page = await readFile(join(www, 'frame.html'), 'utf8');
  for (const [placeholder, value] of [
    ['__PT_LOADER_PATH__', loader.path], ['__PT_LOADER_INTEGRITY__', loader.integrity],
    ['__PT_FRAME_SCRIPT_PATH__', entries['frame.js'].path], ['__PT_FRAME_SCRIPT_INTEGRITY__', entries['frame.js'].integrity],
    ['__PT_FRAME_CSS_PATH__', entries['frame.css'].path], ['__PT_FRAME_CSS_INTEGRITY__', entries['frame.css'].integrity]
  ]) {
    if (!page.includes(placeholder)) fail(`www/frame.html lacks ${placeholder}`);
    page = page.split(placeholder).join(value);
  }
  await publish('frame.html', Buffer.from(page), { stable: true });
  return entries;
}

/** A Subresource Integrity value: sha384, base64, as the integrity attribute and fetch option want it. */
export function sri(bytes) {
  return 'sha384-' + createHash('sha384').update(bytes).digest('base64');
}
/**
 * `name` with the content hash of `bytes` before its extension: targets.json -> targets.0123456789ab.json.
 * 12 hex digits (48 bits) of the same sha384 as the integrity: no two builds a newsroom keeps will collide.
 */
export function hashedName(name, bytes) {
  const dot = name.lastIndexOf('.');
  const hash = createHash('sha384').update(bytes).digest('hex').slice(0, 12);
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

/**
 * The browsers that run the module (its WebAssembly features: scripts/build.sh); esbuild lowers any newer
 * syntax in the loader, the glue and the CSS for them.
 */
const BROWSERS = ['chrome91', 'edge91', 'firefox79', 'safari15'];

/** How esbuild bundles both the loader and the builder's sheet module: minified, for BROWSERS, in memory. */
const BUNDLING = {
  bundle: true,
  minify: true,
  target: BROWSERS,
  charset: 'utf8',
  legalComments: 'none',
  write: false,
  logLevel: 'silent'
};

function fail(message) {
  console.error(`build-dist: ${message}`);
  process.exit(1);
}

// esbuild, from tools/node_modules (npm ci --prefix tools, which make setup runs).
function loadEsbuild() {
  try {
    return createRequire(join(root, 'tools', 'package.json'))('esbuild');
  } catch (error) {
    fail(`cannot load esbuild from tools/node_modules (${error.message}): run make setup`);
  }
}

/**
 * The loader's leading "/*! … *\/" licence banner, verbatim; it goes back in as esbuild's banner, ahead of the
 * bundle.
 */
function bannerOf(js) {
  const m = /^\/\*![\s\S]*?\*\//.exec(js);
  if (!m) fail('www/province-targets.js must start with its /*! licence banner */');
  return m[0];
}

/** The loader's source: its entry and every module of www/loader/, as one text (for the EMBED.<key> it reads). */
async function loaderSources(entry) {
  const dir = join(www, 'loader');
  const modules = (await readdir(dir)).filter((name) => name.endsWith('.js')).sort();
  const texts = [await readFile(entry, 'utf8')];
  for (const name of modules) texts.push(await readFile(join(dir, name), 'utf8'));
  return texts.join('\n');
}

/**
 * The part of the embed contract the loader reads (every EMBED.<key>), checked to be there (tests/cli.rs
 * checks the same from the Rust side).
 */
async function readContract(loader) {
  let contract;
  try {
    contract = JSON.parse(await readFile(contractFile, 'utf8'));
  } catch (error) {
    fail(`cannot read the embed contract ${contractFile} (province-targets embed-contract): ${error.message}`);
  }
  const used = [...new Set([...loader.matchAll(/\bEMBED\.(\w+)/g)].map((m) => m[1]))];
  const missing = used.filter((key) => contract[key] === undefined);
  if (missing.length) fail(`the embed contract lacks ${missing.join(', ')}, which the loader reads`);
  // Only what the loader reads goes into the script.
  return Object.fromEntries(used.sort().map((key) => [key, contract[key]]));
}

/**
 * The __wbg…/__wbindgen… names the glue uses as property names (import object keys, wasm.__wbindgen_malloc,
 * obj.__wbg_ptr): the .wasm refers to these by name, so minification must leave every one of them.
 */
function boundaryNames(code) {
  const names = new Set();
  for (const m of code.matchAll(/(\.\s*)?\b(__wbg[\w$]*|__wbindgen[\w$]*)\b(\s*:)?/g)) {
    if (m[1] || m[3]) names.add(m[2]);
  }
  return [...names].sort();
}

/**
 * Resolves the loader's import of the glue to --pkg (to `glueText`, the glue already bundled with its snippets
 * and renamed to the module's short names, when given), and imports CSS as minified text.
 */
function plugins(esbuild, glueText) {
  const glue = {
    name: 'glue-from-pkg',
    setup(build) {
      build.onResolve({ filter: /province_targets\.js$/ }, (a) =>
        a.path === GLUE_IMPORT ? { path: join(pkg, 'province_targets.js'), namespace: glueText ? 'glue' : 'file' }
          : undefined);
      build.onLoad({ filter: /.*/, namespace: 'glue' }, () => ({ contents: glueText, loader: 'js', resolveDir: pkg }));
    }
  };
  const cssText = {
    name: 'css-as-minified-text',
    setup(build) {
      build.onLoad({ filter: /\.css$/ }, async (a) => {
        const css = await esbuild.transform(await readFile(a.path, 'utf8'),
          { loader: 'css', minify: true, target: BROWSERS, charset: 'utf8', sourcefile: a.path });
        return { contents: css.code.trimEnd(), loader: 'text', warnings: css.warnings };
      });
    }
  };
  return [glue, cssText];
}

/** esbuild's messages, one per line, with file and line. */
function describe(messages) {
  return messages.map((m) => (m.location ? `${m.location.file}:${m.location.line}: ` : '') + m.text).join('\n  ');
}

/**
 * The bundle, run in a bare context as a page would run it, finds the module and reads JSON: the glue links
 * the .wasm (every import it asks for is there) after minification.
 */
async function checkBundle(code, wasmBytes) {
  const context = {
    document: { currentScript: null, baseURI: 'http://localhost/' },
    console, URL, Response, WebAssembly, TextDecoder, TextEncoder, FinalizationRegistry,
    fetch: async () => new Response(wasmBytes, { headers: { 'content-type': 'application/wasm' } }),
    // The loader listens for the module's traps on window 'error'; nothing is dispatched here.
    addEventListener: () => {}
  };
  context.window = context;
  try {
    runInNewContext(code, context, { filename: 'province-targets.js' });
    const api = context.window.ProvinceTargets;
    if (!api || typeof api.load !== 'function') throw new Error('no window.ProvinceTargets.load');
    const mod = await api.load();
    if (mod.read_data(JSON.parse('{"schema_version": 1}')).syntax_error('en') !== undefined) {
      throw new Error('read_data() failed');
    }
    return api.version;
  } catch (error) {
    const detail = error?.params?.detail ? ` (${error.params.detail})` : '';
    fail(`the bundled loader does not work with the module: ${error?.message ?? error}${detail}`);
  }
}

/**
 * The builder's sheet module (scripts/build.sh stages it in --pkg's sheet/): its glue and snippets
 * bundled into one minified ES module, which builder.js imports dynamically, and the .wasm beside it, both
 * under content-hashed names. Returns their files.json entries.
 */
async function writeSheetModule(esbuild) {
  const dir = join(pkg, 'sheet');
  const gluePath = join(dir, 'province_targets_sheet.js');
  let wasm;
  try {
    wasm = await readFile(join(dir, 'province_targets_sheet_bg.wasm'));
  } catch {
    fail(`${dir}/province_targets_sheet_bg.wasm is missing: scripts/build.sh builds it (--features sheet)`);
  }
  let result;
  try {
    result = await esbuild.build({
      ...BUNDLING,
      entryPoints: [gluePath],
      format: 'esm'
    });
  } catch (error) {
    fail(`esbuild failed on the sheet module's glue:\n  ${describe(error.errors ?? [{ text: String(error) }])}`);
  }
  const built = result.outputFiles[0].text;
  if (/snippets\//.test(built)) fail('the sheet module\'s bundle still imports a snippet at run time');
  const lost = boundaryNames(await readFile(gluePath, 'utf8')).filter((k) => !boundaryNames(built).includes(k));
  if (lost.length) fail(`bundling the sheet module's glue lost the names ${lost.join(', ')}`);
  const files = {};
  for (const [name, bytes] of [['province_targets_sheet.js', Buffer.from(built)],
    ['province_targets_sheet_bg.wasm', wasm]]) {
    files[name] = { path: hashedName(name, bytes), integrity: sri(bytes) };
    await writeFile(join(out, files[name].path), bytes);
  }
  return files;
}

async function main() {
  for (const f of ['province_targets.js', 'province_targets_bg.wasm']) {
    try {
      await readFile(join(pkg, f));
    } catch {
      fail(`${join(pkg, f)} is missing: run wasm-pack first (make build)`);
    }
  }

  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  // The dataset, minified; a file that does not parse stops the build.
  const dataText = await readFile(join(root, 'data', 'targets.json'), 'utf8');
  let data;
  try {
    data = JSON.parse(dataText);
  } catch (error) {
    fail(`data/targets.json is not valid JSON: ${error.message}`);
  }
  const dataBytes = Buffer.from(JSON.stringify(data));
  // The module with short import and export names, and esbuild's options that give the glue the same ones.
  let shortNames;
  try {
    const features = (await readFile(join(pkg, 'wasm-features.txt'), 'utf8')).split(/\s+/).filter(Boolean);
    shortNames = await shortenBoundaryNames(join(pkg, 'province_targets_bg.wasm'),
      join(root, 'tools', 'node_modules', '.bin', 'wasm-opt'), features);
  } catch (error) {
    fail(`renaming the module's imports and exports failed: ${error.message}`);
  }
  const wasmBytes = shortNames.bytes;

  // The module and the data, before the loader, under names made of their content: their hashes and names go
  // into the loader (Subresource Integrity, content-hashed names). The dataset keeps its
  // stable name too: the builder, the benchmark's peers and newsrooms' own copies read it there.
  const files = {};
  for (const [name, bytes] of [['province_targets_bg.wasm', wasmBytes], ['targets.json', dataBytes]]) {
    files[name] = { path: hashedName(name, bytes), integrity: sri(bytes) };
    await writeFile(join(out, files[name].path), bytes);
  }
  await writeFile(join(out, 'targets.json'), dataBytes);
  const integrity = Object.fromEntries(Object.entries(files).map(([name, f]) => [name, f.integrity]));
  const hashedNames = Object.fromEntries(Object.entries(files).map(([name, f]) => [name, f.path]));

  // The loader, the glue and the sheet, in one script.
  const esbuild = loadEsbuild();
  let renamedGlue;
  try {
    renamedGlue = await renameGlue(esbuild, join(pkg, 'province_targets.js'), shortNames.renamed,
      { target: BROWSERS, charset: 'utf8', legalComments: 'none', logLevel: 'silent' });
  } catch (error) {
    fail(`esbuild failed renaming the glue:\n  ${describe(error.errors ?? [{ text: String(error) }])}`);
  }
  const loaderPath = join(www, 'province-targets.js');
  const loader = await readFile(loaderPath, 'utf8');
  const contract = await readContract(await loaderSources(loaderPath));
  let result;
  try {
    result = await esbuild.build({
      ...BUNDLING,
      entryPoints: [loaderPath],
      format: 'iife',
      // The glue is an ES module, written for strict mode: the whole script is strict.
      banner: { js: `${bannerOf(loader)}\n"use strict";` },
      define: {
        [CONTRACT_NAME]: JSON.stringify(contract),
        [INTEGRITY_NAME]: JSON.stringify(integrity),
        [HASHED_NAMES_NAME]: JSON.stringify(hashedNames)
      },
      plugins: plugins(esbuild, renamedGlue),
      // The glue's default .wasm URL uses import.meta.url, which a classic script lacks; the loader always
      // passes the .wasm itself, so that path never runs.
      logOverride: { 'empty-import-meta': 'silent' }
    });
  } catch (error) {
    fail(`esbuild failed:\n  ${describe(error.errors ?? [{ text: String(error) }])}`);
  }
  if (result.warnings.length) fail(`esbuild warned:\n  ${describe(result.warnings)}`);
  const built = result.outputFiles[0].text;
  if (new RegExp(`\\b${CONTRACT_NAME}\\b`).test(built)) fail(`${CONTRACT_NAME} was not replaced by the contract`);
  for (const name of [INTEGRITY_NAME, HASHED_NAMES_NAME]) {
    if (new RegExp(`\\b${name}\\b`).test(built)) fail(`${name} was not replaced at build time`);
  }
  for (const [file, { path, integrity: hash }] of Object.entries(files)) {
    if (!built.includes(hash)) fail(`the bundle lacks the integrity hash of ${file}`);
    if (!built.includes(path)) fail(`the bundle lacks the content-hashed name of ${file} (${path})`);
  }
  if (/snippets\/|import\s*\(/.test(built)) fail('the bundle still imports something at run time');
  const glue = await readFile(join(pkg, 'province_targets.js'), 'utf8');
  // Every boundary name of the glue is either renamed as the module's was, or kept (the glue's own helpers).
  const builtNames = boundaryNames(built);
  const renamed = new Set(Object.keys(shortNames.renamed));
  const lost = boundaryNames(glue).filter((k) => !renamed.has(k) && !builtNames.includes(k));
  if (lost.length) fail(`bundling the glue lost the names ${lost.join(', ')}`);
  const unrenamed = builtNames.filter((k) => renamed.has(k));
  if (unrenamed.length) fail(`the bundle still names ${unrenamed.join(', ')}, which the module no longer has`);
  await writeFile(join(out, 'province-targets.js'), built);
  Object.assign(files, await writeSheetModule(esbuild));
  files['province-targets.js'] = { path: hashedName('province-targets.js', built), integrity: sri(Buffer.from(built)) };
  await writeFile(join(out, files['province-targets.js'].path), built);
  const version = await checkBundle(built, wasmBytes);
  if (version !== contract.version) fail(`the bundle says version ${version}, the contract ${contract.version}`);

  await copyFile(join(www, 'index.html'), join(out, 'index.html'));
  await copyFile(join(www, 'demo.css'), join(out, 'demo.css'));
  // The scrollytelling demo: its page, stylesheet and script (no inline script: the demo runs under strict CSP).
  for (const name of ['story.html', 'story.css', 'story.js']) await copyFile(join(www, name), join(out, name));
  // The element's TypeScript declarations, beside the script they describe, for a newsroom developer's editor.
  await copyFile(join(www, 'province-targets.d.ts'), join(out, 'province-targets.d.ts'));

  Object.assign(files, await writeFrameEmbed(files['province-targets.js']));

  // ---- the embed builder (builder.html/.js/.css) and the demo's URL-fragment script (demo.js) ----
  for (const name of ['builder.html', 'builder.css', 'demo.js']) {
    await copyFile(join(www, name), join(out, name));
  }
  // The builder's embed code pins the loader's content-hashed name with its integrity="":
  // both known only now. Integrity on the stable name would break every pasted article at the next release.
  const builder = await readFile(join(www, 'builder.js'), 'utf8');
  const { max_chars: textLimits } = JSON.parse(await readFile(contractFile, 'utf8'));
  if (!textLimits) fail(`the embed contract ${contractFile} lacks max_chars, which the builder's fields need`);
  const replacements = [
    [LOADER_INTEGRITY_PLACEHOLDER, files['province-targets.js'].integrity],
    [LOADER_PATH_PLACEHOLDER, files['province-targets.js'].path],
    [SHEET_GLUE_PLACEHOLDER, files['province_targets_sheet.js'].path],
    [SHEET_WASM_PLACEHOLDER, files['province_targets_sheet_bg.wasm'].path],
    [TEXT_LIMITS_PLACEHOLDER, JSON.stringify(textLimits)],
    [FRAME_PATH_PLACEHOLDER, files['frame.html'].path],
    [RESIZER_PATH_PLACEHOLDER, files['frame-resizer.js'].path],
    [RESIZER_INTEGRITY_PLACEHOLDER, files['frame-resizer.js'].integrity]
  ];
  let builderOut = builder;
  for (const [placeholder, value] of replacements) {
    if (!builder.includes(placeholder)) fail(`www/builder.js lacks ${placeholder}`);
    builderOut = builderOut.split(placeholder).join(value);
  }
  await writeFile(join(out, 'builder.js'), builderOut);
  // ---- end of the embed builder ----
  await writeFile(join(out, 'files.json'), JSON.stringify(files, null, 2) + '\n');

  await writeSizes(files);
}

async function writeSizes(files) {
  const embed = ['province-targets.js', files['province_targets_bg.wasm'].path, files['targets.json'].path];
  const demo = ['index.html', 'demo.css'];
  const sheet = [files['province_targets_sheet.js'].path, files['province_targets_sheet_bg.wasm'].path];
  const rows = [];
  const total = [0, 0, 0];
  for (const name of [...embed, ...demo, ...sheet]) {
    const bytes = await readFile(join(out, name));
    const sizes = [
      bytes.length,
      gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length,
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length
    ];
    rows.push([name, sizes]);
    if (embed.includes(name)) sizes.forEach((n, i) => (total[i] += n));
  }
  const kb = (n) => (n / 1024).toFixed(1).padStart(6) + ' KiB';
  const cells = (sizes) => sizes.map((n) => `${String(n).padStart(8)} B ${kb(n)}`).join('');
  const pad = Math.max(...rows.map((r) => r[0].length), 'embed total'.length) + 2;
  const lines = [
    'file'.padEnd(pad) + '      raw'.padStart(20) + '   gzip -9'.padStart(20) + ' brotli 11'.padStart(20),
    ...rows.map(([name, sizes]) => name.padEnd(pad) + cells(sizes)),
    '-'.repeat(pad + 60),
    'embed total'.padEnd(pad) + cells(total),
    '',
    `An embed downloads: ${embed.join(', ')} (gzip -9 = zlib level 9; brotli 11, as a CDN serves it).`,
    'index.html and demo.css belong to the demo article only.',
    'province_targets_sheet.* is the builder\'s sheet module, loaded only when an editor drops a CSV.',
    ''
  ];
  await writeFile(join(out, 'SIZES.txt'), lines.join('\n'));
  process.stdout.write(lines.map((l) => (l ? '   ' + l : l)).join('\n'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
