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

  // The embed contract from the Rust crate (src/chart/embed.rs, printed by `province-targets embed-contract`),
  // injected at build time: the version, the element's name, the options passed to mount() and every attribute.
  var EMBED = __PT_EMBED__;

  // Loaded twice: keep the first copy, but still honour this script tag's embed (and say so if the two copies
  // are different versions: the first one draws every chart).
  if (window.ProvinceTargets) {
    warnSecondLoader(window.ProvinceTargets, script, EMBED.version);
    if (script && typeof window.ProvinceTargets.embed === 'function') window.ProvinceTargets.embed(script);
    return;
  }
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
      trapped: 'Biểu đồ gặp lỗi nội bộ và đã dừng. Hãy tải lại trang; nếu lỗi còn, xin báo cho tòa soạn.',
      tampered: 'Biểu đồ bị chặn để bảo vệ bạn đọc: tệp {file} trên máy chủ khác với bản đã phát hành. Xin báo cho tòa soạn.'
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
      trapped: 'The chart hit an internal error and stopped. Reload the page; if it happens again, please tell the newsroom.',
      tampered: 'The chart was blocked to protect readers: the file {file} on the server differs from the published one. Please tell the newsroom.'
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

  // ---- Subresource Integrity (issue 16) -------------------------------------------------------------------
  // The module and the bundled dataset are hashed at build time (scripts/build-dist.mjs) and their sha384 hashes
  // injected here; both are fetched with the `integrity` option, so a file changed on the CDN is refused by the
  // browser before a byte of it is used. A newsroom's own data-src dataset has no known hash and is exempt.
  var INTEGRITY = __PT_INTEGRITY__;

  // ---- content-hashed names (issue 17) --------------------------------------------------------------------
  // The module and the bundled dataset are published under names made of their content
  // (province_targets_bg.<hash>.wasm), cached for a year; only this loader keeps a stable, short-cached URL,
  // so a release reaches readers within minutes and every file it names is the one it was built with.
  var HASHED_NAMES = __PT_HASHED_NAMES__;

  /** The URL of one of our own files, by its logical name ("province_targets_bg.wasm", "targets.json"). */
  function ownUrl(name) {
    return assetUrl(HASHED_NAMES[name]);
  }

  /** The logical file name and expected hash of one of our own files at `url`, or null (another URL: no check). */
  function integrityFor(url) {
    for (var name in INTEGRITY) {
      if (Object.prototype.hasOwnProperty.call(INTEGRITY, name) && ownUrl(name) === url) {
        return { file: name, hash: INTEGRITY[name] };
      }
    }
    return null;
  }

  /**
   * fetch() with the file's integrity hash, if it is one of ours. A failed integrity check rejects like a network
   * error; a second request without the check tells the two apart (only on that failure path), and a file that
   * arrives but differs is reported as tampered: in the console, naming the file, and to the reader.
   */
  function fetchVerified(url, init) {
    var check = integrityFor(url);
    if (!check) return fetch(url, init);
    var options = Object.assign({}, init, { integrity: check.hash });
    return fetch(url, options).catch(function (error) {
      var probe = Object.assign({}, init, { cache: 'no-store' });
      return fetch(url, probe).then(function (response) {
        if (!response.ok) throw error;
        console.error('province-targets: ' + check.file + ' (' + url + ') failed its integrity check: it is not ' +
          'the file this loader was built with (expected ' + check.hash + '), so it was refused and the chart is ' +
          'not shown. Deploy the loader, the module and the data of one build together.');
        throw kindError('tampered', { file: check.file }, true);
      }, function () {
        throw error;
      });
    });
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
    var wasmResponse = fetchVerified(ownUrl('province_targets_bg.wasm'));
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
    return stack.indexOf(ownUrl('province_targets_bg.wasm')) >= 0 || stack.indexOf(scriptUrl) >= 0;
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
  function refreshMounted() {
    mountedWidgets.forEach(function (element) {
      if (!element._widget || trapped) return;
      try {
        element._widget.refresh();
      } catch (error) {
        if (!isTrap(error)) throw error;
        onTrap(error);
      }
    });
  }
  var darkScheme = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  if (darkScheme && darkScheme.addEventListener) darkScheme.addEventListener('change', refreshMounted);

  // ---- print (issue 16): the chart prints in the light palette of widget.css's @media print block ----------
  // The module picks its palette when it draws (light when printing); redrawing as printing starts and ends
  // gives the printed copy the print palette and the screen its own again, on the reader's current view.
  // Chromium switches the media to print after 'beforeprint' and tells matchMedia('print') listeners, whose
  // redraw the printed copy shows; 'afterprint' and the switch back redraw for the screen.
  var printMedia = typeof matchMedia === 'function' ? matchMedia('print') : null;
  if (printMedia && printMedia.addEventListener) printMedia.addEventListener('change', refreshMounted);
  window.addEventListener('afterprint', refreshMounted);

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

  // A text this long (the bundled dataset is 84 KB) is read a slice of records at a time, giving the page back
  // to the reader between slices; a shorter one is read in one call, which is quicker to its first chart.
  var SLICED_TEXT = 200000;
  var SLICE_RECORDS = 100; // records per call into the module: about 1 ms each
  var SLICE_MS = 8; // calls per task until this much time has passed, well under a 50 ms long task

  /** A promise of the module's `Data` for the dataset at `url`, read once per URL, shared by its widgets. */
  function dataFor(mod, url, text) {
    var data = readData.get(url);
    if (!data) {
      data = readText(mod, text).then(function (read) {
        var syntax = read.syntax_error('en');
        // Like every other data problem, the detail goes to the console for the editor.
        if (syntax) console.error('province-targets: ' + url + ' is not valid JSON: ' + syntax);
        return read;
      });
      readData.set(url, data);
    }
    return data;
  }

  function readText(mod, text) {
    var value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return Promise.resolve(mod.read_unparsable_data(text, String(error && error.message)));
    }
    if (text.length < SLICED_TEXT) return Promise.resolve(mod.read_data(value));
    var reader = mod.start_reading(value);
    return nextTask().then(function () {
      return readSlices(reader);
    });
  }

  // One task's worth of records, then the next task; once all are read, validation in a task of its own, the
  // first view drawn into nothing in the next (Data.warm_up: the browser compiles the drawing code there rather
  // than in the frame that shows the chart), and the first mount in the task after it.
  function readSlices(reader) {
    // Another widget's call may have trapped the shared instance meanwhile: never call into it again.
    if (trapped) throw kindError('trapped', null, true);
    var until = performance.now() + SLICE_MS;
    var done = false;
    while (!done && performance.now() < until) done = reader.read_some(SLICE_RECORDS);
    return nextTask().then(function () {
      if (!done) return readSlices(reader);
      if (trapped) throw kindError('trapped', null, true);
      var data = reader.finish();
      return nextTask().then(function () {
        if (trapped) throw kindError('trapped', null, true);
        data.warm_up();
        return nextTask();
      }).then(function () {
        return data;
      });
    });
  }

  /** A promise that settles in a later task, after the browser has had the chance to handle input and paint. */
  function nextTask() {
    if (window.scheduler && typeof window.scheduler.yield === 'function') return window.scheduler.yield();
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () {
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }

  function fetchWithTimeout(url) {
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timedOut = false;
    var timer = setTimeout(function () {
      timedOut = true;
      if (controller) controller.abort();
    }, FETCH_TIMEOUT_MS);
    var request = fetchVerified(url, { credentials: 'omit', signal: controller ? controller.signal : undefined });
    return request.then(function (response) {
      clearTimeout(timer);
      return response;
    }, function (error) {
      clearTimeout(timer);
      if (error && error.kind === 'tampered') throw error;
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

  // ---- embed diagnostics (issue 16) ------------------------------------------------------------------------
  // A misplaced or mistyped embed says what to do, in one console line naming the attribute and the valid values
  // or the place the tag should be. The names and values are the build-time contract's (EMBED). A diagnostic never
  // throws: whatever it finds, the other widgets on the page go on.
  var SCRIPT_ONLY = ['embed']; // data-embed="none": define the element, draw nothing
  // The script tag's own attributes, and the element's from HTML, that are not embed options.
  var SCRIPT_OWN = ['src', 'async', 'defer', 'type', 'integrity', 'crossorigin', 'nonce', 'referrerpolicy', 'id',
    'class', 'charset', 'language', 'fetchpriority', 'blocking', 'nomodule'];
  // Where a chart cannot stand: text (a paragraph, a heading) or something a reader activates (its controls
  // would be part of it). The chart goes after such an ancestor of a script tag, with a warning.
  var NO_CHART_INSIDE = 'p, button, a, label, summary, select, option, h1, h2, h3, h4, h5, h6';
  var embedSignatures = new Map(); // the attributes of each script-tag embed seen, for a tag pasted twice

  function warnEmbed(message) {
    console.warn('province-targets: ' + message);
  }

  function safely(check) {
    try {
      check();
    } catch (ignored) {
      // a diagnostic that fails must not stop a chart
    }
  }

  /** Levenshtein distance, for "did you mean". */
  function distance(a, b) {
    var row = [];
    for (var j = 0; j <= b.length; j++) row[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var diagonal = row[0];
      row[0] = i;
      for (j = 1; j <= b.length; j++) {
        var above = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length];
  }

  function nearest(name, names) {
    var best = null;
    var bestDistance = Infinity;
    names.forEach(function (candidate) {
      var d = distance(name, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    });
    return bestDistance <= Math.max(2, Math.floor(best ? best.length / 3 : 0)) ? best : null;
  }

  /** "vi, en", or "all, or a year that has targets": an option's valid values, from the contract. */
  function validValues(option) {
    var values = (EMBED.values && EMBED.values[option]) || [];
    var fromData = EMBED.from_dataset && EMBED.from_dataset[option];
    return values.map(function (v) { return '"' + v + '"'; }).join(', ') +
      (fromData ? (values.length ? ', or ' : '') + fromData : '');
  }

  /**
   * The value an option meant when it only differs by case or stray spaces from a valid one (" EN" → "en"), or
   * by spaces from a dataset's id (" 2025", "bac-giang, lang-son"); null when it needs no fixing (or cannot be
   * fixed: the module then falls back to the default and lists the valid values itself).
   */
  function fixedValue(option, value) {
    if (value == null || OPTION_NAMES.indexOf(option) < 0) return null;
    var trimmed = value.split(',').map(function (part) { return part.trim(); }).join(',');
    var values = (EMBED.values && EMBED.values[option]) || [];
    if (values.indexOf(value) >= 0) return null;
    // A language tag is case-insensitive (BCP 47): "EN" and "en-US" are right as written.
    if (option === 'lang' && LANG_TAG.test(value)) return null;
    var lower = trimmed.toLowerCase();
    if (values.indexOf(lower) >= 0) return lower;
    if (EMBED.from_dataset && EMBED.from_dataset[option] && trimmed !== value && trimmed !== '') return trimmed;
    return null;
  }

  /** Fixes a value that differs only by case or spaces, saying so; true if the attribute was rewritten. */
  function fixAttribute(el, name, value) {
    var fixed = fixedValue(name, value);
    if (fixed == null) return false;
    var shown = (el._ptFromScript ? 'data-' : '') + name;
    var why = fixed.toLowerCase() === value.trim().toLowerCase() && fixed !== value.trim() ? 'the wrong case' : '';
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
  function checkScriptAttributes(scriptEl) {
    var known = ATTRIBUTES.concat(SCRIPT_ONLY).map(function (a) { return 'data-' + a; });
    for (var i = 0; i < scriptEl.attributes.length; i++) {
      var name = scriptEl.attributes[i].name.toLowerCase();
      if (known.indexOf(name) >= 0 || SCRIPT_OWN.indexOf(name) >= 0) continue;
      if (ATTRIBUTES.indexOf(name) >= 0) {
        warnEmbed('the script tag\'s attribute ' + name + ' is not read: write data-' + name + ' on the script tag ' +
          '(without data- only on <' + TAG + '>).');
      } else if (name.indexOf('data-') === 0) {
        var guess = nearest(name, known);
        warnEmbed('the script tag\'s attribute ' + name + ' is not an option' +
          (guess ? ': did you mean ' + guess + '?' : '') + ' Valid attributes: ' + known.join(', ') + '.');
      }
    }
  }

  /** Attribute names of a <province-targets> close to an option's: the script form's data-x, or a misspelling. */
  function checkElementAttributes(el) {
    for (var i = 0; i < el.attributes.length; i++) {
      var name = el.attributes[i].name.toLowerCase();
      if (ATTRIBUTES.indexOf(name) >= 0 || name === 'data-state') continue;
      var bare = name.indexOf('data-') === 0 ? name.slice(5) : name;
      var guess = ATTRIBUTES.indexOf(bare) >= 0 ? bare : nearest(bare, ATTRIBUTES);
      if (guess && (bare !== name || distance(bare, guess) > 0)) {
        warnEmbed('<' + TAG + '> has the attribute ' + name + ', which is not an option: did you mean ' + guess +
          '? Valid attributes: ' + ATTRIBUTES.join(', ') + '.');
      }
    }
  }

  /** An element somewhere a chart cannot stand; the name of that ancestor, or null. */
  function badAncestor(node) {
    var parent = node.parentElement;
    var found = parent && parent.closest ? parent.closest(NO_CHART_INSIDE) : null;
    return found ? found.localName : null;
  }

  /** Every check of an element as it is connected: its attribute names and values, and where it stands. */
  function checkElement(el) {
    safely(function () {
      if (!el._ptChecked) {
        el._ptChecked = true;
        if (!el._ptFromScript) checkElementAttributes(el);
        var place = el._ptFromScript ? null : badAncestor(el);
        if (place) {
          warnEmbed('a <' + TAG + '> inside <' + place + '> is a chart inside a ' + (place === 'p' ? 'paragraph' :
            '<' + place + '>') + ': move it out of the <' + place + '>, between paragraphs of the article.');
        }
      }
      OPTION_NAMES.forEach(function (name) {
        fixAttribute(el, name, el.getAttribute(name));
      });
    });
  }

  /** A script-tag embed with the same attributes as one before it: the tag pasted twice. */
  function checkPastedTwice(scriptEl) {
    var signature = [scriptEl.getAttribute('src')].concat(ATTRIBUTES.map(function (a) {
      return a + '=' + scriptEl.getAttribute('data-' + a);
    })).join('\n');
    var count = (embedSignatures.get(signature) || 0) + 1;
    embedSignatures.set(signature, count);
    if (count === 2) {
      warnEmbed('the same embed tag is on this page twice (same src and data- attributes), so the same chart is ' +
        'drawn twice: delete one of the two tags, or give the second its own data-indicator.');
    }
  }

  /** A second loader on the page (the first keeps drawing every chart): fine when both are the same version. */
  function warnSecondLoader(first, scriptEl, version) {
    safely(function () {
      if (first.version === version) return;
      var here = scriptEl && scriptEl.src ? scriptEl.src : 'an inline copy';
      warnEmbed('two versions of the loader are on this page: ' + first.version + ' (' + first.scriptUrl + ') and ' +
        version + ' (' + here + '). Every chart is drawn by the first, ' + first.version + ': load one version ' +
        'only, the same src in every embed tag.');
    });
  }

  /**
   * Where the script tag's chart goes: right after the tag, or after the paragraph or control holding it; null
   * in <head>, where no chart can stand (a tag there with options says so; without options it only defines the
   * element, as documented).
   */
  function placeOfEmbed(scriptEl) {
    var options = ATTRIBUTES.filter(function (a) { return scriptEl.hasAttribute('data-' + a); });
    if (document.head && document.head.contains(scriptEl)) {
      if (options.length) {
        warnEmbed('a script tag with data-' + options[0] + ' in <head> draws no chart: move the tag into <body>, ' +
          'where the chart should appear (a tag in <head> only defines <' + TAG + '>, for elements placed in the ' +
          'article).');
      }
      return null;
    }
    var place = badAncestor(scriptEl);
    if (!place) return scriptEl;
    var ancestor = scriptEl.parentElement.closest(NO_CHART_INSIDE);
    warnEmbed('the embed tag is inside <' + place + '>, where no chart can stand: the chart is placed after the <' +
      place + '>; move the tag out of it, between paragraphs of the article.');
    return ancestor;
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
      // The module is requested first, before anything else this element does (its checks, its shadow root,
      // parsing the shared stylesheet): it is the longest wait before the first chart. The data follows in
      // _start, once checkElement has said whether the src is usable.
      loadModule().catch(function () {}); // errors surface in _load
      checkElement(this);
      liveElements.add(this);
      if (!this._root) {
        this._root = this.attachShadow({ mode: 'open' });
        this._root.adoptedStyleSheets = [sharedSheet()];
      }
      this._start();
    }

    disconnectedCallback() {
      liveElements.delete(this);
      this._stop();
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (oldValue === newValue || !this.isConnected || !this._root || this._ptFixing) return;
      if (fixAttribute(this, name, newValue)) return; // rewritten: this runs again with the fixed value
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
      // The data's text is requested now, beside the module (one request per URL, whatever the number of
      // widgets), before the loading state is drawn; reading it and drawing wait until the widget nears the
      // viewport. For a widget in view the observer answers after the first frame, long before the module is
      // compiled, so this costs it nothing, and it needs no layout read while the page is still being parsed.
      loadText(this._dataUrl()).catch(function () {});
      this._showLoading();
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
        return dataFor(mod, url, results[1]).then(function (data) {
          if (generation !== self._generation) return;
          if (trapped) {
            self._showTrapped();
            return;
          }
          self._mount(mod, data);
        });
      }).catch(function (error) {
        if (generation !== self._generation) return;
        if (isTrap(error)) {
          onTrap(error);
          return;
        }
        if (error && error.kind === 'trapped') {
          self._showTrapped();
          return;
        }
        self._showError(error);
      });
    }

    _mount(mod, data) {
      var self = this;
      var syntax;
      try {
        syntax = data.syntax_error(langOf(self));
      } catch (error) {
        if (!isTrap(error)) throw error;
        onTrap(error);
        return;
      }
      if (syntax) {
        self._showError(kindError('badJson', { url: self._dataUrl(), detail: syntax }, true));
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
    }

    _dataUrl() {
      var src = this.getAttribute('src');
      return src ? new URL(src, document.baseURI).href : ownUrl('targets.json');
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
      // An empty title ends the host's `title` attribute (the editor's headline) as a tooltip over the widget.
      node.setAttribute('title', '');
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
    if (!scriptEl || !scriptEl.parentNode) return null;
    safely(function () {
      checkScriptAttributes(scriptEl);
    });
    if (scriptEl.dataset.embed === 'none') return null;
    var after = scriptEl;
    safely(function () {
      after = placeOfEmbed(scriptEl);
    });
    if (!after) return null;
    safely(function () {
      checkPastedTwice(scriptEl);
    });
    var el = document.createElement(TAG);
    el._ptFromScript = true;
    for (var i = 0; i < ATTRIBUTES.length; i++) {
      var value = scriptEl.getAttribute('data-' + ATTRIBUTES[i]);
      if (value != null) el.setAttribute(ATTRIBUTES[i], value);
    }
    after.parentNode.insertBefore(el, after.nextSibling);
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
