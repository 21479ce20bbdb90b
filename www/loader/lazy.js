// Widgets far from the viewport wait until the reader nears them: one IntersectionObserver for the page, no
// layout read. A widget starts (requests the module and its data, then draws) within two screens of the
// viewport, early enough to be drawn before a reader scrolling at reading speed reaches it.
const LAZY_MARGIN = '200% 0px';
const SCREENS_AROUND = 2;

/**
 * Whether `el` is displayed and within two screens of the viewport now (the observer's margin, read once from
 * layout). A widget that is not displayed has no box and is not near.
 */
export function nearNow(el) {
  const box = el.getBoundingClientRect();
  const screen = window.innerHeight || 0;
  if (box.width === 0 && box.height === 0) return false;
  return box.top < screen * (1 + SCREENS_AROUND) && box.bottom > -screen * SCREENS_AROUND;
}

let observer = null;

/** Calls `callback` once `el` comes within LAZY_MARGIN of the viewport; returns a function that cancels it. */
export function whenNear(el, callback) {
  if (typeof IntersectionObserver !== 'function') {
    callback();
    return () => {};
  }
  if (!observer) {
    observer = new IntersectionObserver((entries) => {
      entries.forEach((entry) => {
        if (entry.isIntersecting || entry.intersectionRatio > 0) {
          observer.unobserve(entry.target);
          const run = entry.target._ptNear;
          entry.target._ptNear = null;
          if (run) run();
        }
      });
    }, { rootMargin: LAZY_MARGIN });
  }
  el._ptNear = callback;
  observer.observe(el);
  return () => {
    el._ptNear = null;
    observer.unobserve(el);
  };
}

/** A promise that settles once the page's load event has passed. */
export function pageLoaded() {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}
