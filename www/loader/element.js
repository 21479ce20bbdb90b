// The <province-targets> element: an open shadow root with the one shared stylesheet, a loading state, then the
// module's widget, or an alert saying what went wrong and, where it can help, a retry.
import { ATTRIBUTES, OPTION_NAMES } from './contract.js';
import { checkElement, fixAttribute } from './checks.js';
import { dataFor, forgetText, loadText } from './data.js';
import { fitWhenUnseen } from './fit.js';
import { unwatchHeights, watchHeights } from './heights.js';
import { nearNow, pageLoaded, whenNear } from './lazy.js';
import { kindError, langOf, messageOf, text, warnEmbed } from './messages.js';
import { isTrapped, liveElements, loadModule } from './module.js';
import { isTrap, onTrap, trapsIn } from './traps.js';
import { ownUrl } from './urls.js';
// The widget's stylesheet, minified by esbuild and inlined as a string.
import WIDGET_CSS from '../widget.css';

// One constructable stylesheet per page, shared by every widget's shadow root.
let sheet = null;
function sharedSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
  }
  return sheet;
}

// The mounted widgets: those on theme "auto" redraw when the reader's colour scheme changes, and every one when
// printing starts and ends.
const mountedWidgets = new Set();

function refreshMounted() {
  mountedWidgets.forEach((element) => {
    if (!element._widget || isTrapped()) return;
    trapsIn(() => element._widget.refresh(), element);
  });
}

/**
 * Redraws on a change of colour scheme and around printing. The module picks its palette when it draws (light
 * when printing); Chromium switches the media to print after 'beforeprint' and tells matchMedia('print')
 * listeners, whose redraw the printed copy shows; 'afterprint' and the switch back redraw for the screen.
 */
export function followMedia() {
  if (typeof matchMedia !== 'function') return;
  for (const query of ['(prefers-color-scheme: dark)', 'print']) {
    const media = matchMedia(query);
    if (media && media.addEventListener) media.addEventListener('change', refreshMounted);
  }
  window.addEventListener('afterprint', refreshMounted);
}

function make(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content != null) node.textContent = content;
  return node;
}

// The attributes whose change draws the widget from scratch: a new dataset, or the language and controls, which
// every label and button of the widget is built in. Every other one updates the widget on screen.
const REMOUNTING = new Set(['src', 'lang', 'controls']);

const Base = typeof HTMLElement === 'function' ? HTMLElement : function () {};

export class ProvinceTargetsElement extends Base {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  constructor() {
    super();
    this._widget = null;
    this._generation = 0;
    this._cancelLazy = null;
    this._cancelFit = null;
    this._root = null;
    // Attributes changed since the widget last drew: applied together, once, at the end of the task.
    this._changed = new Set();
    // The promises of update() calls waiting for their batch to be drawn: [resolve, reject] pairs.
    this._waiting = [];
  }

  connectedCallback() {
    checkElement(this);
    liveElements.add(this);
    if (!this._root) {
      this._root = this.attachShadow({ mode: 'open' });
      this._root.adoptedStyleSheets = [sharedSheet()];
    }
    watchHeights(this);
    this._start();
  }

  disconnectedCallback() {
    unwatchHeights(this);
    liveElements.delete(this);
    this._stop();
    this._settleDrawn();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected || !this._root || this._ptFixing) return;
    if (fixAttribute(this, name, newValue)) return; // rewritten: this runs again with the fixed value
    if (name === 'heights') { // the reservation alone: nothing to draw
      watchHeights(this);
      return;
    }
    if (REMOUNTING.has(name) || !this._updatesInPlace()) {
      this._stop();
      this._start();
      return;
    }
    // A widget still loading reads every attribute when it mounts; a mounted one gets the change in place.
    if (!this._widget) return;
    this._changed.add(name);
    if (this._changed.size === 1) queueMicrotask(() => this._applyChanges());
  }

  // Whether a change can wait for the mount or be applied to the widget: not after an error or a trap, whose
  // alert a change should replace with a fresh try.
  _updatesInPlace() {
    const state = this.getAttribute('data-state');
    return !isTrapped() && (this._widget != null || state === 'loading');
  }

  // Applies every attribute changed since the last draw in one update of the mounted widget: its chart keeps its
  // nodes, the reader's choices the page did not name stay. Focus that was on a mark the update removed goes to
  // the chart's Tab stop rather than falling to the page's body.
  _applyChanges() {
    const changed = [...this._changed];
    this._changed.clear();
    if (!changed.length || !this._widget || !this.isConnected) return;
    const focused = this._root.activeElement;
    let warnings = [];
    try {
      if (trapsIn(() => {
        warnings = this._widget.update(this._options(), changed);
      }, this)) return;
    } catch (error) {
      console.error(error); // the widget was drawing (a change made from inside its own event): nothing changed
      return;
    }
    if (focused && !focused.isConnected) {
      const stop = this._root.querySelector('.pt-chart [tabindex="0"]');
      if (stop) stop.focus({ preventScroll: true });
    }
    this._settleDrawnAfterMotion();
    return warnings;
  }

  // The warnings the mounted widget would give for `changes` on top of the attributes now set, or none when it is
  // not mounted (a loading widget mounts with them, falling back with a warning like any attribute).
  _checkChanges(names, changes) {
    const inPlace = names.filter((name) => !REMOUNTING.has(name));
    if (!this._widget || !this.isConnected || isTrapped() || !inPlace.length) return [];
    const options = this._options();
    for (const name of inPlace) options[name] = changes[name] == null ? undefined : String(
      Array.isArray(changes[name]) ? changes[name].join(',') : changes[name]);
    let warnings = [];
    try {
      if (trapsIn(() => {
        warnings = this._widget.check(options, inPlace);
      }, this)) return [];
    } catch (error) {
      return []; // the widget is drawing: the batch is checked again as it is applied
    }
    return warnings;
  }

  /** A promise settled when the next batch of changes is drawn (see update() in api.js). */
  _whenDrawn() {
    return new Promise((resolve, reject) => this._waiting.push([resolve, reject]));
  }

  // Settles the promises waiting for the batch just drawn once the chart's motion to it has ended (or was cut
  // short by the next change), with the view it ends at. The motion is looked up in a later task: reading the
  // animations brings the style up to date, which in the drawing's own task would lengthen it.
  _settleDrawnAfterMotion() {
    if (!this._waiting.length) return;
    const waiting = this._waiting;
    this._waiting = [];
    const view = this._currentView();
    setTimeout(() => {
      const moving = this._root?.getAnimations?.() ?? [];
      Promise.all(moving.map((animation) => animation.finished.catch(() => {})))
        .then(() => waiting.forEach(([resolve]) => resolve(view)));
    });
  }

  // Settles the promises waiting for a draw: with the view, or with `error` when the widget showed one instead.
  _settleDrawn(error) {
    if (!this._waiting.length) return;
    const waiting = this._waiting;
    this._waiting = [];
    const view = error ? null : this._currentView();
    for (const [resolve, reject] of waiting) {
      if (error) reject(error instanceof Error ? error : new Error(messageOf(error)));
      else resolve(view);
    }
  }

  // The view on screen, as the change event's detail gives it, or null when no widget is mounted.
  _currentView() {
    if (!this._widget || isTrapped()) return null;
    try {
      let view = null;
      if (trapsIn(() => {
        view = this._widget.state();
      }, this)) return null;
      return view;
    } catch (error) {
      return null; // the widget is drawing
    }
  }

  _start() {
    const generation = ++this._generation;
    if (isTrapped()) {
      this._showTrapped();
      return;
    }
    // Nothing is requested until the widget nears the viewport: a chart ten screens down must not compete with
    // the article's own images for the reader's connection. The observer answers for a widget in view at the
    // first rendering update, and needs no layout read while the page is still being parsed.
    this._showLoading();
    if (nearNow(this)) {
      // A chart in or near the first screen requests the module and its data at once rather than at the
      // observer's first answer, a rendering update later: one layout read, while little of the page is there.
      loadModule().catch(() => {}); // errors surface in _load
      loadText(this._dataUrl()).catch(() => {});
    }
    this._cancelLazy = whenNear(this, () => {
      this._cancelLazy = null;
      if (generation === this._generation) this._load(generation);
    });
    this._warnIfNotDisplayed(generation);
  }

  // A widget that is not displayed (hidden, or display:none on it or an ancestor) never nears the viewport, so its
  // chart waits for good: the console says so, once, when the page has loaded (no layout read while the page is
  // being parsed, and nothing fetched for it: a widget far off screen must not request the module).
  _warnIfNotDisplayed(generation) {
    pageLoaded().then(() => {
      if (generation !== this._generation || !this._cancelLazy || this._ptHiddenWarned) return;
      if (!this.isConnected || this.getClientRects().length > 0) return;
      this._ptHiddenWarned = true;
      warnEmbed('a <province-targets> is not displayed (the hidden attribute, or display:none on it or an ' +
        'ancestor), so its chart is not drawn until it is shown: remove hidden or display:none where the chart ' +
        'should appear.');
    });
  }

  _stop() {
    this._generation++;
    this._changed.clear();
    if (this._cancelLazy) {
      this._cancelLazy();
      this._cancelLazy = null;
    }
    mountedWidgets.delete(this);
    if (this._cancelFit) {
      this._cancelFit();
      this._cancelFit = null;
    }
    if (this._widget) {
      try {
        if (!isTrapped()) this._widget.free();
      } catch (ignored) {
        // already freed
      }
      this._widget = null;
    }
  }

  async _load(generation) {
    const url = this._dataUrl();
    const current = () => generation === this._generation;
    try {
      // The module first: it is the longest wait before the first chart. The data beside it, once per URL.
      const [mod, body] = await Promise.all([loadModule(), loadText(url)]);
      if (!current()) return;
      if (isTrapped()) return this._showTrapped();
      const data = await dataFor(mod, url, body);
      if (!current()) return;
      if (isTrapped()) return this._showTrapped();
      this._mount(mod, data);
    } catch (error) {
      if (!current()) return;
      if (isTrap(error)) return onTrap(error, this);
      if (error && error.kind === 'trapped') return this._showTrapped();
      this._showError(error);
    }
  }

  _mount(mod, data) {
    let syntax;
    if (trapsIn(() => {
      syntax = data.syntax_error(langOf(this));
    }, this)) return;
    if (syntax) {
      this._showError(kindError('badJson', { url: this._dataUrl(), detail: syntax }, true));
      return;
    }
    const container = make('div', 'pt-root');
    container.setAttribute('lang', langOf(this));
    this._replace(container);
    try {
      this._widget = mod.mount(container, this._options(), data);
      mountedWidgets.add(this);
      this.setAttribute('data-state', 'ready');
      this._cancelFit = fitWhenUnseen(this, container);
      this._settleDrawn();
    } catch (error) {
      if (isTrap(error)) {
        onTrap(error, this);
        return;
      }
      // A broken dataset: the module has already shown the reader its problems (record and field, in the
      // reader's language) and listed them all in the console. Keep that alert; replace it only if the module
      // failed without showing anything.
      if (container.querySelector('[role=alert]')) {
        this.setAttribute('data-state', 'error');
        this._settleDrawn(error);
      } else {
        this._showError(kindError('mountFailed', { detail: messageOf(error) }, true));
      }
    }
  }

  _dataUrl() {
    const src = this.getAttribute('src');
    return src ? new URL(src, document.baseURI).href : ownUrl('targets.json');
  }

  _options() {
    const options = {};
    for (const name of OPTION_NAMES) {
      const value = this.getAttribute(name);
      options[name] = value == null ? undefined : value;
    }
    return options;
  }

  _replace(node) {
    // An empty title ends the host's `title` attribute (the editor's headline) as a tooltip over the widget.
    node.setAttribute('title', '');
    while (this._root.firstChild) this._root.removeChild(this._root.firstChild);
    this._root.appendChild(node);
  }

  _showLoading() {
    const lang = langOf(this);
    this.setAttribute('data-state', 'loading');
    // A widget drawn again from scratch (a new src, a retry) holds its reservation again until the reader acts.
    this.removeAttribute('data-fitted');
    const box = make('div', 'pt-root pt-status');
    box.setAttribute('lang', lang);
    box.setAttribute('role', 'status');
    box.appendChild(make('p', 'pt-loading', text(lang, 'loading')));
    this._replace(box);
  }

  // After a trap, on the module's fresh instance: drawn again from the attributes, as on arrival. The handle
  // belongs to the trapped instance, so it is dropped, not freed; replacing the root (the loading state) takes the
  // old instance's listeners and observer out of the document with it.
  _redrawAfterTrap() {
    this._widget = null;
    this._stop();
    this._start();
  }

  // After a trap this widget cannot recover from: the alert, for good (a retry would meet the same bug).
  // Replacing the root takes the module's listeners and observer out of the document with it.
  _showTrapped() {
    this._stop();
    this._showError(kindError('trapped', null, true));
  }

  _showError(error) {
    const lang = langOf(this);
    const kind = error && error.kind ? error.kind : 'moduleFailed';
    const params = Object.assign({ detail: messageOf(error) }, error && error.params);
    if (params.status && typeof params.status === 'object') {
      params.status = text(lang, params.status.key, params.status);
    }
    this.setAttribute('data-state', 'error');
    this._settleDrawn(error);
    const box = make('div', 'pt-root');
    box.setAttribute('lang', lang);
    const alert = make('div', 'pt-alert');
    alert.setAttribute('role', 'alert');
    alert.appendChild(make('p', null, text(lang, kind, params)));
    if (!(error && error.final)) {
      const button = make('button', 'pt-retry', text(lang, 'retry'));
      button.type = 'button';
      button.addEventListener('click', () => {
        forgetText(this._dataUrl());
        this._stop();
        this._start();
      });
      alert.appendChild(button);
    }
    box.appendChild(alert);
    this._replace(box);
  }
}
