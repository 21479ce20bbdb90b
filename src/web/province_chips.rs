//! The province chips as one Tab stop with the arrow keys inside (a roving `tabindex`, as the year segments
//! have): the chip the reader last reached holds `tabindex="0"`, every other -1, so Tab passes the group in
//! one step and comes back to where the reader was.

use crate::chart::navigation::Move;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// Makes `chip` the group's Tab stop (a tap, a click or the keys reached it).
pub(super) fn hold_tab_stop(chips: &[Element], chip: &Element) -> Result<(), JsValue> {
    for other in chips {
        let stop = other == chip;
        if (other.get_attribute("tabindex").as_deref() == Some("0")) != stop {
            other.set_attribute("tabindex", if stop { "0" } else { "-1" })?;
        }
    }
    Ok(())
}

/// Moves focus and the Tab stop from `chip` by `step`: right and down to the next chip, left and up to the
/// previous, Home and End to the first and last; no move at either end.
pub(super) fn step(chips: &[Element], chip: &Element, step: Move) -> Result<(), JsValue> {
    let Some(at) = chips.iter().position(|c| c == chip) else { return Ok(()) };
    let next = match step {
        Move::Right | Move::Down => at + 1,
        Move::Left | Move::Up => match at.checked_sub(1) {
            Some(previous) => previous,
            None => return Ok(()),
        },
        Move::First => 0,
        Move::Last => chips.len().saturating_sub(1),
    };
    let Some(target) = chips.get(next) else { return Ok(()) };
    hold_tab_stop(chips, target)?;
    target.dyn_ref::<HtmlElement>().ok_or("a chip is a button")?.focus()
}
