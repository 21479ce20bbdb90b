// The embed builder (builder.html): an editor picks the view a chart opens on, sees it live, and copies the
// embed code. No inline script or style anywhere, so the page runs under the strict CSP
// (script-src 'self' 'wasm-unsafe-eval'; style-src 'self'). Every value written into the code is escaped.
(function () {
  'use strict';

  var $ = function (id) {
    return document.getElementById(id);
  };
  var LOADER_URL = new URL('province-targets.js', location.href).href;
  var STATIC_URL = new URL('static/', location.href).href;
  // The loader's Subresource Integrity hash (sha384), written in by scripts/build-dist.mjs when it copies this
  // file to dist/ (issue 16): a loader changed on the CDN is then refused by the reader's browser.
  var LOADER_INTEGRITY = '__PT_LOADER_INTEGRITY__';
  var LOADER_TRUST = ' integrity="' + LOADER_INTEGRITY + '" crossorigin="anonymous"';
  var TEXT = {
    loadFailed: 'Không tải được dữ liệu (targets.json): ',
    allYears: 'Tất cả các năm',
    provincesSetting: ' tỉnh',
    copied: 'Đã sao chép vào bộ nhớ tạm.',
    selected: 'Không sao chép tự động được: mã đã được chọn sẵn, hãy nhấn Ctrl+C (hoặc ⌘+C).',
    noStatic: 'Chưa có ảnh tĩnh (static/index.json) cho chỉ tiêu này: phần <noscript> chỉ có lời nhắn.',
    noscriptText: 'Biểu đồ tương tác cần JavaScript.'
  };

  var data = null;
  var staticIndex = null;
  var state = { indicator: '', year: 'all', provinces: [], lang: 'vi', theme: 'light' };

  function escapeHtml(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text != null) node.textContent = text;
    return node;
  }

  /** The indicator set by the most provinces, ties to the earlier one: the widget's own default. */
  function defaultIndicator() {
    var best = null;
    var bestCount = -1;
    data.indicators.forEach(function (indicator) {
      var count = nProvinces(indicator.id);
      if (count > bestCount) {
        best = indicator.id;
        bestCount = count;
      }
    });
    return best;
  }

  function nProvinces(indicatorId) {
    var seen = {};
    data.targets.forEach(function (t) {
      if (t.indicator === indicatorId) seen[t.province] = true;
    });
    return Object.keys(seen).length;
  }

  function years() {
    var set = {};
    data.targets.forEach(function (t) {
      set[t.year] = true;
    });
    return Object.keys(set).map(Number).sort(function (a, b) {
      return a - b;
    });
  }

  // ---- controls -----------------------------------------------------------------------------------------
  function buildControls() {
    var indicator = $('indicator');
    indicator.textContent = '';
    data.pillars.forEach(function (pillar) {
      var group = element('optgroup', { label: pillar.name_vi });
      data.indicators.filter(function (i) {
        return i.pillar === pillar.id;
      }).forEach(function (i) {
        group.appendChild(element('option', { value: i.id }, i.label_vi + ' (' + nProvinces(i.id) +
          TEXT.provincesSetting + ')'));
      });
      if (group.children.length) indicator.appendChild(group);
    });
    indicator.disabled = false;

    var year = $('year');
    year.textContent = '';
    year.appendChild(element('option', { value: 'all' }, TEXT.allYears));
    years().forEach(function (y) {
      year.appendChild(element('option', { value: String(y) }, String(y)));
    });
    year.disabled = false;

    var list = $('province-list');
    list.textContent = '';
    data.provinces.forEach(function (p) {
      var label = element('label', { class: 'check' });
      var box = element('input', { type: 'checkbox', name: 'province', value: p.id });
      box.checked = true;
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + p.name_vi));
      list.appendChild(label);
    });

    state.indicator = defaultIndicator();
    state.provinces = data.provinces.map(function (p) {
      return p.id;
    });
    showState();
  }

  /** Puts `state` into the form controls. */
  function showState() {
    $('indicator').value = state.indicator;
    $('year').value = state.year;
    Array.prototype.forEach.call(document.querySelectorAll('input[name="province"]'), function (box) {
      box.checked = state.provinces.indexOf(box.value) >= 0;
    });
    Array.prototype.forEach.call(document.querySelectorAll('input[name="lang"]'), function (radio) {
      radio.checked = radio.value === state.lang;
    });
    $('theme').value = state.theme;
  }

  /** Reads the form controls into `state`; false if the choice is not allowed (no province). */
  function readState(changed) {
    var provinces = Array.prototype.filter.call(document.querySelectorAll('input[name="province"]'),
      function (box) {
        return box.checked;
      }).map(function (box) {
      return box.value;
    });
    if (!provinces.length) {
      // The widget shows every province when none is named, so an empty choice would not mean "none".
      if (changed) changed.checked = true;
      $('province-hint').hidden = false;
      return false;
    }
    $('province-hint').hidden = true;
    state.indicator = $('indicator').value;
    state.year = $('year').value;
    state.provinces = provinces;
    var lang = document.querySelector('input[name="lang"]:checked');
    state.lang = lang ? lang.value : 'vi';
    state.theme = $('theme').value;
    return true;
  }

  // ---- the embed code -----------------------------------------------------------------------------------
  /** The attributes that reproduce `state`: every year and every province are left out (the defaults). */
  function attributes() {
    var list = [['indicator', state.indicator]];
    if (state.year !== 'all') list.push(['year', state.year]);
    if (state.provinces.length !== data.provinces.length) list.push(['provinces', state.provinces.join(',')]);
    list.push(['lang', state.lang]);
    list.push(['theme', state.theme]);
    return list;
  }

  function staticChart() {
    if (!staticIndex || !Array.isArray(staticIndex.charts)) return null;
    return staticIndex.charts.filter(function (c) {
      return c.indicator === state.indicator;
    })[0] || null;
  }

  /** The fallback for readers without JavaScript: the static PNG (linking to the SVG) and the source line. */
  function noscript() {
    var chart = staticChart();
    if (!chart) return '<noscript><p>' + escapeHtml(TEXT.noscriptText) + '</p></noscript>';
    var lines = [
      '<noscript>',
      '  <p><a href="' + escapeHtml(STATIC_URL + chart.svg) + '"><img src="' + escapeHtml(STATIC_URL + chart.png) +
        '" width="' + chart.width + '" height="' + chart.height + '" alt="' + escapeHtml(chart.summary) + '"></a></p>'
    ];
    if (chart.source) lines.push('  <p>' + escapeHtml(chart.source) + '</p>');
    lines.push('</noscript>');
    return lines.join('\n');
  }

  function scriptCode() {
    var attrs = attributes().map(function (a) {
      return ' data-' + a[0] + '="' + escapeHtml(a[1]) + '"';
    }).join('');
    return '<script src="' + escapeHtml(LOADER_URL) + '"' + attrs + LOADER_TRUST + '></script>\n' + noscript();
  }

  function elementCode() {
    var attrs = attributes().map(function (a) {
      return ' ' + a[0] + '="' + escapeHtml(a[1]) + '"';
    }).join('');
    return '<script src="' + escapeHtml(LOADER_URL) + '" data-embed="none"' + LOADER_TRUST + ' async></script>\n' +
      '<province-targets' + attrs + '></province-targets>\n' + noscript();
  }

  function showCode() {
    $('code-script').value = scriptCode();
    $('code-element').value = elementCode();
    $('static-note').classList.toggle('warning', !staticChart());
    if (staticIndex && !staticChart()) $('static-note').textContent = TEXT.noStatic;
  }

  // ---- the live preview ---------------------------------------------------------------------------------
  /** A new <province-targets> for every change: exactly what a fresh page with the code would show. */
  function showPreview() {
    var preview = $('preview');
    var chart = element('province-targets');
    attributes().forEach(function (a) {
      chart.setAttribute(a[0], a[1]);
    });
    preview.setAttribute('data-theme', state.theme);
    preview.textContent = '';
    preview.appendChild(chart);
  }

  function update(changed) {
    if (!readState(changed)) return;
    showCode();
    showPreview();
  }

  // A reader's change inside the preview (its own selects and toggles) becomes the builder's choice too,
  // without re-creating the chart that already shows it.
  function onWidgetChange(event) {
    var detail = event.detail;
    if (!detail || !data) return;
    state.indicator = detail.indicator || state.indicator;
    state.year = detail.year || 'all';
    state.provinces = detail.provinces ? String(detail.provinces).split(',').filter(Boolean) : [];
    if (!state.provinces.length) {
      state.provinces = data.provinces.map(function (p) {
        return p.id;
      });
    }
    state.lang = detail.lang || state.lang;
    showState();
    showCode();
  }

  // ---- copying ------------------------------------------------------------------------------------------
  function copy(button) {
    var area = $(button.getAttribute('data-copy'));
    var status = $('copy-status');
    var fallback = function () {
      area.focus();
      area.select();
      status.textContent = TEXT.selected;
    };
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      navigator.clipboard.writeText(area.value).then(function () {
        status.textContent = TEXT.copied;
      }, fallback);
    } else {
      fallback();
    }
  }

  // ---- start --------------------------------------------------------------------------------------------
  function start() {
    $('options').addEventListener('change', function (event) {
      update(event.target);
    });
    $('options').addEventListener('submit', function (event) {
      event.preventDefault();
    });
    Array.prototype.forEach.call(document.querySelectorAll('button.copy'), function (button) {
      button.addEventListener('click', function () {
        copy(button);
      });
    });
    $('preview').addEventListener('province-targets-change', onWidgetChange);

    var staticPromise = fetch(STATIC_URL + 'index.json').then(function (r) {
      return r.ok ? r.json() : null;
    }).catch(function () {
      return null;
    });
    fetch(new URL('targets.json', LOADER_URL)).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (json) {
      data = json;
      return staticPromise;
    }).then(function (index) {
      staticIndex = index;
      buildControls();
      update(null);
      document.body.setAttribute('data-ready', 'true');
    }).catch(function (error) {
      var status = $('copy-status');
      status.setAttribute('role', 'alert');
      status.textContent = TEXT.loadFailed + (error && error.message ? error.message : String(error));
    });
  }

  start();
})();
