// Draws every <canvas data-chart="{...}"> with Chart.js (served by TokenLedger from its webjar, nothing from the
// internet). The page's controller writes the chart as JSON: type, labels, datasets of decimal strings, currency.
// Plotted values are approximations for the eye; the tables beside each chart carry the exact amounts.
(function () {
  'use strict';
  var palette = ['#2856d8', '#1d7a3a', '#b25b00', '#8e3fb5', '#c0392b', '#16818a', '#6b7a12', '#a6446b', '#5b6478', '#94a3b8'];

  function money(currency) {
    var format = new Intl.NumberFormat(undefined, { style: 'currency', currency: currency || 'USD' });
    return function (value) { return format.format(value); };
  }

  function draw(canvas) {
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    var format = money(spec.currency);
    var datasets = spec.datasets.map(function (set, i) {
      var color = set.color || palette[i % palette.length];
      return {
        label: set.label,
        data: set.data.map(function (value) { return value === null ? null : parseFloat(value); }),
        backgroundColor: color,
        borderColor: color,
        borderDash: set.dashed ? [6, 4] : [],
        pointRadius: spec.type === 'line' ? 0 : undefined,
        fill: false,
        spanGaps: true
      };
    });
    canvas.chart = new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { stacked: !!spec.stacked },
          y: { stacked: !!spec.stacked, beginAtZero: true, ticks: { callback: format } }
        },
        plugins: {
          legend: { display: datasets.length > 1, position: 'bottom' },
          tooltip: { callbacks: { label: function (item) { return item.dataset.label + ': ' + format(item.parsed.y); } } }
        }
      }
    });
    canvas.setAttribute('data-drawn', 'true');
  }

  function drawAll() {
    if (typeof Chart === 'undefined') {
      return;
    }
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
