// Shorter names at the module's boundary. wasm-bindgen names every import after its JavaScript call and a hash
// (`__wbg_firstElementChild_a60f6eaf7d453487`) and every export after its Rust path, and both the module and the
// glue carry each name: about 190 of them, whose hashes no compressor can shrink. binaryen's
// `--minify-imports-and-exports-and-modules` renames them in the module (`a`, `b`, … `$b`) and prints what it
// renamed; esbuild's `mangleProps`, fed that map as its `mangleCache`, renames the same properties in the glue as
// it bundles it. Neither tool is asked to guess: the map is binaryen's, and the module's own import and export
// lists, read before and after, must agree with it.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Renames the boundary of the module at `wasmPath` with `wasmOpt` (npm's binaryen, with the module's `features`
 * as wasm-opt flags). Returns the renamed module's bytes and the map, old name to new. Throws, naming the name,
 * when the map and the module disagree.
 */
export async function shortenBoundaryNames(wasmPath, wasmOpt, features) {
  const dir = await mkdtemp(join(tmpdir(), 'pt-names-'));
  try {
    const renamedPath = join(dir, 'renamed.wasm');
    const printed = execFileSync(wasmOpt, [wasmPath, '--minify-imports-and-exports-and-modules', ...features,
      '-o', renamedPath], { encoding: 'utf8', maxBuffer: 16 << 20 });
    const map = JSON.parse(printed);
    const before = new WebAssembly.Module(await readFile(wasmPath));
    const bytes = await readFile(renamedPath);
    const after = new WebAssembly.Module(bytes);
    const cache = {};
    const rename = (from, to, what) => {
      if (cache[from] !== undefined && cache[from] !== to) {
        throw new Error(`${what} "${from}" is renamed both "${cache[from]}" and "${to}"`);
      }
      cache[from] = to;
    };
    for (const [, from, to] of map.imports) rename(from, to, 'the import');
    for (const [from, to] of map.exports) rename(from, to, 'the export');
    // binaryen renames the import modules too, but does not print them: they come from the import lists.
    const [importsBefore, importsAfter] = [WebAssembly.Module.imports(before), WebAssembly.Module.imports(after)];
    if (importsBefore.length !== importsAfter.length) throw new Error('the renamed module has another import count');
    importsBefore.forEach((was, i) => {
      const now = importsAfter[i];
      if (cache[was.name] !== now.name) throw new Error(`the import "${was.name}" became "${now.name}", not as printed`);
      rename(was.module, now.module, 'the import module');
    });
    const exportsAfter = new Set(WebAssembly.Module.exports(after).map((e) => e.name));
    for (const e of WebAssembly.Module.exports(before)) {
      if (!exportsAfter.has(cache[e.name])) throw new Error(`the export "${e.name}" is missing once renamed`);
    }
    return { bytes, renamed: cache };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The glue at `gluePath` (with its snippets) as one ES module whose calls into the module use the `renamed` names:
 * esbuild renames the properties `wasm.mount`, `import0.__wbg_…` and the quoted import module key, and nothing
 * else. The glue alone is renamed, not the loader around it: the glue's own exports (`mount`, `read_data`) keep
 * their names for the loader and for pages that call `ProvinceTargets.load()`, although the module's exports of the
 * same names are renamed.
 */
export async function renameGlue(esbuild, gluePath, renamed, options) {
  const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const result = await esbuild.build({
    ...options,
    entryPoints: [gluePath],
    bundle: true,
    format: 'esm',
    minify: false,
    write: false,
    mangleProps: new RegExp(`^(?:${Object.keys(renamed).map(escape).join('|')})$`),
    // The glue names the import module in quotes (`"./province_targets_bg.js": import0`).
    mangleQuoted: true,
    mangleCache: { ...renamed }
  });
  return result.outputFiles[0].text;
}
