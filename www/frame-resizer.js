// For the host page of an iframe embed: fits each <iframe data-province-targets> to the height its chart reports
// (frame.js). One copy per page is enough however many frames there are; a second copy does nothing.
(function () {
  if (window.__provinceTargetsFrames) return;
  window.__provinceTargetsFrames = true;
  var TALLEST = 20000; // no chart is this tall: a larger number is not a height to trust

  window.addEventListener('message', function (event) {
    var data = event.data;
    var height = data && typeof data === 'object' ? data['province-targets-height'] : null;
    if (typeof height !== 'number' || !(height > 0) || height > TALLEST) return;
    var frames = document.querySelectorAll('iframe[data-province-targets]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      // Only the frame itself, still showing our page, may size itself.
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.src, document.baseURI).origin;
      } catch (ignored) {
        return;
      }
      if (origin !== event.origin) return;
      frame.style.height = Math.ceil(height) + 'px';
      frame.setAttribute('height', String(Math.ceil(height)));
      return;
    }
  });
})();
