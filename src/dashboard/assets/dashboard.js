// Draws the dashboard's charts from the page's JSON data block (src/dashboard/scenario-page.ts writes it): per
// line a min–max band and the median over the runs, the change points as triangles, each creep as a dashed
// fitted trend; a click on a run opens its report.html when one was kept. No network, no eval.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('data').textContent);
  var runs = data.runs;
  var colours = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
  Chart.defaults.animation = false;
  var empty = function () { return runs.labels.map(function () { return null; }); };
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
      var marks = empty();
      spec.changes.forEach(function (c) {
        var p = spec.lines[c.line].points[c.after];
        if (p) marks[c.after] = p[0];
      });
      datasets.push({ label: 'change point', data: marks, showLine: false, pointStyle: 'triangle', pointRadius: 7, borderColor: '#000', backgroundColor: '#ffcc00' });
    }
    spec.creeps.forEach(function (c, i) {
      if (c.from < 0 || c.to < 0) return;
      var trend = empty();
      trend[c.from] = c.values[0];
      trend[c.to] = c.values[1];
      var colour = colours[c.line % colours.length];
      datasets.push({ label: i === 0 ? 'creep (fitted trend)' : 'creep ' + (i + 1), creep: true, data: trend, spanGaps: true, borderColor: '#000', backgroundColor: colour, borderDash: [6, 4], borderWidth: 2.5, pointRadius: 0 });
    });
    new Chart(canvas, {
      type: 'line',
      data: { labels: runs.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: false },
        onClick: function (event, elements) {
          var hit = elements.filter(function (e) { return runs.reports[e.index]; })[0];
          if (hit) window.location.href = runs.reports[hit.index];
        },
        onHover: function (event, elements) {
          var link = elements.some(function (e) { return runs.reports[e.index]; });
          event.native.target.style.cursor = link ? 'pointer' : 'default';
        },
        scales: {
          x: { title: { display: true, text: 'run (commit), oldest first' }, ticks: { autoSkip: true, maxRotation: 60 } },
          y: { title: { display: true, text: spec.unit } },
        },
        plugins: {
          legend: { labels: { boxWidth: 12, filter: function (item, chart) { return !chart.datasets[item.datasetIndex].band; } } },
          tooltip: {
            filter: function (item) { return !item.dataset.band; },
            callbacks: { footer: function (items) { return items.length && runs.reports[items[0].dataIndex] ? 'click: open this run\u2019s report' : 'no report kept for this run'; } },
          },
        },
      },
    });
  });
})();
