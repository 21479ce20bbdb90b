// Moves the chart from one drawing to the next, around a patch (patch.js) of its SVG: a mark, row or national line
// the patch keeps slides from where it was to where it is now, an element the patch creates fades in, and one it
// removes fades out before it goes. `measure` runs before the patch, `play` after it.
//
// The motion is a handful of Web Animations on `translate` and `opacity`, started once per patch: the compositor
// runs them, the module does nothing per frame, and nothing is written into the SVG's attributes, so a settled
// chart is the very drawing a fresh mount gives. A patch in the middle of a motion starts from where each element
// is on screen at that moment (its rectangle includes the running animation). Under prefers-reduced-motion, and
// when the chart is laid out again at a new width, the drawings simply swap.

const DURATION = 320; // ms: long enough to follow a mark, under the 400 ms after which a change feels slow
const EASING = 'cubic-bezier(0.2, 0, 0.2, 1)';
// The elements that stand for something (see IDENTITY in src/render/tree.rs): the ones that slide.
const KEYED = '[data-row],[data-target],[data-national]';
// What a leaving element must give up so that nothing finds it any more: a query, a screen reader, a Tab.
const IDENTITY_ATTRIBUTES = ['data-row', 'data-target', 'data-national', 'id', 'class', 'tabindex', 'role', 'aria-label'];
const LEAVING_CLASS = 'pt-leaving';

const reducedMotion = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;

/**
 * Where an element is on screen, in page pixels: for a row, the corner of its province's name (its first shape may
 * be the highlight's bar, there in one view and not the next); for a mark or a national line, the centre of its
 * first shape, the hit area round the marker.
 */
function anchorOf(el) {
  if (el.hasAttribute('data-row')) {
    const r = (el.querySelector(':scope > text') || el).getBoundingClientRect();
    return [r.left, r.top];
  }
  const r = (el.firstElementChild || el).getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
}

/**
 * What `play` needs from the chart in `container` before a patch of its elements `nodes`: where each kept element
 * is, and which are fading in; or null when nothing will move (reduced motion, no chart yet).
 */
export function measure(container, nodes) {
  if (reducedMotion?.matches) return null;
  const svg = container.firstElementChild;
  if (!svg || !nodes || !nodes.length || typeof svg.getAnimations !== 'function') return null;
  const at = new Map();
  for (const el of svg.querySelectorAll(KEYED)) at.set(el, anchorOf(el));
  // Elements half faded in carry on from their opacity now.
  const opacity = new Map();
  for (const animation of svg.getAnimations({ subtree: true })) {
    const el = animation.effect?.target;
    if (el && !el.classList.contains(LEAVING_CLASS) && !opacity.has(el)) {
      opacity.set(el, Number(getComputedStyle(el).opacity));
    }
  }
  // `leaving`: where patch.js puts the elements it removes, instead of removing them.
  return { svg, width: svg.getAttribute('width'), old: new Set(nodes), at, opacity, leaving: [] };
}

/** Starts the motion from the drawing `snapshot` measured to the one drawn now, whose elements are `nodes`. */
export function play(snapshot, nodes) {
  if (!snapshot) return;
  const { svg, old, at, opacity } = snapshot;
  // Every running motion stops where it is (measured above), except the fading of what already left.
  for (const animation of svg.getAnimations({ subtree: true })) {
    if (!animation.effect?.target?.classList.contains(LEAVING_CLASS)) animation.cancel();
  }
  const swap = !svg.isConnected || svg !== nodes[0] || svg.getAttribute('width') !== snapshot.width;
  // What leaves below a chart that got shorter would fade over the panel under it, and what holds focus would
  // keep it on nothing: either goes at once (the widget then gives focus to the chart's Tab stop).
  const bottom = swap ? 0 : svg.getBoundingClientRect().bottom + 1;
  const focused = svg.getRootNode().activeElement;
  for (const el of snapshot.leaving) {
    if (swap || el.getBoundingClientRect().bottom > bottom || (focused && el.contains(focused))) el.remove();
    else fadeOut(el, opacity.get(el) ?? 1);
  }
  if (swap) return;
  const timing = { duration: DURATION, easing: EASING };
  // Page pixels to the chart's own units (the SVG may be drawn smaller or larger than its viewBox).
  const zoom = svg.getScreenCTM()?.a;
  const scale = zoom ? 1 / zoom : 1;
  // Every new place is read before any animation starts: a row's animation would move the marks inside it.
  const moved = new Map(); // element -> its move on screen, for the keyed elements inside it
  for (const el of nodes) {
    const from = old.has(el) && at.get(el);
    if (from) {
      const to = anchorOf(el);
      moved.set(el, [from[0] - to[0], from[1] - to[1]]);
    }
  }
  for (const el of nodes) {
    if (!old.has(el)) {
      if (old.has(el.parentNode)) el.animate({ opacity: [0, 1] }, timing);
      continue;
    }
    const move = moved.get(el);
    if (!move) {
      if (opacity.has(el)) el.animate({ opacity: [opacity.get(el), 1] }, timing);
      continue;
    }
    // Inside a row that moves, a mark moves only by what its row does not.
    const outer = moved.get(el.parentNode.closest?.(KEYED));
    const dx = (move[0] - (outer ? outer[0] : 0)) * scale;
    const dy = (move[1] - (outer ? outer[1] : 0)) * scale;
    const keyframes = {};
    if (Math.abs(dx) >= 0.5 || Math.abs(dy) >= 0.5) keyframes.translate = [`${dx}px ${dy}px`, '0px 0px'];
    if (opacity.has(el)) keyframes.opacity = [opacity.get(el), 1];
    if (Object.keys(keyframes).length) el.animate(keyframes, timing);
  }
}

/** Fades out an element the patch removed, left in place with nothing that names it, then removes it. */
function fadeOut(el, from) {
  for (const each of [el, ...el.querySelectorAll('*')]) {
    for (const name of IDENTITY_ATTRIBUTES) each.removeAttribute(name);
  }
  el.setAttribute('class', LEAVING_CLASS);
  el.setAttribute('aria-hidden', 'true');
  const animation = el.animate({ opacity: [from, 0] }, { duration: DURATION, easing: EASING, fill: 'forwards' });
  const remove = () => el.remove();
  animation.finished.then(remove, remove);
}
