//! Events the widget sends to the page, held until the handler that caused them has released the widget's
//! state: a page's listener runs synchronously inside `dispatchEvent` and may call back into the widget
//! (`state()`, `svg()`, `refresh()`, a click), which borrows the state itself. A leaf of `web/`: the state
//! queues here and the listeners (`events.rs`) send, so neither imports the other for it.

use std::cell::RefCell;
use web_sys::Element;

thread_local! {
    /// Events a handler asked to send (`dispatch_after_release`), with the element each goes to.
    static PENDING: RefCell<std::collections::VecDeque<(Element, web_sys::CustomEvent)>> =
        RefCell::default();
}

/// Sends `event` from `target` once the handler running now has released the widget's state: a page's
/// listener runs synchronously inside `dispatchEvent`, and may read the view back through the widget's
/// methods (`state()`, `svg()`, `refresh()`), which borrow the state themselves.
pub(super) fn dispatch_after_release(target: &Element, event: web_sys::CustomEvent) {
    PENDING.with(|pending| pending.borrow_mut().push_back((target.clone(), event)));
}

/// Sends the events queued by `dispatch_after_release`, oldest first. A listener may cause more (a click
/// on a toggle from inside it): those join the queue, and the innermost call sends them.
pub(super) fn dispatch_pending() {
    while let Some((target, event)) = PENDING.with(|pending| pending.borrow_mut().pop_front()) {
        if let Err(error) = target.dispatch_event(&event) {
            web_sys::console::error_1(&error);
        }
    }
}
