// The iframe embed's page (frame.html): one <province-targets> with the options the frame's URL names
// (?indicator=…&year=…&lang=…), and its height sent to the host page, where frame-resizer.js fits the frame to it.
// For CMSes that strip <script> from an article body: the host page needs no script of ours for the chart, and
// one optional line for the height.
(function () {
  var params = new URLSearchParams(location.search);
  var chart = document.createElement('province-targets');
  // Every name is passed on as an attribute: the loader's own checks name a mistyped option and its valid
  // values in this frame's console, as for any embed. Only plain names are attributes at all.
  params.forEach(function (value, name) {
    if (/^[a-z][a-z-]{0,31}$/.test(name)) chart.setAttribute(name, value);
  });
  if (/^en\b/.test(params.get('lang') || '')) document.documentElement.lang = 'en';
  document.getElementById('chart').appendChild(chart);

  // The page's own height, sent whenever it changes: the host page cannot read a cross-origin frame's document.
  var sent = 0;
  function sendHeight() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === sent || window.parent === window) return;
    sent = height;
    // Only a number leaves the frame, so any host may read it.
    window.parent.postMessage({ 'province-targets-height': height }, '*');
  }
  if (typeof ResizeObserver === 'function') new ResizeObserver(sendHeight).observe(document.documentElement);
  window.addEventListener('load', sendHeight);
})();
