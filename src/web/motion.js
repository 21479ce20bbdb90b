// Moves the chart from one drawing to the next, around a patch (patch.js) of its SVG: a mark, row or national line
// the patch keeps slides from where it was to where it is now, an element the patch creates fades in, and one it
// removes fades out before it goes. `measure` runs before the patch, `play` after it.
//
// The motion is a handful of Web Animations on `translate` and `opacity`, started once per patch: the compositor
// runs them, the module does nothing per frame, and nothing is written into the SVG's attributes, so a settled
// chart is the very drawing a fresh mount gives. Places are read from the drawing's own attributes (a row's
// `translate`, the centre of a mark's first shape, its hit area), never from layout, so starting a move forces
// no style or layout on the page; only a move already running is read from the computed style, where it is now,
// so the next one starts from there. Under prefers-reduced-motion, and when the chart is laid out again at a new
// width, the drawings simply swap.

const DURATION = 320; // ms: long enough to follow a mark, under the 400 ms after which a change feels slow
const EASING = 'cubic-bezier(0.2, 0, 0.2, 1)';
// The elements that stand for something (see IDENTITY in src/render/tree.rs): the ones that slide.
const KEYED = '[data-row],[data-target],[data-national]';
// What a leaving element must give up so that nothing finds it any more: a query, a screen reader, a Tab.
const IDENTITY_ATTRIBUTES = ['data-row', 'data-target', 'data-national', 'id', 'class', 'tabindex', 'role', 'aria-label'];
const LEAVING_CLASS = 'pt-leaving';
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

const reducedMotion = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;

const numberOf = (el, name) => Number(el.getAttribute(name)) || 0;

/** The first two numbers of a `translate(x y)` (an attribute) or of `x y` (a computed `translate`), else 0 0. */
function pairOf(text) {
  const found = text ? text.match(NUMBER) : null;
  return found ? [Number(found[0]) || 0, Number(found[1] ?? 0) || 0] : [0, 0];
}

/**
 * Where an element is in its parent, in the chart's units, by its attributes: a row at its `translate`; a mark or a
 * national line at the centre of its first shape, the hit area round the marker.
 */
function placeOf(el) {
  if (el.hasAttribute('data-row')) return pairOf(el.getAttribute('transform'));
  const shape = el.firstElementChild;
  if (!shape) return [0, 0];
  if (shape.tagName === 'circle') return [numberOf(shape, 'cx'), numberOf(shape, 'cy')];
  if (shape.tagName === 'rect') {
    return [numberOf(shape, 'x') + numberOf(shape, 'width') / 2, numberOf(shape, 'y') + numberOf(shape, 'height') / 2];
  }
  if (shape.tagName === 'line') {
    return [(numberOf(shape, 'x1') + numberOf(shape, 'x2')) / 2, (numberOf(shape, 'y1') + numberOf(shape, 'y2')) / 2];
  }
  return [0, 0];
}

/** The top of an element the patch removed, in the chart's units: its own and its ancestors' translations. */
function topOf(el, svg) {
  let top = 0;
  for (let at = el; at && at !== svg; at = at.parentNode) top += pairOf(at.getAttribute('transform'))[1];
  const shape = el.hasAttribute('y') || el.hasAttribute('y1') || el.hasAttribute('cy') ? el : el.firstElementChild;
  if (shape) top += numberOf(shape, 'y') || numberOf(shape, 'y1') || numberOf(shape, 'cy');
  return top;
}

/**
 * What `play` needs from the chart in `container` before a patch of its elements `nodes`: where each kept element
 * is (with the move it is in, if any) and how far each element fading in has come; or null when nothing will move
 * (reduced motion, no chart yet). It runs before the render changes the page, so the one style read it may need
 * (for a move already running) finds the style up to date.
 */
export function measure(container, nodes) {
  if (reducedMotion?.matches) return null;
  const svg = container.firstElementChild;
  if (!svg || !nodes || !nodes.length || typeof svg.getAnimations !== 'function') return null;
  const running = svg.getAnimations({ subtree: true });
  const moving = new Set();
  const opacity = new Map();
  for (const animation of running) {
    const el = animation.effect?.target;
    if (!el || el.classList.contains(LEAVING_CLASS)) continue;
    moving.add(el);
    if (!opacity.has(el)) opacity.set(el, Number(getComputedStyle(el).opacity));
  }
  const at = new Map();
  for (const el of svg.querySelectorAll(KEYED)) {
    const place = placeOf(el);
    if (moving.has(el)) {
      const now = pairOf(getComputedStyle(el).translate);
      place[0] += now[0];
      place[1] += now[1];
    }
    at.set(el, place);
  }
  // `leaving`: where patch.js puts the elements it removes, instead of removing them.
  return { svg, width: svg.getAttribute('width'), old: new Set(nodes), at, opacity, running, leaving: [] };
}

/** Starts the motion from the drawing `snapshot` measured to the one drawn now, whose elements are `nodes`. */
export function play(snapshot, nodes) {
  if (!snapshot) return;
  const { svg, old, at, opacity } = snapshot;
  // Every running motion stops where it is (measured above), except the fading of what already left.
  for (const animation of snapshot.running) {
    if (!animation.effect?.target?.classList.contains(LEAVING_CLASS)) animation.cancel();
  }
  const swap = !svg.isConnected || svg !== nodes[0] || svg.getAttribute('width') !== snapshot.width;
  // What leaves below a chart that got shorter would fade over the panel under it, and what holds focus would
  // keep it on nothing: either goes at once (the widget then gives focus to the chart's Tab stop).
  const bottom = numberOf(svg, 'height');
  const focused = svg.getRootNode().activeElement;
  for (const el of snapshot.leaving) {
    if (swap || topOf(el, svg) >= bottom || (focused && el.contains(focused))) el.remove();
    else fadeOut(el, opacity.get(el) ?? 1);
  }
  if (swap) return;
  const timing = { duration: DURATION, easing: EASING };
  for (const el of nodes) {
    if (!old.has(el)) {
      if (old.has(el.parentNode)) el.animate({ opacity: [0, 1] }, timing);
      continue;
    }
    const from = at.get(el);
    const keyframes = {};
    if (from) {
      // In its parent's units: a mark in a row that moves moves with it, and slides only by what it moves in it.
      const to = placeOf(el);
      const [dx, dy] = [from[0] - to[0], from[1] - to[1]];
      if (Math.abs(dx) >= 0.5 || Math.abs(dy) >= 0.5) keyframes.translate = [`${dx}px ${dy}px`, '0px 0px'];
    }
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
