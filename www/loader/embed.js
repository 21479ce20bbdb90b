// The script-tag embed: copies the script's data-* attributes (without the prefix) to a new <province-targets>
// placed right after it. A script in <head>, or with data-embed="none", only defines the element.
import { ATTRIBUTES, TAG } from './contract.js';
import { checkPastedTwice, checkScriptAttributes, placeOfEmbed, safely } from './checks.js';

export function embed(scriptEl) {
  if (!scriptEl || !scriptEl.parentNode) return null;
  safely(() => checkScriptAttributes(scriptEl));
  if (scriptEl.dataset.embed === 'none') return null;
  let after = scriptEl;
  safely(() => {
    after = placeOfEmbed(scriptEl);
  });
  if (!after) return null;
  safely(() => checkPastedTwice(scriptEl));
  const el = document.createElement(TAG);
  el._ptFromScript = true;
  for (const name of ATTRIBUTES) {
    const value = scriptEl.getAttribute('data-' + name);
    if (value != null) el.setAttribute(name, value);
  }
  after.parentNode.insertBefore(el, after.nextSibling);
  return el;
}
