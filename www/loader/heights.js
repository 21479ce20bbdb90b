// The first view's own height, as the embed builder measured it: `heights="600:912,700:874,1000:842"` reads
// "from 600 px wide, reserve 912 px; from 700 px, 874 px; …". widget.css reserves the bundled default view's
// height, which leaves a blank below a shorter first view (one province, one year) until the reader acts; with
// this attribute the reservation is the view's own. Narrower than the first width, the stylesheet's reservation
// stays (there a widget is taller than a phone's screen and fit.js lets it go once its content passes the
// screen's bottom).
//
// The width is the element's own: read once as the element connects, so that the first frame the reader sees
// already has the view's height (a ResizeObserver's first answer can come a frame late, and the loading message,
// centred in the reserved box, would move: a layout shift), then followed by a ResizeObserver. That one layout
// read while the page is parsed is the price of the attribute, which only the builder's code carries.

const PAIRS = /^\s*\d{2,4}\s*:\s*\d{2,4}\s*(,\s*\d{2,4}\s*:\s*\d{2,4}\s*)*$/;

let observer = null;

/** `[[width, height], …]` by ascending width, or null when `text` is not such pairs. */
export function parseHeights(text) {
  if (text == null || !PAIRS.test(text)) return null;
  const pairs = text.split(',').map((pair) => pair.split(':').map(Number));
  return pairs.every((pair, i) => i === 0 || pair[0] > pairs[i - 1][0]) ? pairs : null;
}

/** The height `pairs` give a widget `width` px wide: the last pair whose width it reaches; null below the first. */
export function heightAt(pairs, width) {
  let height = null;
  for (const [from, reserved] of pairs) if (width >= from) height = reserved;
  return height;
}

function reserve(element, width) {
  const height = element._ptHeights ? heightAt(element._ptHeights, width) : null;
  if (height == null) element.style.removeProperty('--pt-view-height');
  else element.style.setProperty('--pt-view-height', `${height}px`);
}

/**
 * Reserves the heights `element`'s `heights` attribute names, or the stylesheet's when it has none. A value that
 * is not pairs of whole pixels in ascending width says so in the console and leaves the stylesheet's.
 */
export function watchHeights(element) {
  const text = element.getAttribute('heights');
  element._ptHeights = parseHeights(text);
  if (text != null && !element._ptHeights) {
    console.warn(`province-targets: heights "${text}" is not WIDTH:HEIGHT pairs by ascending width ` +
      '(600:912,700:874): ignored. Copy the code from the builder again.');
  }
  if (typeof ResizeObserver !== 'function') return;
  if (!observer) {
    observer = new ResizeObserver((entries) => {
      for (const entry of entries) reserve(entry.target, entry.borderBoxSize?.[0]?.inlineSize ?? entry.contentRect.width);
    });
  }
  if (element._ptHeights) {
    reserve(element, element.getBoundingClientRect().width);
    observer.observe(element);
  } else {
    observer.unobserve(element);
    element.style.removeProperty('--pt-view-height');
  }
}

/** Stops following `element`'s width (it left the page). */
export function unwatchHeights(element) {
  if (observer) observer.unobserve(element);
}
