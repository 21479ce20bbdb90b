// Assembles dist/ from pkg/ (wasm-pack output, already through wasm-opt), www/ and data/:
//   province-targets.js   the loader, with www/widget.css inlined as a string and comments/indentation removed
//   province_targets.js   the wasm-bindgen glue
//   province_targets_bg.wasm
//   targets.json          data/targets.json, checked to parse and written without whitespace
//   index.html, demo.css  the demo article
//   SIZES.txt             raw and gzip -9 size of each file, and what one embed downloads
// Usage: node scripts/build-dist.mjs [--pkg DIR] [--out DIR]
import { mkdir, readFile, rm, writeFile, copyFile, readdir } from 'node:fs/promises';
import { gzipSync, constants } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Removes comments and collapses whitespace; strings in the sheet are left alone. */
export function minifyCss(css) {
  let outText = '';
  let i = 0;
  while (i < css.length) {
    const c = css[i];
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
      outText += css.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/\s/.test(c)) {
      while (i < css.length && /\s/.test(css[i])) i++;
      outText += ' ';
      continue;
    }
    outText += c;
    i++;
  }
  // Spaces next to braces, semicolons and commas carry no meaning (never touch ':' — ".a :hover" differs).
  return outText.replace(/\s*([{};,])\s*/g, '$1').replace(/:\s+/g, ':').replace(/;}/g, '}').trim();
}

/**
 * Modest minification of the loader: drops whole-line comments (keeping the /*! licence line) and indentation.
 * The loader has no multi-line strings or template literals, which this would alter.
 */
export function minifyJs(js) {
  const lines = js.split('\n');
  const kept = [];
  let inBlock = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (inBlock) {
      if (line.endsWith('*/')) inBlock = false;
      continue;
    }
    if (line === '' || line.startsWith('//')) continue;
    if (line.startsWith('/*') && !line.startsWith('/*!')) {
      if (!line.endsWith('*/')) inBlock = true;
      continue;
    }
    kept.push(line);
  }
  return kept.join('\n') + '\n';
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
  const built = minifyJs(loader).replace(MARKER, () => JSON.stringify(css));
  try {
    new Function(built); // syntax check of what we ship
  } catch (error) {
    fail(`the minified loader does not parse: ${error.message}`);
  }
  await writeFile(join(out, 'province-targets.js'), built);

  await copyFile(join(pkg, 'province_targets.js'), join(out, 'province_targets.js'));
  await copyFile(join(pkg, 'province_targets_bg.wasm'), join(out, 'province_targets_bg.wasm'));
  // Glue snippets (inline_js), if wasm-bindgen wrote any.
  try {
    const snippets = await readdir(join(pkg, 'snippets'), { recursive: true, withFileTypes: true });
    for (const entry of snippets) {
      if (!entry.isFile()) continue;
      const from = join(entry.parentPath ?? entry.path, entry.name);
      const rel = from.slice(pkg.length + 1);
      await mkdir(dirname(join(out, rel)), { recursive: true });
      await copyFile(from, join(out, rel));
    }
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
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
