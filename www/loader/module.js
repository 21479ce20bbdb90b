// The WebAssembly module: fetched and compiled once per page, one instance shared by every widget, and a fresh
// instance of the same compiled module after a trap (traps.js says when).

// The wasm-bindgen glue (with its snippets); the build points this import at the optimised copy.
import * as glue from '../../pkg/province_targets.js';
import { kindError, messageOf } from './messages.js';
import { fetchVerified, ownUrl } from './urls.js';

let modulePromise = null;

/** A promise of the module's exports, instantiated once per page; a failure is forgotten, so a retry fetches. */
export function loadModule() {
  if (modulePromise) return modulePromise;
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    modulePromise = Promise.reject(kindError('noWasm', null, true)); // final: a retry cannot help
    return modulePromise;
  }
  // The .wasm is requested at once, side by side with the glue, rather than after the glue has run: one round
  // trip fewer before the first chart.
  const wasmResponse = fetchVerified(ownUrl('province_targets_bg.wasm'));
  wasmResponse.catch(() => {}); // reported through the glue's own failure below
  modulePromise = (async () => {
    try {
      await glue.default({ module_or_path: wasmResponse });
      if (typeof glue.mount !== 'function' || typeof glue.read_data !== 'function') throw new Error('mount() missing');
      return glue;
    } catch (error) {
      modulePromise = null;
      throw error && error.kind ? error : kindError('moduleFailed', { detail: messageOf(error) });
    }
  })();
  return modulePromise;
}

/** Every connected <province-targets>, whatever its state: all of them are drawn again after a trap. */
export const liveElements = new Set();

// Whether the instance is unusable: from a trap until a fresh instance replaces it, or for good once recovery
// has been given up (traps.js).
let broken = false;
// Which instance the widgets' handles belong to: a handle or dataset read before a reset is stale.
let instanceGeneration = 0;

export function isTrapped() {
  return broken;
}

export function markTrapped() {
  broken = true;
}

export function currentInstance() {
  return instanceGeneration;
}

/**
 * A fresh instance of the already compiled module, in place of the trapped one, through the glue's
 * __wbg_reset_state (scripts/build.sh): the glue's exports call the new instance from now on, and every handle
 * and closure of the old one is refused as stale rather than freed into the new memory. Throws if the instance
 * cannot be made; the module then stays trapped.
 */
export function resetModule() {
  if (typeof glue.__wbg_reset_state !== 'function') throw new Error('this build of the glue cannot reset');
  glue.__wbg_reset_state();
  instanceGeneration++;
  broken = false;
}
