// The element's JavaScript API for a page: the options as properties reflecting the attributes, `update()` for a
// batch drawn once, and `view`. Each works the same on a widget that is loading, mounted or removed from the page.
import { OPTION_NAMES } from './contract.js';

// The options a page sets as properties. `title` and `lang` are HTMLElement's own, which already reflect them.
const OWN_PROPERTIES = new Set(['title', 'lang']);

/** An option's attribute text for a property or update() value: a list of ids joins with commas. */
function attributeText(value) {
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

function reflect(prototype, name) {
  Object.defineProperty(prototype, name, {
    configurable: true,
    enumerable: true,
    get() {
      return this.getAttribute(name);
    },
    set(value) {
      if (value == null) this.removeAttribute(name);
      else this.setAttribute(name, attributeText(value));
    }
  });
}

/**
 * Sets `changes` ({indicator, year, …}) as one batch. On a mounted widget an unknown value refuses the whole batch:
 * a console warning lists the valid values and the promise rejects with it, the view staying as it was. Otherwise
 * the promise settles once the batch is drawn (or, on a widget still loading, once it mounts with it; on one
 * removed from the page, at once: it draws nothing until it is put back).
 */
function update(changes) {
  if (!changes || typeof changes !== 'object') {
    return Promise.reject(new TypeError('province-targets: update() takes an object such as { year: "2025" }'));
  }
  const names = Object.keys(changes);
  const unknown = names.filter((name) => name === 'src' ? false : !OPTION_NAMES.includes(name));
  if (unknown.length) {
    const message = `province-targets: update() has no option ${unknown.join(', ')}. ` +
      `Valid options: ${OPTION_NAMES.join(', ')}, src.`;
    console.warn(message);
    return Promise.reject(new Error(message));
  }
  const warnings = this._checkChanges(names, changes);
  if (warnings.length) {
    warnings.forEach((warning) => console.warn(warning));
    return Promise.reject(new Error(warnings.join('\n')));
  }
  const settled = this.isConnected ? this._whenDrawn() : Promise.resolve(null);
  for (const name of names) {
    const value = changes[name];
    if (value == null) this.removeAttribute(name);
    else this.setAttribute(name, attributeText(value));
  }
  // Nothing changed: nothing will be drawn, and the view on screen already is the one asked for.
  if (!this._changed.size && this._widget && this.isConnected) this._settleDrawn();
  return settled;
}

/** Gives the element class the API: the option properties, update() and view. */
export function addApi(ElementClass) {
  const prototype = ElementClass.prototype;
  for (const name of [...OPTION_NAMES, 'src']) {
    if (!OWN_PROPERTIES.has(name)) reflect(prototype, name);
  }
  Object.defineProperty(prototype, 'update', { configurable: true, writable: true, value: update });
  Object.defineProperty(prototype, 'view', {
    configurable: true,
    enumerable: true,
    // The view as the change event's detail gives it (without `source`), or null before the widget has mounted.
    get() {
      return this._currentView();
    }
  });
}
