// The scrollytelling demo (story.html): each step's data-* attributes name a view, and the step on the reading
// line (or the one with focus) sets it on the one sticky chart through the element's API. No library.
(function () {
  'use strict';

  var chart = document.querySelector('.story-chart province-targets');
  var steps = Array.prototype.slice.call(document.querySelectorAll('.story-step'));
  var current = null;

  function show(step) {
    if (!chart || step === current) return;
    current = step;
    steps.forEach(function (other) {
      other.classList.toggle('is-active', other === step);
    });
    chart.update({
      indicator: step.dataset.indicator,
      year: step.dataset.year,
      highlight: step.dataset.highlight || null
    }).catch(function () {}); // a bad value is already in the console, naming the valid ones
  }

  // The step crossing the reading line is the one being read: beside the chart (wide screens) a line across the
  // middle of the screen; under it (phones, where the chart holds the top 58%) a line just below the chart, so a
  // step is never read while it covers the chart's lowest rows.
  var beside = window.matchMedia('(min-width: 900px)').matches;
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) show(entry.target);
    });
  }, { rootMargin: beside ? '-50% 0px -50% 0px' : '-62% 0px -38% 0px' });
  steps.forEach(function (step) {
    observer.observe(step);
    // By keyboard: the chart follows focus, and the focused step comes to the reading line (story.css's
    // scroll-margin-top), where the observer agrees.
    step.addEventListener('focus', function () {
      show(step);
      step.scrollIntoView({ block: 'start' });
    });
  });
})();
