// Assembles dist/ from pkg/ (wasm-pack output, already through wasm-opt), www/ and data/:
//   province-targets.js   the loader, with www/widget.css (minified) inlined as a string, minified by terser
//   province_targets.js   the wasm-bindgen glue with its JS snippets (src/web/patch.js, guard.js) inlined, minified by terser
//                         (exports and __wbg_… names unchanged); dist/ has no snippets/ directory
//   province_targets_bg.wasm
//   targets.json          data/targets.json, checked to parse and written without whitespace
//   index.html, demo.css  the demo article
//   SIZES.txt             raw and gzip -9 size of each file, and what one embed downloads
// Usage: node scripts/build-dist.mjs [--pkg DIR] [--out DIR]
import { mkdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { gzipSync, constants } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? resolve(args[i + 1]) : fallback;
};
const pkg = opt('--pkg', join(root, 'pkg'));
const out = opt('--out', join(root, 'dist'));
const www = join(root, 'www');

const MARKER = "'__PT_WIDGET_CSS__'";

function fail(message) {
  console.error(`build-dist: ${message}`);
  process.exit(1);
}

/**
 * Removes comments and collapses whitespace. Strings (and backslash escapes) are copied as they are; a comment
 * counts as whitespace (two tokens with a comment between them stay two tokens). Outside strings, spaces next
 * to { } ; , > and before !important carry no meaning and go, as do spaces after ':' (a space before ':' is
 * kept: ".a :hover" differs from ".a:hover"). Parentheses keep their spaces ("and (" must not become the
 * function token "and("), and so do + and - (calc() needs them).
 */
export function minifyCss(css) {
  const parts = []; // [text, isString]
  let plain = '';
  let i = 0;
  const flush = () => {
    if (plain) parts.push([plain, false]);
    plain = '';
  };
  while (i < css.length) {
    const c = css[i];
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 2;
      plain += ' ';
      continue;
    }
    if (c === '\\') {
      flush();
      parts.push([css.slice(i, i + 2), true]);
      i += 2;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c && css[j] !== '\n') j += css[j] === '\\' ? 2 : 1;
      flush();
      parts.push([css.slice(i, j + 1), true]);
      i = j + 1;
      continue;
    }
    if (/\s/.test(c)) {
      while (i < css.length && /\s/.test(css[i])) i++;
      plain += ' ';
      continue;
    }
    plain += c;
    i++;
  }
  flush();
  // Squeeze the plain runs; a space next to a string or an escape is left as it was (after collapsing).
  const squeezed = parts.map(([text, verbatim]) =>
    verbatim
      ? text
      : text
          .replace(/ +/g, ' ')
          .replace(/ ?([{};,>]) ?/g, '$1')
          .replace(/ !/g, '!')
          .replace(/: /g, ':')
          .replace(/;}/g, '}'));
  return squeezed.join('').trim();
}

// terser, from tools/node_modules (npm ci --prefix tools, which make setup runs).
async function loadTerser() {
  try {
    return createRequire(join(root, 'tools', 'package.json'))('terser');
  } catch (error) {
    fail(`cannot load terser from tools/node_modules (${error.message}): run make setup`);
  }
}

/**
 * The loader's leading "/*! … *\/" licence banner, verbatim. It goes back in as terser's preamble: kept as a
 * comment, terser would rewrite its "</script>" as "<\/script>".
 */
function bannerOf(js) {
  const m = /^\/\*![\s\S]*?\*\//.exec(js);
  if (!m) fail('www/province-targets.js must start with its /*! licence banner */');
  return m[0];
}

/**
 * The loader is a classic script: no toplevel mangling (it is one IIFE anyway), and ecma 5 output so terser
 * introduces no syntax the source did not use (the loader must still run far enough in an old browser to say
 * it cannot show the chart). Property names are never mangled.
 */
const LOADER_OPTIONS = {
  ecma: 5,
  module: false,
  toplevel: false,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false, ascii_only: false }
};

/**
 * The wasm-bindgen glue is an ES module: module mode mangles top-level locals but never exports, and property
 * names (the import object's __wbg_… keys, instance.exports.…) are left alone. Exported classes keep their
 * names ("expected instance of Data"). Browsers that run the module (Chrome 91+, Firefox 79+, Safari 15+)
 * all have ES2020.
 */
const GLUE_OPTIONS = {
  ecma: 2020,
  module: true,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false, ascii_only: false }
};

async function minifyJs(terser, name, code, options) {
  let result;
  try {
    result = await terser.minify({ [name]: code }, { ...options, sourceMap: false });
  } catch (error) {
    const where = error.line ? ` (line ${error.line}, col ${error.col})` : '';
    fail(`terser failed on ${name}: ${error.message ?? error}${where}`);
  }
  return result.code + '\n';
}

/**
 * A module's exports as "name:typeof", plus the class name for classes (the glue's messages name them:
 * "expected instance of Data"), for comparing the glue before and after minification.
 */
async function exportShape(file) {
  const mod = await import(pathToFileURL(file).href);
  const isClass = (v) => typeof v === 'function' && /^class\b/.test(Function.prototype.toString.call(v));
  return Object.keys(mod).sort().map((k) => `${k}:${typeof mod[k]}${isClass(mod[k]) ? ':class ' + mod[k].name : ''}`);
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

/** The snippets the glue must import, each inlined into it (see inlineSnippets). */
const SNIPPETS = ['src/web/patch.js', 'src/web/guard.js'];

/**
 * Puts the glue's JS snippets (`#[wasm_bindgen(module = "/src/web/patch.js")]`, which wasm-pack writes to
 * snippets/<crate>-<hash>/src/web/patch.js) into the glue itself, so an embed makes no extra request and
 * dist/ needs no snippets/ directory. Each `import { a, b as c } from './snippets/….js';` becomes the
 * snippet's code in its own scope (no name can clash with the glue's), its `export function`/`export const`
 * declarations handed out as the imported names. Anything else (another import form, a snippet that imports
 * or exports otherwise, a missing or unknown snippet) stops the build.
 */
async function inlineSnippets(glue) {
  const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*(['"])\.\/(snippets\/[^'"]+)\2;?[ \t]*$/gm;
  const inlined = new Set();
  const pieces = [];
  let last = 0;
  for (const m of glue.matchAll(IMPORT)) {
    const rel = m[3];
    const which = SNIPPETS.find((s) => rel.endsWith('/' + s));
    if (!which) fail(`the glue imports an unknown snippet ${rel} (expected one of ${SNIPPETS.join(', ')})`);
    let code;
    try {
      code = await readFile(join(pkg, rel), 'utf8');
    } catch (error) {
      fail(`cannot read the glue's snippet ${join(pkg, rel)}: ${error.message}`);
    }
    if (/^\s*import\b/m.test(code)) fail(`the snippet ${which} imports something: it cannot be inlined`);
    const exported = [];
    code = code.replace(/^export\s+((?:async\s+)?function\s*\*?\s*|const\s+|let\s+|class\s+)([\w$]+)/gm,
      (_, keyword, name) => {
        exported.push(name);
        return keyword + name;
      });
    if (/^\s*export\b/m.test(code)) fail(`the snippet ${which} has an export other than a function or const`);
    const bindings = m[1].split(',').map((s) => s.trim()).filter(Boolean).map((spec) => {
      const [name, local = name] = spec.split(/\s+as\s+/);
      if (!exported.includes(name)) fail(`the glue imports ${name} from ${which}, which does not export it`);
      return name === local ? name : `${name}: ${local}`;
    });
    pieces.push(glue.slice(last, m.index),
      `const { ${bindings.join(', ')} } = (() => {\n${code}\nreturn { ${exported.join(', ')} };\n})();`);
    last = m.index + m[0].length;
    inlined.add(which);
  }
  pieces.push(glue.slice(last));
  const out = pieces.join('');
  for (const s of SNIPPETS) {
    if (!inlined.has(s)) fail(`the glue has no "import { … } from './snippets/…/${s}';" statement to inline`);
  }
  if (/snippets\//.test(out)) fail('the glue still refers to snippets/ after inlining its snippets');
  return out;
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

  // The loader with the sheet inlined.
  const loader = await readFile(join(www, 'province-targets.js'), 'utf8');
  const css = minifyCss(await readFile(join(www, 'widget.css'), 'utf8'));
  const count = loader.split(MARKER).length - 1;
  if (count !== 1) fail(`www/province-targets.js must contain ${MARKER} exactly once (found ${count})`);
  const terser = await loadTerser();
  const built = await minifyJs(terser, 'province-targets.js', loader.replace(MARKER, () => JSON.stringify(css)),
    { ...LOADER_OPTIONS, format: { ...LOADER_OPTIONS.format, preamble: bannerOf(loader) } });
  if (!built.startsWith(bannerOf(loader) + '\n')) fail('the minified loader lost its /*! licence banner');
  if (!/["']use strict["']/.test(built)) fail('the minified loader lost its "use strict"');
  await writeFile(join(out, 'province-targets.js'), built);

  // The glue, minified as an ES module; its exports and the names it shares with the module must not change.
  const glue = await readFile(join(pkg, 'province_targets.js'), 'utf8');
  const glueMin = await minifyJs(terser, 'province_targets.js', await inlineSnippets(glue), GLUE_OPTIONS);
  const [keysBefore, keysAfter] = [boundaryNames(glue), boundaryNames(glueMin)];
  const lost = keysBefore.filter((k) => !keysAfter.includes(k));
  if (lost.length) fail(`minifying the glue lost the names ${lost.join(', ')}`);
  await writeFile(join(out, 'province_targets.js'), glueMin);
  await copyFile(join(pkg, 'province_targets_bg.wasm'), join(out, 'province_targets_bg.wasm'));
  // The glue keeps its exports, and the minified glue still links the module (every import the .wasm asks for is there) and reads JSON.
  const before = await exportShape(join(pkg, 'province_targets.js'));
  const after = await exportShape(join(out, 'province_targets.js'));
  if (before.join() !== after.join()) fail(`minifying the glue changed its exports: ${before} -> ${after}`);
  try {
    const mod = await import(pathToFileURL(join(out, 'province_targets.js')).href);
    mod.initSync({ module: await readFile(join(out, 'province_targets_bg.wasm')) });
    if (mod.read_data('{"schema_version": 1}').syntax_error('en') !== undefined) throw new Error('read_data() failed');
  } catch (error) {
    fail(`the minified glue does not work with the module: ${error.message ?? error}`);
  }

  // The dataset, minified; a file that does not parse stops the build.
  const dataText = await readFile(join(root, 'data', 'targets.json'), 'utf8');
  let data;
  try {
    data = JSON.parse(dataText);
  } catch (error) {
    fail(`data/targets.json is not valid JSON: ${error.message}`);
  }
  await writeFile(join(out, 'targets.json'), JSON.stringify(data));

  await copyFile(join(www, 'index.html'), join(out, 'index.html'));
  await copyFile(join(www, 'demo.css'), join(out, 'demo.css'));

  // ---- issue 7: the embed builder (builder.html/.js/.css) and the demo's URL-fragment script (demo.js) ----
  for (const name of ['builder.html', 'builder.js', 'builder.css', 'demo.js']) {
    await copyFile(join(www, name), join(out, name));
  }
  // ---- end of issue 7 ----

  await writeSizes();
}

async function writeSizes() {
  const embed = ['province-targets.js', 'province_targets.js', 'province_targets_bg.wasm', 'targets.json'];
  const demo = ['index.html', 'demo.css'];
  const rows = [];
  let rawTotal = 0;
  let gzTotal = 0;
  for (const name of [...embed, ...demo]) {
    const bytes = await readFile(join(out, name));
    const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
    rows.push([name, bytes.length, gz]);
    if (embed.includes(name)) {
      rawTotal += bytes.length;
      gzTotal += gz;
    }
  }
  const kb = (n) => (n / 1024).toFixed(1).padStart(6) + ' KiB';
  const pad = Math.max(...rows.map((r) => r[0].length), 'embed total'.length) + 2;
  const lines = [
    'file'.padEnd(pad) + '      raw'.padStart(20) + '   gzip -9'.padStart(20),
    ...rows.map(([name, raw, gz]) =>
      name.padEnd(pad) + `${String(raw).padStart(8)} B ${kb(raw)}` + `${String(gz).padStart(8)} B ${kb(gz)}`),
    '-'.repeat(pad + 40),
    'embed total'.padEnd(pad) + `${String(rawTotal).padStart(8)} B ${kb(rawTotal)}` +
      `${String(gzTotal).padStart(8)} B ${kb(gzTotal)}`,
    '',
    `An embed downloads: ${embed.join(', ')} (gzip -9 = zlib level 9).`,
    'index.html and demo.css belong to the demo article only.',
    ''
  ];
  await writeFile(join(out, 'SIZES.txt'), lines.join('\n'));
  process.stdout.write(lines.map((l) => (l ? '   ' + l : l)).join('\n'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
