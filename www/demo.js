// The demo article's link to a view: the URL fragment names the FIRST chart's view, so a reader can share
// exactly what they see.   #indicator=records-online-commune&year=2025&provinces=bac-giang,lang-son&lang=en&national=off
//
// Loaded with a plain <script src> in <head>, before the loader. The loader reads a chart's options when it
// mounts, from the element's attributes (copied from the script tag's data-* attributes by a script-tag
// embed). So the fragment is written onto the first embed before it mounts: onto its script tag when the
// parser inserts it (a MutationObserver callback runs before a parser-inserted script executes), or onto a
// <province-targets> element written in the HTML. Later, each `province-targets-change` event of the first
// chart writes its view back with history.replaceState (no new history entry, no scroll).
(function () {
  'use strict';

  var KEYS = ['indicator', 'year', 'provinces', 'lang', 'national'];
  var TAG = 'PROVINCE-TARGETS';

  /** The view in the fragment, or null; values are plain strings, checked by the widget itself. */
  function fromHash() {
    var hash = location.hash.replace(/^#/, '');
    if (!hash) return null;
    var params = new URLSearchParams(hash);
    var view = {};
    var any = false;
    KEYS.forEach(function (key) {
      var value = params.get(key);
      if (value != null && value !== '') {
        view[key] = value;
        any = true;
      }
    });
    return any ? view : null;
  }

  /** "#indicator=…&year=…&provinces=a,b&lang=…", keeping commas readable. */
  function toHash(view) {
    return '#' + KEYS.filter(function (key) {
      return view[key] != null && view[key] !== '';
    }).map(function (key) {
      return key + '=' + encodeURIComponent(String(view[key])).replace(/%2C/gi, ',');
    }).join('&');
  }

  function isLoaderScript(node) {
    return node.nodeName === 'SCRIPT' && /(^|\/)province-targets\.js(\?|#|$)/.test(node.getAttribute('src') || '') &&
      node.getAttribute('data-embed') !== 'none' && !(document.head && document.head.contains(node));
  }

  function apply(view, target) {
    var prefix = target.nodeName === 'SCRIPT' ? 'data-' : '';
    KEYS.forEach(function (key) {
      if (view[key] != null) target.setAttribute(prefix + key, view[key]);
    });
  }

  var first = null; // the first chart's script tag or element, once seen

  var initial = fromHash();
  var observer = new MutationObserver(function (records) {
    for (var i = 0; i < records.length && !first; i++) {
      var added = records[i].addedNodes;
      for (var j = 0; j < added.length && !first; j++) {
        var node = added[j];
        if (node.nodeType !== 1) continue;
        var candidate = node.nodeName === TAG || isLoaderScript(node) ? node
          : node.querySelector && node.querySelector('province-targets, script[src]');
        if (candidate && candidate.nodeName === 'SCRIPT' && !isLoaderScript(candidate)) candidate = null;
        if (candidate) first = candidate;
      }
    }
    if (first) {
      observer.disconnect();
      if (initial) apply(initial, first);
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', function () {
    observer.disconnect();
  });

  /** The first chart element on the page now. */
  function firstChart() {
    return document.querySelector('province-targets');
  }

  document.addEventListener('province-targets-change', function (event) {
    if (event.target !== firstChart() || !event.detail) return;
    history.replaceState(history.state, '', location.pathname + location.search + toHash(event.detail));
  });

  // A fragment typed or pasted into the address bar later: show that view (the loader re-mounts the chart).
  window.addEventListener('hashchange', function () {
    var view = fromHash();
    var chart = firstChart();
    if (view && chart) apply(view, chart);
  });
})();
