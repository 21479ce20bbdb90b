// The embed builder (builder.html): an editor picks the view a chart opens on, sees it live, and copies the
// embed code. No inline script or style anywhere, so the page runs under the strict CSP
// (script-src 'self' 'wasm-unsafe-eval'; style-src 'self'). Every value written into the code is escaped, and
// every text from the data or the editor reaches the page through textContent, never as HTML.
(function () {
  'use strict';

  var $ = function (id) {
    return document.getElementById(id);
  };
  var LOADER_URL = new URL('province-targets.js', location.href).href;
  var STATIC_URL = new URL('static/', location.href).href;
  // The embed code pins this build's loader: its content-hashed name and its Subresource Integrity hash
  // (sha384), both written in by scripts/build-dist.mjs when it copies this file to dist/.
  // `integrity` on the stable province-targets.js would make every pasted article refuse the next release's
  // loader (docs/DEPLOY.md); the hashed file never changes, so the browser refuses only a file tampered with.
  var PINNED_LOADER_URL = new URL('__PT_LOADER_PATH__', location.href).href;
  var LOADER_INTEGRITY = '__PT_LOADER_INTEGRITY__';
  var LOADER_TRUST = ' integrity="' + LOADER_INTEGRITY + '" crossorigin="anonymous"';
  // The builder's sheet module, content-hashed by scripts/build-dist.mjs: imported only when an editor
  // drops a CSV, so that no reader, and no editor with a JSON file, ever downloads it.
  // The iframe embed: the pinned page that shows one chart, and the host page's script that fits its height.
  var PINNED_FRAME_URL = new URL('__PT_FRAME_PATH__', location.href).href;
  var PINNED_RESIZER_URL = new URL('__PT_RESIZER_PATH__', location.href).href;
  var RESIZER_INTEGRITY = '__PT_RESIZER_INTEGRITY__';
  // The frame's height before its chart reports its own: a desktop view of the chart (the resizer then fits it).
  var FRAME_HEIGHT = 860;
  var SHEET_GLUE_URL = new URL('__PT_SHEET_GLUE_PATH__', location.href).href;
  var SHEET_WASM_URL = new URL('__PT_SHEET_WASM_PATH__', location.href).href;
  // The static export writes each language into its own folder (scripts/build-static.sh).
  // The module's limits on the editor's words, from the embed contract: the fields stop where the widget would
  // cut, so what the editor types is what the reader sees.
  var TEXT_LIMITS = JSON.parse('__PT_TEXT_LIMITS__');
  var STATIC_FOLDER = { vi: '', en: 'en/' };

  // The builder's own words. The widget's words come from the module, in the widget's language.
  var TEXT = {
    vi: {
      pageTitle: 'Tạo mã nhúng biểu đồ mục tiêu chuyển đổi số của các tỉnh',
      heading: 'Tạo mã nhúng biểu đồ',
      intro: 'Chọn cách biểu đồ hiển thị khi bài viết mở ra, xem trước, rồi sao chép mã và dán vào phần HTML ' +
        'của bài viết. Bạn đọc vẫn có thể tự đổi chỉ tiêu, năm và tỉnh, trừ khi bạn ẩn các nút chọn.',
      uiLangGroup: 'Ngôn ngữ của trang này',
      optionsHeading: 'Tùy chọn',
      loading: 'Đang tải dữ liệu…',
      indicator: 'Chỉ tiêu',
      year: 'Năm',
      theme: 'Giao diện',
      themeLight: 'Sáng',
      themeDark: 'Tối',
      themeAuto: 'Theo máy bạn đọc',
      provinces: 'Tỉnh',
      provinceHint: 'Cần chọn ít nhất một tỉnh.',
      chartLang: 'Ngôn ngữ của biểu đồ',
      wordsHeading: 'Lời của bạn: tiêu đề, mô tả, ghi chú, ghi công',
      title: 'Tiêu đề',
      subtitle: 'Mô tả dưới tiêu đề',
      note: 'Ghi chú cuối biểu đồ',
      credit: 'Ghi công (dưới nguồn, cả trong ảnh PNG và SVG), ví dụ "Đồ họa: Báo …"',
      wordsHint: 'Để trống: dùng tên và định nghĩa của chỉ tiêu. Chỉ là chữ, không phải HTML.',
      shownHeading: 'Nhấn mạnh và các phần của biểu đồ',
      highlight: 'Nhấn mạnh tỉnh',
      hideControls: 'Ẩn các nút chọn của bạn đọc',
      hideNational: 'Ẩn đường mục tiêu quốc gia',
      dataHeading: 'Dữ liệu của bạn',
      dropHint: 'Kéo tệp dữ liệu (JSON hoặc CSV) vào đây, hoặc chọn tệp:',
      dataPrivacy: 'Tệp chỉ được đọc trong trình duyệt này, không gửi đi đâu. Tệp CSV là bảng mà lệnh ' +
        'province-targets csv viết ra: mỗi mục tiêu một dòng, rồi các bản ghi khác.',
      dataFile: 'Tệp:',
      dataClear: 'Dùng dữ liệu mặc định',
      dataUrl: 'Địa chỉ của tệp khi đã đăng lên máy chủ',
      dataUrlHint: 'Mã nhúng cần tệp này được đăng ở một địa chỉ công khai (src="…"); bản xem trước đọc tệp ngay ' +
        'trong trình duyệt.',
      dataWrongType: 'Chỉ nhận tệp .json hoặc .csv.',
      dataJson: 'Tải JSON',
      dataJsonHint: 'Mã nhúng đọc tệp JSON, không đọc CSV: tải tệp JSON làm từ bảng này, đăng nó lên máy chủ ' +
        'của bạn, rồi ghi địa chỉ của nó ở dưới.',
      sheetFailed: 'Không tải được phần đọc CSV của trang: ',
      sheetProblemsHeading: 'Bảng có lỗi, biểu đồ chưa thể hiện. Sửa các lỗi sau (dòng và cột):',
      sheetPreviewNote: 'Bảng có lỗi nên chưa có biểu đồ: các lỗi được liệt kê ở mục "Dữ liệu của bạn".',
      dataPlaceholder: 'https://…/du-lieu.json',
      dataRefused: 'Chính sách bảo mật nội dung (Content-Security-Policy) của trang này chặn việc đọc tệp ' +
        'trong trình duyệt: cần thêm blob: vào connect-src.',
      problemsHeading: 'Tệp có lỗi, biểu đồ chưa thể hiện. Sửa các lỗi sau (bản ghi và trường):',
      previewHeading: 'Xem trước',
      frameLabel: 'Khung:',
      frameWide: 'Máy tính',
      framePhone: 'Điện thoại (360 px)',
      codeHeading: 'Mã nhúng',
      codeScript: 'Một thẻ script: dán vào chỗ muốn đặt biểu đồ',
      codePinned: 'Biểu đồ trong bài sẽ giữ nguyên như bạn thấy hôm nay, kể cả khi công cụ này có bản mới.',
      codeTechHeading: 'Ghi chú kỹ thuật cho lập trình viên',
      codeTech: 'Mã trỏ tới tệp mang tên theo nội dung, kèm integrity và crossorigin, nên bài đã đăng không đổi theo ' +
        'các bản phát hành sau. Muốn luôn dùng bản mới nhất: thay src bằng province-targets.js và bỏ integrity cùng ' +
        'crossorigin. Chi tiết: docs/DEPLOY.md trong mã nguồn của dự án.',
      codeElementHeading: 'Trang có nhiều biểu đồ',
      codeElement: 'Thẻ script một lần cho cả trang, rồi một phần tử province-targets cho mỗi biểu đồ',
      codeFrameHeading: 'Hệ thống đăng bài không cho dán thẻ script? Dùng khung iframe',
      codeFrame: 'Khung iframe: dán vào chỗ muốn đặt biểu đồ',
      codeFrameHint: 'Dòng script thứ hai giúp khung vừa khít chiều cao biểu đồ; nếu hệ thống bỏ nó đi, khung vẫn hiện ' +
        'biểu đồ, với thanh cuộn khi biểu đồ cao hơn khung.',
      copy: 'Sao chép',
      loadFailed: 'Không tải được dữ liệu (targets.json): ',
      allYears: 'Tất cả các năm',
      emptyYear: ' (trống)',
      provincesSetting: function (n) {
        return n + ' tỉnh';
      },
      copied: 'Đã sao chép vào bộ nhớ tạm.',
      selected: 'Không sao chép tự động được: mã đã được chọn sẵn, hãy nhấn Ctrl+C (hoặc ⌘+C).',
      empty: function (year) {
        return 'Biểu đồ sẽ trống: không tỉnh nào đã chọn đặt mục tiêu này' +
          (year === 'all' ? '.' : ' cho năm ' + year + '.');
      },
      emptyTry: 'Các năm có mục tiêu:',
      noscriptText: 'Biểu đồ tương tác cần JavaScript.',
      staticExact: 'Phần <noscript> (cho trình duyệt không chạy JavaScript) hiện ảnh tĩnh đúng với chỉ tiêu, ' +
        'năm và ngôn ngữ đã chọn.',
      staticAllProvinces: 'Phần <noscript> hiện ảnh tĩnh của chỉ tiêu, năm và ngôn ngữ đã chọn, với mọi tỉnh ' +
        '(không có ảnh tĩnh cho từng nhóm tỉnh); chú thích ảnh nói đúng những gì ảnh vẽ.',
      staticAllYears: 'Năm này không có ảnh tĩnh: phần <noscript> hiện ảnh của mọi năm; chú thích ảnh nói đúng ' +
        'những gì ảnh vẽ.',
      staticNone: 'Không có ảnh tĩnh cho lựa chọn này (dữ liệu riêng, hoặc chưa chạy make build): phần ' +
        '<noscript> chỉ có lời nhắn.',
      staticTheme: ' Ảnh tĩnh luôn có nền sáng.',
      staticHighlight: ' Ảnh tĩnh là ảnh mặc định, không nhấn mạnh tỉnh nào: phần <noscript> ghi tên các tỉnh ' +
        'được nhấn mạnh bằng chữ.',
      staticNational: ' Ảnh tĩnh vẫn vẽ đường mục tiêu quốc gia.',
      noscriptHighlight: 'Tỉnh được nhấn mạnh: ',
      noscriptHighlightImage: 'Ảnh tĩnh là ảnh mặc định, không nhấn mạnh tỉnh nào.'
    },
    en: {
      pageTitle: 'Embed code builder for the provinces\' digital transformation targets chart',
      heading: 'Build the embed code',
      intro: 'Choose how the chart opens in your article, check the preview, then copy the code into the ' +
        'article\'s HTML. Readers can still change the indicator, year and provinces, unless you hide the controls.',
      uiLangGroup: 'Language of this page',
      optionsHeading: 'Options',
      loading: 'Loading data…',
      indicator: 'Indicator',
      year: 'Year',
      theme: 'Theme',
      themeLight: 'Light',
      themeDark: 'Dark',
      themeAuto: 'Follow the reader\'s device',
      provinces: 'Provinces',
      provinceHint: 'Choose at least one province.',
      chartLang: 'Language of the chart',
      wordsHeading: 'Your words: title, description, note, credit',
      title: 'Title',
      subtitle: 'Description under the title',
      note: 'Note below the chart',
      credit: 'Credit (under the source, in the PNG and SVG too), e.g. "Graphic: The … Times"',
      wordsHint: 'Leave empty to use the indicator\'s name and definition. Plain text, not HTML.',
      shownHeading: 'Highlight and parts of the chart',
      highlight: 'Highlight provinces',
      hideControls: 'Hide the reader\'s controls',
      hideNational: 'Hide the national target line',
      dataHeading: 'Your data',
      dropHint: 'Drop a dataset file (JSON or CSV) here, or choose one:',
      dataPrivacy: 'The file is read in this browser only and sent nowhere. A CSV file is the sheet that ' +
        'province-targets csv writes: one row per target, then the other records.',
      dataFile: 'File:',
      dataClear: 'Use the default data',
      dataUrl: 'The file\'s address once it is on your server',
      dataUrlHint: 'The embed code needs this file at a public address (src="…"); the preview reads it right ' +
        'here in the browser.',
      dataWrongType: 'Only .json or .csv files.',
      dataJson: 'Download JSON',
      dataJsonHint: 'The embed code reads JSON, not CSV: download the JSON made from this sheet, publish it on ' +
        'your server, and give its address below.',
      sheetFailed: 'Could not load the page\'s CSV reader: ',
      sheetProblemsHeading: 'The sheet has problems, so no chart yet. Fix these (row and column):',
      sheetPreviewNote: 'The sheet has problems, so there is no chart: they are listed under "Your data".',
      dataPlaceholder: 'https://…/data.json',
      dataRefused: 'This page\'s Content-Security-Policy does not let the browser read the file: connect-src ' +
        'needs blob:.',
      problemsHeading: 'The file has problems, so no chart yet. Fix these (record and field):',
      previewHeading: 'Preview',
      frameLabel: 'Frame:',
      frameWide: 'Desktop',
      framePhone: 'Phone (360 px)',
      codeHeading: 'Embed code',
      codeScript: 'One script tag: paste it where the chart should appear',
      codePinned: 'The chart in your article stays as you see it today, even when this tool gets a new version.',
      codeTechHeading: 'Technical note for developers',
      codeTech: 'The code points to a content-named file with integrity and crossorigin, so a published article never ' +
        'changes with later releases. For always the latest: use province-targets.js as src and drop integrity and ' +
        'crossorigin. Details: docs/DEPLOY.md in the project\'s source.',
      codeElementHeading: 'A page with several charts',
      codeElement: 'The script tag once per page, then one province-targets element per chart',
      codeFrameHeading: 'Your CMS removes script tags? Use an iframe',
      codeFrame: 'An iframe: paste it where the chart should appear',
      codeFrameHint: 'The second line, a script, fits the frame to the chart\'s height; if your CMS removes it, the ' +
        'frame still shows the chart, with a scroll bar when the chart is taller than the frame.',
      copy: 'Copy',
      loadFailed: 'Could not load the data (targets.json): ',
      allYears: 'All years',
      emptyYear: ' (empty)',
      provincesSetting: function (n) {
        return n === 1 ? '1 province' : n + ' provinces';
      },
      copied: 'Copied to the clipboard.',
      selected: 'Could not copy automatically: the code is selected, press Ctrl+C (or ⌘+C).',
      empty: function (year) {
        return 'The chart will be empty: none of the chosen provinces set this target' +
          (year === 'all' ? '.' : ' for ' + year + '.');
      },
      emptyTry: 'Years with targets:',
      noscriptText: 'The interactive chart needs JavaScript.',
      staticExact: 'The <noscript> part (for browsers without JavaScript) shows a static image of the chosen ' +
        'indicator, year and language.',
      staticAllProvinces: 'The <noscript> part shows a static image of the chosen indicator, year and language ' +
        'with every province (there is no static image per set of provinces); its alt text says what it shows.',
      staticAllYears: 'This year has no static image: the <noscript> part shows the all-years image; its alt ' +
        'text says what it shows.',
      staticNone: 'No static image for this choice (your own data, or make build has not run): the <noscript> ' +
        'part holds only a message.',
      staticTheme: ' Static images are always light.',
      staticHighlight: ' The static image is the default, with no province highlighted: the <noscript> part ' +
        'names the highlighted provinces in words.',
      staticNational: ' The static image still draws the national target line.',
      noscriptHighlight: 'Highlighted: ',
      noscriptHighlightImage: 'The static image is the default, with no province highlighted.'
    }
  };

  var data = null; // the dataset the controls offer: the bundled one, or the editor's file if it reads
  var bundled = null;
  var staticIndex = { vi: null, en: null };
  var ui = 'vi';
  var frame = 'wide';
  // The editor's own file: its name, the Blob URL the preview reads, the address the embed code names; for a
  // CSV with problems, those problems in both languages instead of a Blob URL.
  var userData = null;
  // The sheet module, once a CSV has asked for it: a promise of its glue, instantiated.
  var sheetModule = null;
  var state = {
    indicator: '', year: 'all', provinces: [], lang: 'vi', theme: 'light',
    title: '', subtitle: '', note: '', credit: '', highlight: [], controls: '', national: ''
  };

  function t(key) {
    return TEXT[ui][key];
  }

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

  function all(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  function list(value) {
    return Array.isArray(value) ? value : [];
  }

  // ---- what the dataset offers ---------------------------------------------------------------------------
  function provinceIds() {
    return list(data.provinces).map(function (p) {
      return p.id;
    });
  }

  function nProvinces(indicatorId) {
    var seen = {};
    list(data.targets).forEach(function (target) {
      if (target.indicator === indicatorId) seen[target.province] = true;
    });
    return Object.keys(seen).length;
  }

  /** The indicator set by the most provinces, ties to the earlier one: the widget's own default. */
  function defaultIndicator() {
    var best = null;
    var bestCount = -1;
    list(data.indicators).forEach(function (indicator) {
      var count = nProvinces(indicator.id);
      if (count > bestCount) {
        best = indicator.id;
        bestCount = count;
      }
    });
    return best;
  }

  function numbers(values) {
    var set = {};
    values.forEach(function (v) {
      if (typeof v === 'number') set[v] = true;
    });
    return Object.keys(set).map(Number).sort(function (a, b) {
      return a - b;
    });
  }

  function years() {
    return numbers(list(data.targets).map(function (target) {
      return target.year;
    }));
  }

  /** The years in which one of `provinces` set a target for the indicator: the years whose chart has marks. */
  function yearsWithTargets(indicatorId, provinces) {
    return numbers(list(data.targets).filter(function (target) {
      return target.indicator === indicatorId && provinces.indexOf(target.province) >= 0;
    }).map(function (target) {
      return target.year;
    }));
  }

  function isEmptyChoice() {
    var targeted = yearsWithTargets(state.indicator, state.provinces);
    return state.year === 'all' ? !targeted.length : targeted.indexOf(Number(state.year)) < 0;
  }

  // ---- the interface language ----------------------------------------------------------------------------
  function showInterfaceWords() {
    document.documentElement.lang = ui;
    document.title = t('pageTitle');
    all('[data-t]').forEach(function (node) {
      node.textContent = t(node.getAttribute('data-t'));
    });
    all('[data-ui-lang]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-ui-lang') === ui));
    });
    document.querySelector('.ui-lang').setAttribute('aria-label', t('uiLangGroup'));
    $('data-url').placeholder = t('dataPlaceholder');
  }

  // ---- controls -----------------------------------------------------------------------------------------
  function label(record, field) {
    return record[field + '_' + ui] || record[field + '_vi'] || record.id;
  }

  function checkboxes(container, name, checked) {
    container.textContent = '';
    list(data.provinces).forEach(function (p) {
      var row = element('label', { class: 'check' });
      var box = element('input', { type: 'checkbox', name: name, value: p.id });
      box.checked = checked.indexOf(p.id) >= 0;
      row.appendChild(box);
      // Province names stay Vietnamese, with their diacritics, in both languages.
      row.appendChild(element('span', { lang: 'vi' }, p.name_vi));
      container.appendChild(row);
    });
  }

  /**
   * The indicators in the order of the widget's own picker (src/chart/indicator_menu.rs), so that an editor meets
   * them as a reader will: for each pillar, the indicators several provinces set (most provinces first, the pillar
   * whose indicator most provinces set first), then for each pillar those one province (or none) set, under
   * "pillar · 1 tỉnh". builder.test.mjs holds the two orders equal.
   */
  function indicatorGroups() {
    var counts = {};
    list(data.indicators).forEach(function (i) {
      counts[i.id] = nProvinces(i.id);
    });
    // Array.prototype.sort is stable in every browser the builder supports: ties keep the dataset's order.
    var groups = [];
    [true, false].forEach(function (shared) {
      var part = [];
      list(data.pillars).forEach(function (pillar) {
        var indicators = list(data.indicators).filter(function (i) {
          return i.pillar === pillar.id && (counts[i.id] >= 2) === shared;
        }).sort(function (a, b) {
          return counts[b.id] - counts[a.id];
        });
        if (!indicators.length) return;
        var name = label(pillar, 'name');
        part.push({
          label: shared ? name : name + ' · ' + t('provincesSetting')(1),
          indicators: indicators,
          counts: counts
        });
      });
      part.sort(function (a, b) {
        return counts[b.indicators[0].id] - counts[a.indicators[0].id];
      });
      groups = groups.concat(part);
    });
    return groups;
  }

  function buildControls() {
    var indicator = $('indicator');
    indicator.textContent = '';
    indicatorGroups().forEach(function (part) {
      var group = element('optgroup', { label: part.label });
      part.indicators.forEach(function (i) {
        group.appendChild(element('option', { value: i.id },
          label(i, 'label') + ' (' + t('provincesSetting')(part.counts[i.id]) + ')'));
      });
      indicator.appendChild(group);
    });
    indicator.disabled = false;
    checkboxes($('province-list'), 'province', state.provinces);
    checkboxes($('highlight-list'), 'highlight', state.highlight);
    buildYears();
  }

  /** The year list, each year without a target of the chosen provinces marked empty. */
  function buildYears() {
    var year = $('year');
    var targeted = yearsWithTargets(state.indicator, state.provinces);
    year.textContent = '';
    year.appendChild(element('option', { value: 'all' }, t('allYears')));
    years().forEach(function (y) {
      var empty = targeted.indexOf(y) < 0;
      year.appendChild(element('option', { value: String(y) }, String(y) + (empty ? t('emptyYear') : '')));
    });
    year.disabled = false;
    year.value = state.year;
  }

  /** Puts `state` into the form controls. */
  function showState() {
    $('indicator').value = state.indicator;
    buildYears();
    all('input[name="province"]').forEach(function (box) {
      box.checked = state.provinces.indexOf(box.value) >= 0;
    });
    all('input[name="highlight"]').forEach(function (box) {
      box.checked = state.highlight.indexOf(box.value) >= 0;
    });
    all('input[name="lang"]').forEach(function (radio) {
      radio.checked = radio.value === state.lang;
    });
    $('theme').value = state.theme;
    $('hide-national').checked = state.national === 'off';
  }

  function checkedValues(name) {
    return all('input[name="' + name + '"]').filter(function (box) {
      return box.checked;
    }).map(function (box) {
      return box.value;
    });
  }

  /** Reads the form controls into `state`; false if the choice is not allowed (no province). */
  function readState(changed) {
    var provinces = checkedValues('province');
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
    state.title = $('title').value.trim();
    state.subtitle = $('subtitle').value.trim();
    state.note = $('note').value.trim();
    state.credit = $('credit').value.trim();
    state.highlight = checkedValues('highlight');
    state.controls = $('hide-controls').checked ? 'none' : '';
    state.national = $('hide-national').checked ? 'off' : '';
    return true;
  }

  // ---- the empty-chart warning ----------------------------------------------------------------------------
  function showEmptyWarning() {
    var warning = $('empty-warning');
    warning.textContent = '';
    if (!data || !isEmptyChoice()) {
      warning.hidden = true;
      return;
    }
    warning.appendChild(element('span', null, t('empty')(state.year)));
    var targeted = yearsWithTargets(state.indicator, state.provinces);
    if (targeted.length) {
      warning.appendChild(document.createTextNode(' ' + t('emptyTry') + ' '));
      targeted.forEach(function (y) {
        var button = element('button', { type: 'button', class: 'secondary', 'data-year': String(y) }, String(y));
        warning.appendChild(button);
        warning.appendChild(document.createTextNode(' '));
      });
    }
    warning.hidden = false;
  }

  // ---- the embed code -----------------------------------------------------------------------------------
  /** The attributes that reproduce `state`; every default (all years, all provinces, …) is left out. */
  function attributes(forPreview) {
    var attrs = [['indicator', state.indicator]];
    if (state.year !== 'all') attrs.push(['year', state.year]);
    if (state.provinces.length !== provinceIds().length) attrs.push(['provinces', state.provinces.join(',')]);
    attrs.push(['lang', state.lang]);
    attrs.push(['theme', state.theme]);
    ['title', 'subtitle', 'note', 'credit'].forEach(function (name) {
      if (state[name]) attrs.push([name, state[name]]);
    });
    if (state.highlight.length) attrs.push(['highlight', state.highlight.join(',')]);
    if (state.controls) attrs.push(['controls', state.controls]);
    if (state.national) attrs.push(['national', state.national]);
    if (userData) attrs.push(['src', forPreview ? userData.blobUrl : (userData.hostedUrl || userData.name)]);
    return attrs;
  }

  /**
   * The static image that comes nearest the chosen view, and how near: the static export has one image per
   * indicator, language and year (or all years), always with every province and in the light theme.
   */
  function staticImage() {
    var index = staticIndex[state.lang];
    if (userData || !index || !Array.isArray(index.charts)) return null;
    var chart = index.charts.filter(function (c) {
      return c.indicator === state.indicator;
    })[0];
    if (!chart) return null;
    var folder = STATIC_URL + STATIC_FOLDER[state.lang];
    var image = {
      href: folder + chart.svg, src: folder + chart.png, width: chart.width, height: chart.height,
      summary: chart.summary, source: chart.source, fit: state.year === 'all' ? 'exact' : 'allYears'
    };
    if (state.year !== 'all') {
      var year = list(chart.years).filter(function (y) {
        return String(y.year) === state.year;
      })[0];
      if (year) {
        image = {
          href: folder + year.svg, src: folder + year.svg, width: year.width, height: year.height,
          summary: year.summary, source: year.source, fit: 'exact'
        };
      }
    }
    if (image.fit === 'exact' && state.provinces.length !== provinceIds().length) image.fit = 'allProvinces';
    return image;
  }

  /**
   * The fallback for readers without JavaScript: the nearest static image (linking to its SVG), its alt text
   * the editor's title and subtitle, then the image's own summary, so that it says what the image shows; the
   * editor's words and the source line as text, since the static image is the default view without them; and
   * the highlighted provinces by name, since the image highlights none. Everything is escaped: it is text.
   */
  function noscript() {
    var image = staticImage();
    var words = TEXT[state.lang];
    var lines = ['<noscript>'];
    if (state.title) lines.push('  <p><strong>' + escapeHtml(state.title) + '</strong></p>');
    if (state.subtitle) lines.push('  <p>' + escapeHtml(state.subtitle) + '</p>');
    if (image) {
      var alt = [state.title, state.subtitle].filter(Boolean).map(asSentence).concat(image.summary).join(' ');
      lines.push('  <p><a href="' + escapeHtml(image.href) + '"><img src="' + escapeHtml(image.src) + '" width="' +
        image.width + '" height="' + image.height + '" alt="' + escapeHtml(alt) + '"></a></p>');
      if (image.source) lines.push('  <p>' + escapeHtml(image.source) + '</p>');
    } else {
      lines.push('  <p>' + escapeHtml(words.noscriptText) + '</p>');
    }
    if (state.highlight.length) {
      var names = state.highlight.map(provinceName).join(', ');
      lines.push('  <p>' + escapeHtml(words.noscriptHighlight + names + '.' +
        (image ? ' ' + words.noscriptHighlightImage : '')) + '</p>');
    }
    if (state.note) lines.push('  <p>' + escapeHtml(state.note) + '</p>');
    if (state.credit) lines.push('  <p>' + escapeHtml(state.credit) + '</p>');
    lines.push('</noscript>');
    return lines.join('\n');
  }

  /** An editor's title or subtitle as the start of an alt text: ends with a full stop unless it has a mark. */
  function asSentence(words) {
    return /[.!?…:]$/.test(words) ? words : words + '.';
  }

  /** A province's name in the data the builder offers (its id if it is not there). */
  function provinceName(id) {
    var province = list(data && data.provinces).filter(function (p) {
      return p.id === id;
    })[0];
    return province ? province.name_vi : id;
  }

  // ---- the first view's own height ----------------------------------------------------------------------
  // The code carries the chosen view's own height by width (`heights`, read by loader/heights.js), so that the
  // widget reserves what this view needs while it loads, not what the bundled default view needs: no blank box
  // below a shorter view on a screen that holds the whole chart. Measured here, on widgets of this very view
  // every 10 px of width (plus a margin for a reader's fonts), in a closed shadow root clipped to one invisible
  // pixel: the page and its tests see one chart, the preview.
  // Narrower than the first band the widget is taller than a phone's screen, and the stylesheet's reservation
  // serves (loader/fit.js lets it go once the content passes the screen's bottom).
  var HEIGHT_FROM = 600;
  var HEIGHT_TO = 1400;
  var HEIGHT_STEP = 10;
  var HEIGHT_MARGIN = 8;
  var measured = { key: null, heights: null };
  var measureRoot = null;

  /** The measured `heights` of the current view, or null while it is being measured (or cannot be). */
  function viewHeights() {
    return measured.key === JSON.stringify(attributes(true)) ? measured.heights : null;
  }

  function measureHeights() {
    var attrs = attributes(true);
    var key = JSON.stringify(attrs);
    if (measured.key === key || (userData && (userData.broken || userData.sheetProblems))) return;
    measured = { key: key, heights: null };
    if (!measureRoot) {
      var host = element('div', { class: 'measure', 'aria-hidden': 'true' });
      document.body.appendChild(host);
      measureRoot = host.attachShadow({ mode: 'closed' });
    }
    measureRoot.textContent = '';
    var widths = [];
    for (var width = HEIGHT_FROM; width <= HEIGHT_TO; width += HEIGHT_STEP) widths.push(width);
    var charts = widths.map(function (width) {
      // Each at the corner, over the others: every one meets the visible pixel, so each starts (lazy.js).
      var box = document.createElement('div');
      box.style.cssText = 'position:absolute;top:0;left:0;width:' + width + 'px';
      var chart = document.createElement('province-targets');
      attrs.forEach(function (a) {
        chart.setAttribute(a[0], a[1]);
      });
      chart.style.setProperty('--pt-min-height', '0px');
      box.appendChild(chart);
      measureRoot.appendChild(box);
      return chart;
    });
    (function settle() {
      if (measured.key !== key) return; // another view is being measured
      var states = charts.map(function (chart) {
        return chart.getAttribute('data-state');
      });
      if (states.indexOf('error') >= 0) return measureRoot.textContent = '';
      if (states.some(function (each) { return each !== 'ready'; })) return requestAnimationFrame(settle);
      var heights = charts.map(function (chart) {
        return Math.ceil(chart.shadowRoot.querySelector('.pt-root').getBoundingClientRect().height);
      });
      // From each width to the next, the taller of the two: a wrap between them is on the safe side.
      var pairs = [];
      widths.forEach(function (from, i) {
        var height = Math.max(heights[i], heights[Math.min(i + 1, widths.length - 1)]) + HEIGHT_MARGIN;
        if (!pairs.length || pairs[pairs.length - 1][1] !== height) pairs.push([from, height]);
      });
      measured.heights = pairs.map(function (pair) {
        return pair.join(':');
      }).join(',');
      measureRoot.textContent = '';
      showCode();
    })();
  }

  /** The code's attributes: the view's, and its own heights once measured. */
  function codeAttributes() {
    var attrs = attributes(false);
    var heights = viewHeights();
    return heights ? attrs.concat([['heights', heights]]) : attrs;
  }

  function scriptCode() {
    var attrs = codeAttributes().map(function (a) {
      return ' data-' + a[0] + '="' + escapeHtml(a[1]) + '"';
    }).join('');
    return '<script src="' + escapeHtml(PINNED_LOADER_URL) + '"' + attrs + LOADER_TRUST + '></script>\n' + noscript();
  }

  function elementCode() {
    var attrs = codeAttributes().map(function (a) {
      return ' ' + a[0] + '="' + escapeHtml(a[1]) + '"';
    }).join('');
    return '<script src="' + escapeHtml(PINNED_LOADER_URL) + '" data-embed="none"' + LOADER_TRUST + ' async></script>\n' +
      '<province-targets' + attrs + '></province-targets>\n' + noscript();
  }

  /** The iframe code: the frame's URL carries the options as its query; a title names the frame for a screen reader. */
  function frameCode() {
    var query = new URLSearchParams();
    attributes(false).forEach(function (a) {
      query.append(a[0], a[1]);
    });
    var indicator = list(data && data.indicators).filter(function (i) {
      return i.id === state.indicator;
    })[0];
    // The frame's name is in the chart's language, like the chart it frames.
    var title = state.title || (indicator ? indicator['label_' + state.lang] || indicator.label_vi : state.indicator);
    return '<iframe src="' + escapeHtml(PINNED_FRAME_URL + '?' + query.toString()) + '" title="' + escapeHtml(title) +
      '" width="100%" height="' + FRAME_HEIGHT + '" frameborder="0" scrolling="auto" loading="lazy" ' +
      'data-province-targets></iframe>\n' +
      '<script src="' + escapeHtml(PINNED_RESIZER_URL) + '" integrity="' + RESIZER_INTEGRITY +
      '" crossorigin="anonymous" async></script>';
  }

  var measureTimer = null;

  function showCode() {
    // Measured once the editor pauses: typing a title would otherwise lay out every width at each key.
    clearTimeout(measureTimer);
    measureTimer = setTimeout(measureHeights, 500);
    $('code-script').value = scriptCode();
    $('code-element').value = elementCode();
    $('code-frame').value = frameCode();
    var image = staticImage();
    var note = $('static-note');
    note.textContent = !image ? t('staticNone')
      : t({ exact: 'staticExact', allProvinces: 'staticAllProvinces', allYears: 'staticAllYears' }[image.fit]) +
        (state.highlight.length ? t('staticHighlight') : '') + (state.national === 'off' ? t('staticNational') : '') +
        (state.theme === 'light' ? '' : t('staticTheme'));
    var differs = state.highlight.length > 0 || state.national === 'off';
    note.classList.toggle('warning-text', !image || image.fit !== 'exact' || differs);
  }

  // ---- the live preview ---------------------------------------------------------------------------------
  /** A new <province-targets> for every change: exactly what a fresh page with the code would show. */
  function showPreview() {
    var preview = $('preview');
    // A sheet with problems makes no dataset: no chart, only its problems, by row and column.
    if (userData && userData.sheetProblems) {
      preview.textContent = '';
      preview.appendChild(element('p', { class: 'hint preview-note' }, t('sheetPreviewNote')));
      listProblems(userData.sheetProblems[ui], 'sheetProblemsHeading');
      return;
    }
    var chart = element('province-targets');
    attributes(true).forEach(function (a) {
      chart.setAttribute(a[0], a[1]);
    });
    // While the editor's file has problems there is no chart, only the list of problems: in the builder's
    // language, which the editor reads (the code keeps the chart's language).
    if (userData && userData.broken) chart.setAttribute('lang', ui);
    preview.setAttribute('data-theme', state.theme);
    preview.setAttribute('data-frame', frame);
    preview.textContent = '';
    preview.appendChild(chart);
    watchPreview(chart);
  }

  /** Copies the preview's list of data problems into the "your data" step, once the widget has shown it. */
  function watchPreview(chart) {
    if (!userData) {
      showProblems(null);
      return;
    }
    var observer = new MutationObserver(function () {
      var stateNow = chart.getAttribute('data-state');
      if (stateNow === 'ready') {
        observer.disconnect();
        userData.broken = false;
        showProblems(null);
      } else if (stateNow === 'error' && chart.shadowRoot) {
        observer.disconnect();
        if (!userData.broken && state.lang !== ui) {
          userData.broken = true;
          showPreview(); // again, in the builder's language
          return;
        }
        userData.broken = true;
        showProblems(chart.shadowRoot.querySelector('[role="alert"]'));
      }
    });
    observer.observe(chart, { attributes: true, attributeFilter: ['data-state'] });
  }

  function showProblems(alert) {
    if (!alert) {
      $('problem-list').textContent = '';
      $('data-problems').hidden = true;
      return;
    }
    var lines = Array.prototype.map.call(alert.querySelectorAll('li'), function (li) {
      return li.textContent;
    });
    if (!lines.length) {
      var message = alert.querySelector('p');
      lines = [(message || alert).textContent.trim()];
    }
    if (userData && userData.refusedByPolicy) lines.push(t('dataRefused'));
    else if (userData) userData.problemsShown = true;
    listProblems(lines, 'problemsHeading');
  }

  /** Lists `lines` under the heading `headingKey` in the "your data" step: a JSON file's or a sheet's problems. */
  function listProblems(lines, headingKey) {
    var heading = $('problems-heading');
    heading.setAttribute('data-t', headingKey);
    heading.textContent = t(headingKey);
    var items = $('problem-list');
    items.textContent = '';
    lines.forEach(function (line) {
      items.appendChild(element('li', null, line));
    });
    $('data-problems').hidden = false;
    $('your-data').open = true;
  }

  function update(changed) {
    if (!readState(changed)) return;
    buildYears();
    showEmptyWarning();
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
    if (!state.provinces.length) state.provinces = provinceIds();
    if (!(userData && userData.broken)) state.lang = detail.lang || state.lang;
    // The preview's own national-target switch is the form's "hide" box pressed from the other side.
    if (detail.national) state.national = detail.national === 'off' ? 'off' : '';
    showState();
    showEmptyWarning();
    showCode();
  }

  // ---- the editor's own data ----------------------------------------------------------------------------
  /** A dataset file: JSON, or the CSV sheet that `province-targets csv` writes (by name, or by its type). */
  function kindOf(file) {
    if (/\.csv$/i.test(file.name) || /^(text\/csv|application\/csv|text\/comma-separated-values)$/.test(file.type)) {
      return 'sheet';
    }
    return /\.json$/i.test(file.name) || /json/.test(file.type) ? 'json' : null;
  }

  function useFile(file) {
    if (!file) return;
    var kind = kindOf(file);
    if (!kind) {
      showFileMessage(t('dataWrongType'));
      return;
    }
    file.text().then(function (text) {
      return kind === 'sheet' ? readSheet(text) : { json: text };
    }).then(function (read) {
      useFileText(file.name, kind, read);
    }, function (error) {
      showFileMessage(t('sheetFailed') + (error && error.message ? error.message : String(error)));
    });
  }

  /**
   * The sheet module, imported (a dynamic import of its glue: same origin, so script-src 'self' allows it) and
   * instantiated ('wasm-unsafe-eval') on the first CSV only; a failed load is tried again on the next one.
   */
  function loadSheetModule() {
    if (!sheetModule) {
      sheetModule = import(SHEET_GLUE_URL).then(function (glue) {
        return glue.default({ module_or_path: SHEET_WASM_URL }).then(function () {
          return glue;
        });
      });
      sheetModule.catch(function () {
        sheetModule = null;
      });
    }
    return sheetModule;
  }

  /**
   * A CSV's text as the dataset's JSON text, or its problems in both languages (the builder's language can
   * change while they are listed). The JSON is written as `province-targets import` writes it.
   */
  function readSheet(text) {
    return loadSheetModule().then(function (glue) {
      var vi = glue.sheet_to_dataset(text, 'vi');
      if (vi.dataset) return { json: JSON.stringify(vi.dataset, null, 2) + '\n' };
      return { problems: { vi: vi.problems, en: glue.sheet_to_dataset(text, 'en').problems } };
    });
  }

  /** Uses what a file read into: JSON text the preview reads from a Blob URL, or a sheet's problems. */
  function useFileText(name, kind, read) {
    if (userData && userData.blobUrl) URL.revokeObjectURL(userData.blobUrl);
    // The embed code names a JSON file: for a sheet, the one "Tải JSON" gives the editor to publish.
    var jsonName = kind === 'sheet' ? name.replace(/\.csv$/i, '') + '.json' : name;
    // The file never leaves the browser: the preview reads it from a Blob URL of this page.
    userData = {
      name: jsonName,
      blobUrl: read.json === undefined ? null : URL.createObjectURL(new Blob([read.json], { type: 'application/json' })),
      sheetProblems: read.problems || null,
      hostedUrl: '',
      broken: false
    };
    $('data-name').textContent = name;
    $('data-url').value = '';
    $('data-chosen').hidden = false;
    var download = $('data-json');
    download.hidden = !(kind === 'sheet' && userData.blobUrl);
    if (!download.hidden) {
      $('data-json-link').href = userData.blobUrl;
      $('data-json-link').setAttribute('download', jsonName);
    }
    // The controls offer what the file holds when it reads as a dataset; the widget checks it either way.
    var parsed = null;
    try {
      parsed = read.json === undefined ? null : JSON.parse(read.json);
    } catch (ignored) {
      parsed = null;
    }
    useDataset(parsed && Array.isArray(parsed.provinces) && Array.isArray(parsed.indicators) &&
      Array.isArray(parsed.targets) && parsed.provinces.length ? parsed : bundled);
  }

  function showFileMessage(message) {
    listProblems([message], 'problemsHeading');
  }

  function clearFile() {
    if (userData && userData.blobUrl) URL.revokeObjectURL(userData.blobUrl);
    userData = null;
    $('data-chosen').hidden = true;
    $('data-file').value = '';
    useDataset(bundled);
  }

  /** Offers `dataset`'s indicators and provinces, keeping the editor's choices where they still exist. */
  function useDataset(dataset) {
    data = dataset;
    var ids = provinceIds();
    var indicators = list(data.indicators).map(function (i) {
      return i.id;
    });
    if (indicators.indexOf(state.indicator) < 0) state.indicator = defaultIndicator();
    state.provinces = state.provinces.filter(function (id) {
      return ids.indexOf(id) >= 0;
    });
    if (!state.provinces.length) state.provinces = ids;
    state.highlight = state.highlight.filter(function (id) {
      return ids.indexOf(id) >= 0;
    });
    if (years().indexOf(Number(state.year)) < 0) state.year = 'all';
    buildControls();
    showState();
    update(null);
  }

  function startDataStep() {
    var zone = $('drop-zone');
    $('data-file').addEventListener('change', function (event) {
      event.stopPropagation(); // not a view option: the form's change handler has nothing to do
      useFile(event.target.files && event.target.files[0]);
    });
    zone.addEventListener('dragover', function (event) {
      event.preventDefault();
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', function () {
      zone.classList.remove('over');
    });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      zone.classList.remove('over');
      useFile(event.dataTransfer && event.dataTransfer.files && event.dataTransfer.files[0]);
    });
    $('data-clear').addEventListener('click', clearFile);
    // The preview reads the file from a Blob URL; a policy without blob: in connect-src refuses that.
    document.addEventListener('securitypolicyviolation', function (event) {
      // The report names only the scheme of a blob: URL ("blob").
      if (!userData || !/^blob/.test(event.blockedURI || '')) return;
      userData.refusedByPolicy = true;
      // The event may come after the preview's error has been listed.
      if (userData.problemsShown) $('problem-list').appendChild(element('li', null, t('dataRefused')));
    });
    $('data-url').addEventListener('input', function (event) {
      event.stopPropagation();
      if (!userData) return;
      userData.hostedUrl = event.target.value.trim();
      showCode();
    });
    $('data-url').addEventListener('change', function (event) {
      event.stopPropagation();
    });
  }

  // ---- copying ------------------------------------------------------------------------------------------
  function copy(button) {
    var area = $(button.getAttribute('data-copy'));
    var status = $('copy-status');
    var fallback = function () {
      area.focus();
      area.select();
      status.textContent = t('selected');
    };
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      navigator.clipboard.writeText(area.value).then(function () {
        status.textContent = t('copied');
      }, fallback);
    } else {
      fallback();
    }
  }

  // ---- start --------------------------------------------------------------------------------------------
  function setInterfaceLanguage(lang) {
    ui = lang;
    showInterfaceWords();
    $('copy-status').textContent = '';
    if (!data) return;
    buildControls();
    showState();
    update(null);
  }

  function setFrame(name) {
    frame = name;
    all('[data-frame]').forEach(function (node) {
      if (node.tagName === 'BUTTON') node.setAttribute('aria-pressed', String(node.getAttribute('data-frame') === name));
    });
    $('preview').setAttribute('data-frame', name);
  }

  function fetchStatic(folder) {
    return fetch(STATIC_URL + folder + 'index.json').then(function (r) {
      return r.ok ? r.json() : null;
    }).catch(function () {
      return null;
    });
  }

  function start() {
    var asked = new URLSearchParams(location.search).get('ui');
    ui = asked === 'en' ? 'en' : 'vi';
    showInterfaceWords();
    ['title', 'subtitle', 'note', 'credit'].forEach(function (name) {
      $(name).maxLength = TEXT_LIMITS[name];
    });
    $('options').addEventListener('change', function (event) {
      update(event.target);
    });
    $('options').addEventListener('input', function (event) {
      // The editor's words go into the code as they are typed; the preview waits for the change event.
      if (event.target.type === 'text' && readState(null)) showCode();
    });
    $('options').addEventListener('submit', function (event) {
      event.preventDefault();
    });
    $('empty-warning').addEventListener('click', function (event) {
      var year = event.target.getAttribute && event.target.getAttribute('data-year');
      if (!year) return;
      $('year').value = year;
      update(null);
    });
    all('button.copy').forEach(function (button) {
      button.addEventListener('click', function () {
        copy(button);
      });
    });
    all('[data-ui-lang]').forEach(function (button) {
      button.addEventListener('click', function () {
        setInterfaceLanguage(button.getAttribute('data-ui-lang'));
      });
    });
    all('button[data-frame]').forEach(function (button) {
      button.addEventListener('click', function () {
        setFrame(button.getAttribute('data-frame'));
      });
    });
    $('preview').addEventListener('province-targets-change', onWidgetChange);
    startDataStep();

    var staticPromise = Promise.all([fetchStatic(STATIC_FOLDER.vi), fetchStatic(STATIC_FOLDER.en)]);
    fetch(new URL('targets.json', LOADER_URL)).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (json) {
      bundled = json;
      return staticPromise;
    }).then(function (indexes) {
      staticIndex = { vi: indexes[0], en: indexes[1] };
      state.provinces = [];
      useDataset(bundled);
      document.body.setAttribute('data-ready', 'true');
    }).catch(function (error) {
      var status = $('copy-status');
      status.setAttribute('role', 'alert');
      status.textContent = t('loadFailed') + (error && error.message ? error.message : String(error));
    });
  }

  start();
})();
