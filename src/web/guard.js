// Wraps every callback the module hands to the browser (its event listeners, its ResizeObserver, a deferred
// draw), because the browser calls those directly: no loader code runs around them to catch a trap.
//
// A bug in the module is a trap (a WebAssembly.RuntimeError: the release build aborts on a panic, with no
// hook), and after one the instance's memory may be half-updated, so nothing may call into it again. A
// wrapped callback does nothing once any wrapped callback made before it has trapped (the loader then draws
// every chart again on a fresh instance, whose callbacks are wrapped anew), nor once its widget's root has left
// the document: that is how the loader detaches a widget without calling into the module. The trap itself is
// rethrown: the browser reports it to window 'error', where the loader recovers, and to the console.
let epoch = 0;

export function guard(root, callback) {
  const wrappedIn = epoch;
  return function (arg) {
    if (wrappedIn !== epoch || !root.isConnected) return;
    try {
      callback(arg);
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        epoch++;
        // Tells the loader the trap is this module's, whatever the stack looks like, and which widget's.
        error.provinceTargets = true;
        error.provinceTargetsRoot = root;
      }
      throw error;
    }
  };
}
