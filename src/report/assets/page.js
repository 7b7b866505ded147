// Draws the report's charts from the JSON data block: the configurations come from src/report/charts.ts,
// the same objects png.ts renders. No network, no eval: chart.js and its plugins are inlined above.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('data').textContent);
  var bars = window.ChartErrorBars;
  Chart.register(
    bars.BarWithErrorBarsController, bars.BarWithErrorBar,
    bars.LineWithErrorBarsController, bars.PointWithErrorBar,
    window.buildbenchPointLabels
  );
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
  data.charts.forEach(function (spec) {
    var canvas = document.getElementById(spec.canvasId);
    if (!canvas) return;
    var config = spec.config;
    config.options.responsive = true;
    config.options.maintainAspectRatio = false;
    new Chart(canvas, config);
  });
})();
