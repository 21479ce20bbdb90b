// Embed diagnostics: a misplaced or mistyped embed says what to do, in one console line naming the attribute and
// the valid values or the place the tag should be. The names and values are the build-time contract's (EMBED).
// A diagnostic never throws: whatever it finds, the other widgets on the page go on.
import { ATTRIBUTES, EMBED, OPTION_NAMES, TAG } from './contract.js';
import { pageLoaded } from './lazy.js';
import { LANG_TAG, warnEmbed } from './messages.js';
import { liveElements } from './module.js';

const SCRIPT_ONLY = ['embed']; // data-embed="none": define the element, draw nothing
// The script tag's own attributes, and the element's from HTML, that are not embed options.
const SCRIPT_OWN = ['src', 'async', 'defer', 'type', 'integrity', 'crossorigin', 'nonce', 'referrerpolicy', 'id',
  'class', 'charset', 'language', 'fetchpriority', 'blocking', 'nomodule'];
// Where a chart cannot stand: text (a paragraph, a heading) or something a reader activates (its controls would
// be part of it). The chart goes after such an ancestor of a script tag, with a warning.
const NO_CHART_INSIDE = 'p, button, a, label, summary, select, option, h1, h2, h3, h4, h5, h6';
const embedSignatures = new Map(); // the attributes of each script-tag embed seen, for a tag pasted twice

export function safely(check) {
  try {
    check();
  } catch (ignored) {
    // a diagnostic that fails must not stop a chart
  }
}

/** Levenshtein distance, for "did you mean". */
function distance(a, b) {
  const row = [];
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

function nearest(name, names) {
  let best = null;
  let bestDistance = Infinity;
  names.forEach((candidate) => {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  });
  return bestDistance <= Math.max(2, Math.floor(best ? best.length / 3 : 0)) ? best : null;
}

/** "vi, en", or "all, or a year that has targets": an option's valid values, from the contract. */
function validValues(option) {
  const values = (EMBED.values && EMBED.values[option]) || [];
  const fromData = EMBED.from_dataset && EMBED.from_dataset[option];
  return values.map((v) => '"' + v + '"').join(', ') + (fromData ? (values.length ? ', or ' : '') + fromData : '');
}

/**
 * The value an option meant when it only differs by case or stray spaces from a valid one (" EN" → "en"), or by
 * spaces from a dataset's id (" 2025", "bac-giang, lang-son"); null when it needs no fixing (or cannot be fixed:
 * the module then falls back to the default and lists the valid values itself).
 */
function fixedValue(option, value) {
  if (value == null || OPTION_NAMES.indexOf(option) < 0) return null;
  const trimmed = value.split(',').map((part) => part.trim()).join(',');
  const values = (EMBED.values && EMBED.values[option]) || [];
  if (values.indexOf(value) >= 0) return null;
  // A language tag is case-insensitive (BCP 47): "EN" and "en-US" are right as written.
  if (option === 'lang' && LANG_TAG.test(value)) return null;
  const lower = trimmed.toLowerCase();
  if (values.indexOf(lower) >= 0) return lower;
  if (EMBED.from_dataset && EMBED.from_dataset[option] && trimmed !== value && trimmed !== '') return trimmed;
  return null;
}

/** Fixes a value that differs only by case or spaces, saying so; true if the attribute was rewritten. */
export function fixAttribute(el, name, value) {
  const fixed = fixedValue(name, value);
  if (fixed == null) return false;
  const shown = (el._ptFromScript ? 'data-' : '') + name;
  let why = fixed.toLowerCase() === value.trim().toLowerCase() && fixed !== value.trim() ? 'the wrong case' : '';
  if (value.trim() !== value || /\s,|,\s/.test(value)) why = why ? 'stray spaces and ' + why : 'stray spaces';
  warnEmbed(shown + '="' + value + '" has ' + (why || 'stray spaces') + ': write ' + shown + '="' + fixed +
    '" (valid values: ' + validValues(name) + '). It is read as "' + fixed + '".');
  el._ptFixing = true;
  try {
    el.setAttribute(name, fixed);
  } finally {
    el._ptFixing = false;
  }
  return true;
}

/** Attribute names of the script tag that the loader does not read: a misspelt option, or one without data-. */
export function checkScriptAttributes(scriptEl) {
  const known = ATTRIBUTES.concat(SCRIPT_ONLY).map((a) => 'data-' + a);
  for (let i = 0; i < scriptEl.attributes.length; i++) {
    const name = scriptEl.attributes[i].name.toLowerCase();
    if (known.indexOf(name) >= 0 || SCRIPT_OWN.indexOf(name) >= 0) continue;
    if (ATTRIBUTES.indexOf(name) >= 0) {
      warnEmbed('the script tag\'s attribute ' + name + ' is not read: write data-' + name + ' on the script tag ' +
        '(without data- only on <' + TAG + '>).');
    } else if (name.indexOf('data-') === 0) {
      const guess = nearest(name, known);
      warnEmbed('the script tag\'s attribute ' + name + ' is not an option' +
        (guess ? ': did you mean ' + guess + '?' : '') + ' Valid attributes: ' + known.join(', ') + '.');
    }
  }
}

/** Attribute names of a <province-targets> close to an option's: the script form's data-x, or a misspelling. */
function checkElementAttributes(el) {
  for (let i = 0; i < el.attributes.length; i++) {
    const name = el.attributes[i].name.toLowerCase();
    if (ATTRIBUTES.indexOf(name) >= 0 || name === 'data-state' || name === 'data-fitted') continue;
    const bare = name.indexOf('data-') === 0 ? name.slice(5) : name;
    const guess = ATTRIBUTES.indexOf(bare) >= 0 ? bare : nearest(bare, ATTRIBUTES);
    if (guess && (bare !== name || distance(bare, guess) > 0)) {
      warnEmbed('<' + TAG + '> has the attribute ' + name + ', which is not an option: did you mean ' + guess +
        '? Valid attributes: ' + ATTRIBUTES.join(', ') + '.');
    }
  }
}

/** An element somewhere a chart cannot stand; the name of that ancestor, or null. */
function badAncestor(node) {
  const parent = node.parentElement;
  const found = parent && parent.closest ? parent.closest(NO_CHART_INSIDE) : null;
  return found ? found.localName : null;
}

/** Every check of an element as it is connected: its attribute names and values, and where it stands. */
export function checkElement(el) {
  safely(() => {
    if (!el._ptChecked) {
      el._ptChecked = true;
      if (!el._ptFromScript) checkElementAttributes(el);
      const place = el._ptFromScript ? null : badAncestor(el);
      if (place) {
        warnEmbed('a <' + TAG + '> inside <' + place + '> is a chart inside a ' + (place === 'p' ? 'paragraph' :
          '<' + place + '>') + ': move it out of the <' + place + '>, between paragraphs of the article.');
      }
    }
    OPTION_NAMES.forEach((name) => fixAttribute(el, name, el.getAttribute(name)));
  });
}

/** A script-tag embed with the same attributes as one before it: the tag pasted twice. */
export function checkPastedTwice(scriptEl) {
  const signature = [scriptEl.getAttribute('src')].concat(ATTRIBUTES.map((a) =>
    a + '=' + scriptEl.getAttribute('data-' + a))).join('\n');
  const count = (embedSignatures.get(signature) || 0) + 1;
  embedSignatures.set(signature, count);
  if (count === 2) {
    warnEmbed('the same embed tag is on this page twice (same src and data- attributes), so the same chart is ' +
      'drawn twice: delete one of the two tags, or give the second its own data-indicator.');
  }
}

/** A second loader on the page (the first keeps drawing every chart): fine when both are the same version. */
export function warnSecondLoader(first, scriptEl, version) {
  safely(() => {
    if (first.version === version) return;
    const here = scriptEl && scriptEl.src ? scriptEl.src : 'an inline copy';
    warnEmbed('two versions of the loader are on this page: ' + first.version + ' (' + first.scriptUrl + ') and ' +
      version + ' (' + here + '). Every chart is drawn by the first, ' + first.version + ': load one version ' +
      'only, the same src in every embed tag.');
  });
}

/**
 * A bare tag in <head> defines the element for the article's own <province-targets>; a page that has none when it
 * has loaded shows no chart, and the editor learns why. (A tag with data-embed="none" asked for no chart.)
 */
function warnIfNoChartOnLoad() {
  pageLoaded().then(() => safely(() => {
    if (liveElements.size > 0 || document.querySelector(TAG)) return;
    warnEmbed('the loader is in <head> and this page has no <' + TAG + '> element, so no chart is drawn: put ' +
      '<' + TAG + ' indicator="…"></' + TAG + '> in the article where the chart should appear, or move the ' +
      'script tag into <body> with its data-indicator (the builder writes either).');
  }));
}

/**
 * Where the script tag's chart goes: right after the tag, or after the paragraph or control holding it; null in
 * <head>, where no chart can stand (a tag there with options says so; without options it only defines the
 * element, as documented).
 */
export function placeOfEmbed(scriptEl) {
  const options = ATTRIBUTES.filter((a) => scriptEl.hasAttribute('data-' + a));
  if (document.head && document.head.contains(scriptEl)) {
    if (options.length) {
      warnEmbed('a script tag with data-' + options[0] + ' in <head> draws no chart: move the tag into <body>, ' +
        'where the chart should appear (a tag in <head> only defines <' + TAG + '>, for elements placed in the ' +
        'article).');
    }
    safely(warnIfNoChartOnLoad);
    return null;
  }
  const place = badAncestor(scriptEl);
  if (!place) return scriptEl;
  const ancestor = scriptEl.parentElement.closest(NO_CHART_INSIDE);
  warnEmbed('the embed tag is inside <' + place + '>, where no chart can stand: the chart is placed after the <' +
    place + '>; move the tag out of it, between paragraphs of the article.');
  return ancestor;
}
