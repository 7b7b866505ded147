// A chart.js plugin that writes each point's `label` beside it, for datasets marked `labelPoints: true`
// (the time-vs-size scatter, where a point without a name says nothing). Plain script, no imports: the
// page inlines this file and png.ts imports it, so both draw the labels the same way.
(function (root) {
  'use strict';
  root.buildbenchPointLabels = {
    id: 'buildbenchPointLabels',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = '11px ' + chart.options.font.family;
      ctx.fillStyle = '#333333';
      ctx.textBaseline = 'bottom';
      chart.data.datasets.forEach(function (dataset, i) {
        if (!dataset.labelPoints || !chart.isDatasetVisible(i)) return;
        chart.getDatasetMeta(i).data.forEach(function (point, j) {
          var raw = dataset.data[j];
          if (raw && typeof raw.label === 'string') ctx.fillText(raw.label, point.x + 7, point.y - 3);
        });
      });
      ctx.restore();
    },
  };
})(globalThis);
