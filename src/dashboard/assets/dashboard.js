// Draws the dashboard's charts from the page's JSON data block (src/dashboard/render.ts writes it): per line
// a min–max band and the median over the runs, and the change points as triangles. No network, no eval.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('data').textContent);
  var colours = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
  Chart.defaults.animation = false;
  data.charts.forEach(function (spec) {
    var canvas = document.getElementById(spec.canvasId);
    if (!canvas) return;
    var datasets = [];
    spec.lines.forEach(function (line, i) {
      var colour = colours[i % colours.length];
      var pick = function (k) { return line.points.map(function (p) { return p === null ? null : p[k]; }); };
      datasets.push({ label: line.name + ' min', band: true, data: pick(1), borderWidth: 0, pointRadius: 0, spanGaps: true, fill: false });
      datasets.push({ label: line.name + ' max', band: true, data: pick(2), borderWidth: 0, pointRadius: 0, spanGaps: true, fill: '-1', backgroundColor: colour + '22' });
      datasets.push({ label: line.name, data: pick(0), borderColor: colour, backgroundColor: colour, borderWidth: 1.5, pointRadius: line.points.length > 60 ? 0 : 2, spanGaps: true });
    });
    if (spec.changes.length > 0) {
      var marks = spec.lines[0].points.map(function () { return null; });
      spec.changes.forEach(function (c) {
        var p = spec.lines[c.line].points[c.after];
        if (p) marks[c.after] = p[0];
      });
      datasets.push({ label: 'change point', data: marks, showLine: false, pointStyle: 'triangle', pointRadius: 7, borderColor: '#000', backgroundColor: '#ffcc00' });
    }
    new Chart(canvas, {
      type: 'line',
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: false },
        scales: {
          x: { title: { display: true, text: 'run (commit), oldest first' }, ticks: { autoSkip: true, maxRotation: 60 } },
          y: { title: { display: true, text: spec.unit } },
        },
        plugins: { legend: { labels: { boxWidth: 12, filter: function (item, chart) { return !chart.datasets[item.datasetIndex].band; } } } },
      },
    });
  });
})();
