// What happens when the module traps. A panic in the module is a bug and a trap: the release build aborts at once
// (no hook runs) and a WebAssembly.RuntimeError is thrown into whatever JavaScript called in. For the loader's own
// calls (read_data, mount, refresh, ...) that is a catch; the module's listeners and its ResizeObserver are called
// by the browser itself, and their wrapper (src/web/guard.js) rethrows the trap to window 'error', marked with the
// widget's root.
//
// After a trap the instance's memory may be half-updated, and every widget on the page shares that one instance,
// so none of them may call into it again. A bug in one view must not cost the reader every chart, though: the
// module gets a fresh instance of the already compiled module (no download, no compile) and every widget is drawn
// again from its attributes. A widget that traps a second time shows its alert for good, and so does every widget
// once the page has trapped too often for drawing again to be worth it.
import { forgetData } from './data.js';
import { liveElements, markTrapped, resetModule } from './module.js';
import { ownUrl, scriptUrl } from './urls.js';

// Past this many traps on one page, every chart shows its alert rather than being drawn again.
const MAX_RECOVERIES = 5;
let recoveries = 0;
let givenUp = false;

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

/** The <province-targets> whose root a wrapped callback of the module trapped in, if it is still on the page. */
function widgetOf(error) {
  const root = error && error.provinceTargetsRoot;
  const host = root && typeof root.getRootNode === 'function' ? root.getRootNode().host : null;
  return host && liveElements.has(host) ? host : null;
}

/**
 * Handles a trap of the module: the console says so, the module gets a fresh instance, and every widget is drawn
 * again, except one that trapped before (`element`, or the widget named by the wrapper's mark), which shows its
 * alert. The alert is for good: a retry would meet the same bug.
 */
export function onTrap(error, element) {
  if (givenUp) return;
  markTrapped();
  // The datasets read into the trapped instance are void: each URL is read again, from the texts already fetched.
  forgetData();
  const culprit = element || widgetOf(error);
  if (culprit) culprit._ptTraps = (culprit._ptTraps || 0) + 1;
  recoveries++;
  const again = recoveries > 1 ? ' again' : '';
  if (recoveries > MAX_RECOVERIES) {
    console.error('province-targets: the chart module stopped on an internal error' + again + '; it has happened ' +
      recoveries + ' times on this page, so every chart shows an alert instead. Please tell the newsroom.', error);
    return giveUp();
  }
  try {
    resetModule();
  } catch (resetError) {
    console.error('province-targets: the chart module stopped on an internal error and could not be started ' +
      'again; every chart on this page shows an alert instead', error, resetError);
    return giveUp();
  }
  console.error('province-targets: the chart module stopped on an internal error' + again + ' (a bug: please ' +
    'tell the newsroom); ' + (culprit && culprit._ptTraps > 1 ? 'the chart that stopped twice shows an alert, ' +
    'every other chart is drawn again' : 'every chart on this page is drawn again'), error);
  liveElements.forEach((widget) => {
    if (widget._ptTraps > 1) widget._showTrapped();
    else widget._redrawAfterTrap();
  });
}

function giveUp() {
  givenUp = true;
  liveElements.forEach((widget) => widget._showTrapped());
}

/** Runs `call` into the module on behalf of `element`; a trap is handled (true is returned), any other error thrown. */
export function trapsIn(call, element) {
  try {
    call();
    return false;
  } catch (error) {
    if (!isTrap(error)) throw error;
    onTrap(error, element);
    return true;
  }
}

/** Listens for the traps the module's own callbacks report to window. */
export function watchForTraps() {
  window.addEventListener('error', (event) => {
    if (isOurTrap(event.error)) onTrap(event.error);
  });
}
