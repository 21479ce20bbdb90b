// The WebAssembly module, fetched and compiled once per page, and what happens when it traps.
//
// A panic in the module is a trap: the release build aborts at once (no hook runs) and a
// WebAssembly.RuntimeError is thrown into whatever JavaScript called in. For the loader's own calls (read_data,
// mount, refresh, ...) that is a catch. The module's listeners and its ResizeObserver are called by the browser
// itself; their wrapper (src/web/guard.js) rethrows the trap, which the browser reports to window 'error'. After
// a trap the instance's memory may be half-updated, and every widget on the page shares that one instance, so
// every widget shows its alert, and nothing calls into the module again, not even free(): a widget is detached
// by taking its root out of the document, after which the module's wrapped callbacks do nothing.

// The wasm-bindgen glue (with its snippets); the build points this import at the optimised copy.
import * as glue from '../../pkg/province_targets.js';
import { kindError, messageOf } from './messages.js';
import { fetchVerified, ownUrl, scriptUrl } from './urls.js';

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

let trapped = false;
/** Every connected <province-targets>, whatever its state: all of them show the alert after a trap. */
export const liveElements = new Set();

export function isTrapped() {
  return trapped;
}

export function isTrap(error) {
  return typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError;
}

// A RuntimeError reported to window is this module's when its wrapper marked it, or when a frame of its stack is
// in the module or its glue (a page calling a Widget method itself): another module's trap is not ours.
function isOurTrap(error) {
  if (!isTrap(error)) return false;
  if (error.provinceTargets) return true;
  const stack = String(error.stack || '');
  return stack.indexOf(ownUrl('province_targets_bg.wasm')) >= 0 || stack.indexOf(scriptUrl.href) >= 0;
}

export function onTrap(error) {
  if (trapped) return;
  trapped = true;
  console.error('province-targets: the chart module stopped on an internal error; every chart on this page ' +
    'shows an alert instead', error);
  liveElements.forEach((element) => element._showTrapped());
}

/** Runs `call` into the module; a trap is handled (true is returned), any other error is thrown. */
export function trapsIn(call) {
  try {
    call();
    return false;
  } catch (error) {
    if (!isTrap(error)) throw error;
    onTrap(error);
    return true;
  }
}

/** Listens for the traps the module's own callbacks report to window. */
export function watchForTraps() {
  window.addEventListener('error', (event) => {
    if (isOurTrap(event.error)) onTrap(event.error);
  });
}
