// Wraps every callback the module hands to the browser (its event listeners, its ResizeObserver, a deferred
// draw), because the browser calls those directly: no loader code runs around them to catch a trap.
//
// A bug in the module is a trap (a WebAssembly.RuntimeError: the release build aborts on a panic, with no
// hook), and after one the instance's memory may be half-updated, so nothing may call into it again. A
// wrapped callback does nothing once any wrapped callback has trapped, nor once its widget's root has left
// the document: that is how the loader detaches a widget after a trap it caught itself (mount, refresh)
// without calling into the module. The trap itself is rethrown: the browser reports it to window 'error',
// where the loader shows every widget's alert, and to the console.
let trapped = false;

export function guard(root, callback) {
  return function (arg) {
    if (trapped || !root.isConnected) return;
    try {
      callback(arg);
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        trapped = true;
        // Tells the loader the trap is this module's, whatever the stack looks like.
        error.provinceTargets = true;
      }
      throw error;
    }
  };
}
