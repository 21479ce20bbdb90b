// Load check for the optimised module: compile and instantiate it through the wasm-bindgen glue under node's V8
// (the engine Chromium uses), so a wasm-opt that breaks the module fails the build, not the reader's page.
// Usage: node scripts/check-wasm.mjs [pkgdir]
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(process.argv[2] ?? 'pkg');
const bytes = await readFile(resolve(dir, 'province_targets_bg.wasm'));
if (!WebAssembly.validate(bytes)) {
  console.error(`check-wasm: ${dir}/province_targets_bg.wasm does not validate`);
  process.exit(1);
}
const glue = await import(pathToFileURL(resolve(dir, 'province_targets.js')).href);
try {
  glue.initSync({ module: bytes });
} catch (error) {
  console.error(`check-wasm: instantiating the module failed: ${error}`);
  process.exit(1);
}
for (const name of ['mount', 'read_data', 'Widget', 'Data']) {
  if (typeof glue[name] !== 'function') {
    console.error(`check-wasm: the glue exports no ${name} (exports: ${Object.keys(glue).join(', ')})`);
    process.exit(1);
  }
}
// A parsed value goes through serde-wasm-bindgen; text the parser refused becomes a line and column.
const data = glue.read_data(JSON.parse('{"schema_version": 1}'));
const unparsable = glue.read_unparsable_data('{\n"a":', 'Unexpected end of JSON input');
if (typeof data.syntax_error !== 'function' || data.syntax_error('en') !== undefined ||
    !/^line 2, column 5/.test(unparsable.syntax_error('en') ?? '')) {
  console.error('check-wasm: read_data() did not read a parsed value, or read_unparsable_data() gave no position');
  process.exit(1);
}
console.log('   module instantiates; exports mount, read_data, Widget and Data; reads a parsed dataset');
