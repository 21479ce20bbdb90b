//! Living with traps. A panic (a bug: every expected failure is an error value) stops the release module at
//! once with a `WebAssembly.RuntimeError` thrown into whichever JavaScript called in; no hook runs, so the
//! module cannot show anything itself. The loader shows the alerts; this file makes sure the browser never
//! calls into a trapped module through the callbacks the module gave it (`guard.js`), and holds the test-only
//! trap.

use std::cell::Cell;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/src/web/guard.js")]
extern "C" {
    /// `callback`, wrapped so that it runs only while no wrapped callback has trapped and `root` is in the
    /// document (see `guard.js`). Wrapping throws nothing; `catch` is there because it makes wasm-bindgen
    /// import the function by name, the one import form `build-dist.mjs` inlines into the glue.
    #[wasm_bindgen(catch)]
    fn guard(root: &Element, callback: &JsValue) -> Result<js_sys::Function, JsValue>;
}

/// What the browser must call instead of `callback`, a function that calls into the module on behalf of the
/// widget whose root is `root`: every listener, observer and timer callback the module registers.
pub(super) fn guarded(root: &Element, callback: &JsValue) -> Result<js_sys::Function, JsValue> {
    guard(root, callback)
}

/// Where `trap_for_tests` makes the module trap.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Armed {
    Nothing,
    Mount,
    Event,
}

thread_local! {
    static ARMED: Cell<Armed> = const { Cell::new(Armed::Nothing) };
}

/// For tests: `"mount"` arms a trap in the next `mount`, `"event"` in the next event a widget handles;
/// anything else traps now.
pub(super) fn arm(when: &str) {
    match when {
        "mount" => ARMED.set(Armed::Mount),
        "event" => ARMED.set(Armed::Event),
        _ => panic!("province-targets: trap_for_tests"),
    }
}

/// Traps if a test armed a trap for `place`: a panic, which the module's build turns into a trap.
pub(super) fn spring(place: Armed) {
    if ARMED.get() == place {
        ARMED.set(Armed::Nothing);
        panic!("province-targets: trap_for_tests");
    }
}
