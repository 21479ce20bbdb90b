/*! province-targets loader | MIT | one script tag: <script src=".../province-targets.js" data-indicator="…"></script> */
// It defines window.ProvinceTargets and the <province-targets> element, loads the WebAssembly module once per
// page and each dataset once per URL, and hands both to the module's mount(). Every interface string outside
// the Rust module is in TEXT below. Data never goes through innerHTML.
// This is the source: esbuild (scripts/build-dist.mjs) bundles it with the two imports below into one minified
// classic script, dist/province-targets.js, so an embed requests that script, the .wasm and the data only.

// The wasm-bindgen glue (with its snippet src/web/patch.js); the build reads it from the optimised copy.
import * as glue from '../pkg/province_targets.js';
// The widget's stylesheet, minified by esbuild and inlined as a string.
import WIDGET_CSS from './widget.css';

(function () {
  'use strict';

  var script = document.currentScript;

  // Loaded twice: keep the first copy, but still honour this script tag's embed.
  if (window.ProvinceTargets) {
    if (script && typeof window.ProvinceTargets.embed === 'function') window.ProvinceTargets.embed(script);
    return;
  }

  // The embed contract from the Rust crate (src/chart/embed.rs, printed by `province-targets embed-contract`),
  // injected at build time: the version, the element's name, the options passed to mount() and every attribute.
  var EMBED = __PT_EMBED__;
  var TAG = EMBED.tag;
  var OPTION_NAMES = EMBED.options;
  var ATTRIBUTES = EMBED.attributes;
  var FETCH_TIMEOUT_MS = 10000;
  var LAZY_MARGIN = '600px 0px'; // widgets further than this below the viewport wait until the reader nears them

  var TEXT = {
    vi: {
      loading: 'Đang tải biểu đồ…',
      retry: 'Thử lại',
      fetchFailed: 'Không tải được dữ liệu từ {url} ({status}).',
      network: 'lỗi mạng',
      timeout: 'quá {s} giây không có phản hồi',
      badJson: 'Dữ liệu tại {url} không đọc được (JSON không hợp lệ: {detail}).',
      noWasm: 'Trình duyệt này không chạy được WebAssembly, nên không hiển thị được biểu đồ.',
      moduleFailed: 'Không tải được phần mềm vẽ biểu đồ ({detail}).',
      mountFailed: 'Không hiển thị được biểu đồ ({detail}).',
      trapped: 'Biểu đồ gặp lỗi nội bộ và đã dừng. Hãy tải lại trang; nếu lỗi còn, xin báo cho tòa soạn.'
    },
    en: {
      loading: 'Loading the chart…',
      retry: 'Retry',
      fetchFailed: 'Could not load the data from {url} ({status}).',
      network: 'network error',
      timeout: 'no response within {s} seconds',
      badJson: 'The data at {url} could not be read (invalid JSON: {detail}).',
      noWasm: 'This browser cannot run WebAssembly, so the chart cannot be shown.',
      moduleFailed: 'Could not load the chart software ({detail}).',
      mountFailed: 'Could not show the chart ({detail}).',
      trapped: 'The chart hit an internal error and stopped. Reload the page; if it happens again, please tell the newsroom.'
    }
  };

  function text(lang, key, params) {
    var table = TEXT[lang] || TEXT.vi;
    return table[key].replace(/\{(\w+)\}/g, function (all, name) {
      return params && params[name] != null ? String(params[name]) : all;
    });
  }

  // The language an element asks for, by the module's own rule (Lang::parse, carried here as a regular
  // expression by the contract): a BCP 47 tag in any case whose primary subtag the widget speaks, or the default.
  var LANG_TAG = new RegExp(EMBED.lang_tag, 'i');
  function langOf(el) {
    var match = LANG_TAG.exec(el.getAttribute('lang') || '');
    return match ? match[1].toLowerCase() : EMBED.lang_default;
  }

  var scriptUrl = new URL(script && script.src ? script.src : 'province-targets.js', document.baseURI);
  function assetUrl(name) {
    return new URL(name, scriptUrl).href;
  }

  // ---- one constructable stylesheet per page -------------------------------------------------------------
  // Only the built copy (dist/) runs: www/ has no module beside the loader, so there is no unbuilt path.
  var sheet = null;
  function sharedSheet() {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(WIDGET_CSS);
    }
    return sheet;
  }

  // ---- the module, once per page ------------------------------------------------------------------------
  var modulePromise = null;
  function loadModule() {
    if (modulePromise) return modulePromise;
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      modulePromise = Promise.reject(kindError('noWasm', null, true)); // final: a retry cannot help
      return modulePromise;
    }
    // The .wasm is requested at once, side by side with the glue, rather than after the glue has run: one
    // round trip fewer before the first chart.
    var wasmResponse = fetch(assetUrl('province_targets_bg.wasm'));
    wasmResponse.catch(function () {}); // reported through the glue's own failure below
    modulePromise = Promise.resolve(glue).then(function (mod) {
      return Promise.resolve(mod.default({ module_or_path: wasmResponse }))
        .then(function () {
          if (typeof mod.mount !== 'function' || typeof mod.read_data !== 'function') throw new Error('mount() missing');
          return mod;
        });
    }).catch(function (error) {
      modulePromise = null; // a retry fetches again
      throw error && error.kind ? error : kindError('moduleFailed', { detail: messageOf(error) });
    });
    return modulePromise;
  }

  // ---- a trap: a bug in the module -----------------------------------------------------------------------
  // A panic in the module is a trap: the release build aborts at once (no hook runs) and a
  // WebAssembly.RuntimeError is thrown into whatever JavaScript called in. For the loader's own calls (read_data,
  // mount, refresh, ...) that is a catch below. The module's listeners and its ResizeObserver are called by the
  // browser itself; their wrapper (src/web/guard.js) rethrows the trap, which the browser reports to window
  // 'error', handled here. After a trap the instance's memory may be half-updated, and every widget on the page
  // shares that one instance, so every widget shows its alert, and nothing calls into the module again, not even
  // free(): a widget is detached by taking its root out of the document, after which the module's wrapped
  // callbacks do nothing.
  var trapped = false;
  var liveElements = new Set(); // every connected <province-targets>, whatever its state

  function isTrap(error) {
    return typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError;
  }

  // A RuntimeError reported to window is this module's when its wrapper marked it, or when a frame of its stack
  // is in the module or its glue (a page calling a Widget method itself): another module's trap is not ours.
  function isOurTrap(error) {
    if (!isTrap(error)) return false;
    if (error.provinceTargets) return true;
    var stack = String(error.stack || '');
    return stack.indexOf(assetUrl('province_targets_bg.wasm')) >= 0 || stack.indexOf(assetUrl('province_targets.js')) >= 0;
  }

  function onTrap(error) {
    if (trapped) return;
    trapped = true;
    console.error('province-targets: the chart module stopped on an internal error; every chart on this page ' +
      'shows an alert instead', error);
    liveElements.forEach(function (element) {
      element._showTrapped();
    });
  }

  window.addEventListener('error', function (event) {
    if (isOurTrap(event.error)) onTrap(event.error);
  });

  // ---- the reader's colour scheme: widgets on theme "auto" redraw when it changes -----------------------
  var mountedWidgets = new Set();
  var darkScheme = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  if (darkScheme && darkScheme.addEventListener) {
    darkScheme.addEventListener('change', function () {
      mountedWidgets.forEach(function (element) {
        if (!element._widget || trapped) return;
        try {
          element._widget.refresh();
        } catch (error) {
          if (!isTrap(error)) throw error;
          onTrap(error);
        }
      });
    });
  }

  // ---- datasets, once per distinct URL ------------------------------------------------------------------
  // The text is fetched once per URL, parsed once by the browser's own JSON.parse, and read (validated into
  // the module's types through serde-wasm-bindgen) once per URL; every widget showing the same data shares
  // the result. Text that is not JSON goes to the module with the parser's message, which it turns into a
  // line and column in the reader's language.
  var texts = new Map();
  var readData = new Map();
  function loadText(url) {
    var known = texts.get(url);
    if (known) return known;
    var promise = fetchWithTimeout(url).then(function (response) {
      if (!response.ok) {
        throw kindError('fetchFailed', { url: url, status: 'HTTP ' + response.status });
      }
      return response.text();
    });
    // A failure stays cached until a reader asks to retry (forgetText), so that every widget on the URL reports
    // it and none requests it again on its own.
    promise.catch(function () {
      promise.failed = true;
    });
    texts.set(url, promise);
    return promise;
  }

  function forgetText(url) {
    var known = texts.get(url);
    if (known && known.failed) texts.delete(url);
  }

  function dataFor(mod, url, text) {
    var data = readData.get(url);
    if (!data) {
      var value;
      try {
        value = JSON.parse(text);
      } catch (error) {
        data = mod.read_unparsable_data(text, String(error && error.message));
      }
      if (!data) data = mod.read_data(value);
      readData.set(url, data);
      var syntax = data.syntax_error('en');
      // Like every other data problem, the detail goes to the console for the editor.
      if (syntax) console.error('province-targets: ' + url + ' is not valid JSON: ' + syntax);
    }
    return data;
  }

  function fetchWithTimeout(url) {
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timedOut = false;
    var timer = setTimeout(function () {
      timedOut = true;
      if (controller) controller.abort();
    }, FETCH_TIMEOUT_MS);
    var request = fetch(url, { credentials: 'omit', signal: controller ? controller.signal : undefined });
    return request.then(function (response) {
      clearTimeout(timer);
      return response;
    }, function () {
      clearTimeout(timer);
      throw kindError('fetchFailed', {
        url: url,
        status: timedOut ? { key: 'timeout', s: FETCH_TIMEOUT_MS / 1000 } : { key: 'network' }
      });
    });
  }

  function kindError(kind, params, final) {
    var error = new Error(kind);
    error.kind = kind;
    error.params = params;
    error.final = !!final;
    return error;
  }

  function messageOf(error) {
    if (error == null) return 'unknown';
    if (typeof error === 'string') return error;
    return error.message || String(error);
  }

  // ---- lazy initialisation ------------------------------------------------------------------------------
  var observer = null;
  function whenNear(el, callback) {
    if (typeof IntersectionObserver !== 'function') {
      callback();
      return function () {};
    }
    if (!observer) {
      observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting || entry.intersectionRatio > 0) {
            observer.unobserve(entry.target);
            var run = entry.target._ptNear;
            entry.target._ptNear = null;
            if (run) run();
          }
        });
      }, { rootMargin: LAZY_MARGIN });
    }
    el._ptNear = callback;
    observer.observe(el);
    return function () {
      el._ptNear = null;
      observer.unobserve(el);
    };
  }

  // ---- the element --------------------------------------------------------------------------------------
  function make(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content != null) node.textContent = content;
    return node;
  }

  var Base = typeof HTMLElement === 'function' ? HTMLElement : function () {};

  class ProvinceTargetsElement extends Base {
    static get observedAttributes() {
      return ATTRIBUTES;
    }

    constructor() {
      super();
      this._widget = null;
      this._generation = 0;
      this._cancelLazy = null;
      this._root = null;
    }

    connectedCallback() {
      liveElements.add(this);
      if (!this._root) {
        this._root = this.attachShadow({ mode: 'open' });
        this._root.adoptedStyleSheets = [sharedSheet()];
      }
      loadModule().catch(function () {}); // start the module fetch at once; errors surface in _load
      this._start();
    }

    disconnectedCallback() {
      liveElements.delete(this);
      this._stop();
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (oldValue === newValue || !this.isConnected || !this._root) return;
      this._stop();
      this._start();
    }

    _start() {
      var self = this;
      var generation = ++this._generation;
      if (trapped) {
        this._showTrapped();
        return;
      }
      this._showLoading();
      // The data's text is requested now, beside the module (one request per URL, whatever the number of
      // widgets); reading it and drawing wait until the widget nears the viewport. For a widget in view the
      // observer answers after the first frame, long before the module is compiled, so this costs it nothing,
      // and it needs no layout read while the page is still being parsed.
      loadText(this._dataUrl()).catch(function () {});
      this._cancelLazy = whenNear(this, function () {
        self._cancelLazy = null;
        if (generation === self._generation) self._load(generation);
      });
    }

    _stop() {
      this._generation++;
      if (this._cancelLazy) {
        this._cancelLazy();
        this._cancelLazy = null;
      }
      mountedWidgets.delete(this);
      if (this._widget) {
        try {
          if (!trapped) this._widget.free();
        } catch (ignored) {
          // already freed
        }
        this._widget = null;
      }
    }

    _load(generation) {
      var self = this;
      var url = this._dataUrl();
      Promise.all([loadModule(), loadText(url)]).then(function (results) {
        if (generation !== self._generation) return;
        if (trapped) {
          self._showTrapped();
          return;
        }
        var mod = results[0];
        var data, syntax;
        try {
          data = dataFor(mod, url, results[1]);
          syntax = data.syntax_error(langOf(self));
        } catch (error) {
          if (!isTrap(error)) throw error;
          onTrap(error);
          return;
        }
        if (syntax) {
          self._showError(kindError('badJson', { url: url, detail: syntax }, true));
          return;
        }
        var container = make('div', 'pt-root');
        container.setAttribute('lang', langOf(self));
        self._replace(container);
        try {
          self._widget = mod.mount(container, self._options(), data);
          mountedWidgets.add(self);
          self.setAttribute('data-state', 'ready');
        } catch (error) {
          if (isTrap(error)) {
            onTrap(error);
            return;
          }
          // A broken dataset: the module has already shown the reader its problems (record and field, in the
          // reader's language) and listed them all in the console. Keep that alert; replace it only if the
          // module failed without showing anything.
          if (container.querySelector('[role=alert]')) {
            self.setAttribute('data-state', 'error');
          } else {
            self._showError(kindError('mountFailed', { detail: messageOf(error) }, true));
          }
        }
      }, function (error) {
        if (generation !== self._generation) return;
        self._showError(error);
      });
    }

    _dataUrl() {
      var src = this.getAttribute('src');
      return src ? new URL(src, document.baseURI).href : assetUrl('targets.json');
    }

    _options() {
      var options = {};
      for (var i = 0; i < OPTION_NAMES.length; i++) {
        var value = this.getAttribute(OPTION_NAMES[i]);
        options[OPTION_NAMES[i]] = value == null ? undefined : value;
      }
      return options;
    }

    _replace(node) {
      while (this._root.firstChild) this._root.removeChild(this._root.firstChild);
      this._root.appendChild(node);
    }

    _showLoading() {
      var lang = langOf(this);
      this.setAttribute('data-state', 'loading');
      var box = make('div', 'pt-root pt-status');
      box.setAttribute('lang', lang);
      box.setAttribute('role', 'status');
      box.appendChild(make('p', 'pt-loading', text(lang, 'loading')));
      this._replace(box);
    }

    // After a trap: the alert, for good (a retry would call into the trapped module). Replacing the root takes
    // the module's listeners and observer out of the document with it.
    _showTrapped() {
      this._stop();
      this._showError(kindError('trapped', null, true));
    }

    _showError(error) {
      var self = this;
      var lang = langOf(this);
      var kind = error && error.kind ? error.kind : 'moduleFailed';
      var params = Object.assign({ detail: messageOf(error) }, error && error.params);
      if (params.status && typeof params.status === 'object') {
        params.status = text(lang, params.status.key, params.status);
      }
      this.setAttribute('data-state', 'error');
      var box = make('div', 'pt-root');
      box.setAttribute('lang', lang);
      var alert = make('div', 'pt-alert');
      alert.setAttribute('role', 'alert');
      alert.appendChild(make('p', null, text(lang, kind, params)));
      if (!(error && error.final)) {
        var button = make('button', 'pt-retry', text(lang, 'retry'));
        button.type = 'button';
        button.addEventListener('click', function () {
          forgetText(self._dataUrl());
          self._stop();
          self._start();
        });
        alert.appendChild(button);
      }
      box.appendChild(alert);
      this._replace(box);
    }
  }

  // ---- script-tag embed ---------------------------------------------------------------------------------
  // Copies the script's data-* attributes (without the prefix) to a new <province-targets> placed right after
  // it. A script in <head>, or with data-embed="none", only defines the element.
  function embed(scriptEl) {
    if (!scriptEl || !scriptEl.parentNode || scriptEl.dataset.embed === 'none') return null;
    if (document.head && document.head.contains(scriptEl)) return null;
    var el = document.createElement(TAG);
    for (var i = 0; i < ATTRIBUTES.length; i++) {
      var value = scriptEl.getAttribute('data-' + ATTRIBUTES[i]);
      if (value != null) el.setAttribute(ATTRIBUTES[i], value);
    }
    scriptEl.parentNode.insertBefore(el, scriptEl.nextSibling);
    return el;
  }

  window.ProvinceTargets = Object.freeze({
    version: EMBED.version,
    scriptUrl: scriptUrl.href,
    embed: embed,
    load: loadModule
  });

  if (window.customElements && !window.customElements.get(TAG)) {
    window.customElements.define(TAG, ProvinceTargetsElement);
  }
  if (script) embed(script);
})();
