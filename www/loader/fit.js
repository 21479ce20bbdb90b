// When a widget lets its reserved height go (widget.css: `:host([data-fitted])`). The reservation keeps the
// article still while the chart loads; kept after that, it leaves a blank box below a shorter view. It is let go
// as soon as that moves nothing the reader sees:
// - at the reader's first input in the widget: browsers leave out layout shifts within 500 ms of input;
// - while the widget is wholly below the viewport: whatever moves is off screen. A chart that loads two screens
//   ahead of the reader (lazy.js) is usually fitted before the reader reaches it. A widget above the viewport
//   keeps its height: without scroll anchoring (which not every browser has) the text the reader is on would move.

// What counts as the reader acting in the widget: a click or tap, a key, a choice in a select. Each is the end
// of the input, never its start (pointerdown): the height let go between a press and its release could scroll
// the page under the reader's finger (at the page's end the scroll position is clamped) and lose the tap.
const FIRST_INPUT = ['click', 'keyup', 'change'];

let observer = null;

function belowViewport(entry) {
  const bottom = entry.rootBounds ? entry.rootBounds.bottom : window.innerHeight;
  return !entry.isIntersecting && entry.boundingClientRect.top >= bottom;
}

/**
 * Sets `data-fitted` on `element` at the reader's first input in `container` (its mounted widget) or once the
 * element is wholly below the viewport, whichever comes first. Returns a function that cancels both.
 */
export function fitWhenUnseen(element, container) {
  const fit = () => {
    cancel();
    element.setAttribute('data-fitted', '');
  };
  const cancel = () => {
    for (const type of FIRST_INPUT) container.removeEventListener(type, fit, true);
    if (observer) observer.unobserve(element);
    element._ptFit = null;
  };
  for (const type of FIRST_INPUT) container.addEventListener(type, fit, true);
  if (typeof IntersectionObserver === 'function') {
    if (!observer) {
      observer = new IntersectionObserver((entries) => {
        entries.forEach((entry) => {
          if (belowViewport(entry) && entry.target._ptFit) entry.target._ptFit();
        });
      });
    }
    element._ptFit = fit;
    observer.observe(element);
  }
  return cancel;
}
