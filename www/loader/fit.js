// When a widget lets its reserved height go (widget.css: `:host([data-fitted])`). The reservation keeps the
// article still while the chart loads; kept after that, it leaves a blank box below a shorter view. It is let go
// as soon as that moves nothing the reader sees:
// - at the reader's first input in the widget: browsers leave out layout shifts within 500 ms of input;
// - while the widget is wholly below the viewport: whatever moves is off screen. A chart that loads two screens
//   ahead of the reader (lazy.js) is usually fitted before the reader reaches it. A widget above the viewport
//   keeps its height: without scroll anchoring (which not every browser has) the text the reader is on would move.
// - while the widget's content reaches past the viewport's bottom: the blank below it is off screen, so the text
//   that moves up is off screen too. A phone reader at the top of a chart is usually in this case from the start.

// What counts as the reader acting in the widget: a click or tap, a key, a choice in a select. Each is the end
// of the input, never its start (pointerdown): the height let go between a press and its release could scroll
// the page under the reader's finger (at the page's end the scroll position is clamped) and lose the tap.
const FIRST_INPUT = ['click', 'keyup', 'change'];

let observer = null;

function viewportBottom(entry) {
  return entry.rootBounds ? entry.rootBounds.bottom : window.innerHeight;
}

function belowViewport(entry) {
  return !entry.isIntersecting && entry.boundingClientRect.top >= viewportBottom(entry);
}

/** Whether the lowest of the widget's parts ends below the viewport: then all of its blank is off screen. */
function contentPastBottom(entry) {
  const container = entry.target._ptFitContainer;
  if (!entry.isIntersecting || !container) return false;
  let lowest = -Infinity;
  for (const part of container.children) lowest = Math.max(lowest, part.getBoundingClientRect().bottom);
  return lowest > viewportBottom(entry);
}

/**
 * Sets `data-fitted` on `element` at the reader's first input in `container` (its mounted widget), once the
 * element is wholly below the viewport, or once its content reaches past the viewport's bottom, whichever comes
 * first. Returns a function that cancels both.
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
    element._ptFitContainer = null;
  };
  for (const type of FIRST_INPUT) container.addEventListener(type, fit, true);
  if (typeof IntersectionObserver === 'function') {
    if (!observer) {
      // Several thresholds, so that a widget scrolled through is looked at again while it is on screen.
      observer = new IntersectionObserver((entries) => {
        entries.forEach((entry) => {
          if ((belowViewport(entry) || contentPastBottom(entry)) && entry.target._ptFit) entry.target._ptFit();
        });
      }, { threshold: [0, 0.25, 0.5, 0.75, 1] });
    }
    element._ptFit = fit;
    element._ptFitContainer = container;
    observer.observe(element);
  }
  return cancel;
}
