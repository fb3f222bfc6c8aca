// Draws the audit report's charts from the figures in #audit-data and filters the sample cards.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('audit-data').textContent);
  var palette = ['#3b6ea8', '#d08c2e', '#5a9e6f', '#b5525c', '#7a68a6', '#4f9fa8'];

  function pct(x) { return (x * 100).toFixed(1) + '%'; }
  function get(path) { return path.split('.').reduce(function (o, k) { return o == null ? o : o[k]; }, data); }
  function binLabel(b) {
    var f = function (x) { return Number.isInteger(x) ? String(x) : x.toFixed(2); };
    return b.hi - b.lo === 1 && Number.isInteger(b.lo) ? f(b.lo) : f(b.lo) + '\u2013' + f(b.hi);
  }
  function base(title) {
    return {
      color: palette, animation: false,
      title: { text: title, left: 'center', textStyle: { fontSize: 14, fontWeight: 'normal' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 56, right: 24, top: 48, bottom: 64, containLabel: true }
    };
  }

  var builders = {
    shares: function (el) {
      var dim = el.dataset.dimension, rows = data.breakdowns[dim] || [];
      var o = base('Share of accepted documents by ' + dim);
      var hasPlan = rows.some(function (r) { return r.planned != null; });
      o.legend = { bottom: 0 };
      o.xAxis = { type: 'category', data: rows.map(function (r) { return r.key; }), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 } };
      o.yAxis = { type: 'value', axisLabel: { formatter: function (v) { return pct(v); } } };
      o.tooltip.valueFormatter = function (v) { return pct(v); };
      o.series = [{ name: 'produced', type: 'bar', data: rows.map(function (r) { return r.share; }) }];
      if (hasPlan) o.series.push({ name: 'planned', type: 'bar', data: rows.map(function (r) { return r.planned || 0; }) });
      return o;
    },
    histogram: function (el) {
      var d = get(el.dataset.source) || { bins: [] };
      var o = base(el.dataset.title);
      o.xAxis = { type: 'category', data: d.bins.map(binLabel), name: el.dataset.source.split('.').pop(), nameLocation: 'middle', nameGap: 40 };
      o.yAxis = { type: 'value', name: 'documents', minInterval: 1 };
      o.series = [{ name: 'documents', type: 'bar', barCategoryGap: '5%', data: d.bins.map(function (b) { return b.count; }) }];
      return o;
    },
    rejections: function () {
      var rows = data.rejections.byReason.slice().reverse();
      var o = base('Rejected documents by reason');
      o.grid.left = 16;
      o.xAxis = { type: 'value', minInterval: 1 };
      o.yAxis = { type: 'category', data: rows.map(function (c) { return c.key; }) };
      o.series = [{ name: 'documents', type: 'bar', data: rows.map(function (c) { return c.count; }), itemStyle: { color: palette[3] } }];
      return o;
    },
    score: function (el) {
      var s = data.scores[Number(el.dataset.index)];
      var bins = s.accepted.bins.length ? s.accepted.bins : s.rejected.bins;
      var o = base('Score: ' + s.key);
      o.legend = { bottom: 0 };
      o.xAxis = { type: 'category', data: bins.map(binLabel) };
      o.yAxis = { type: 'value', name: 'documents', minInterval: 1 };
      o.series = [{ name: 'accepted', type: 'bar', stack: 's', data: s.accepted.bins.map(function (b) { return b.count; }) }];
      if (s.rejected.count > 0) {
        o.series.push({ name: 'rejected', type: 'bar', stack: 's', data: s.rejected.bins.map(function (b) { return b.count; }), itemStyle: { color: palette[3] } });
      }
      return o;
    },
    names: function () {
      var top = data.diversity.aiNames.top.slice().reverse();
      var o = base('Most common AI names (share of documents)');
      o.grid.left = 16;
      o.xAxis = { type: 'value', axisLabel: { formatter: function (v) { return pct(v); } } };
      o.yAxis = { type: 'category', data: top.map(function (x) { return x.name; }) };
      o.tooltip.valueFormatter = function (v) { return pct(v); };
      o.series = [{ name: 'share', type: 'bar', data: top.map(function (x) { return x.share; }), itemStyle: { color: palette[4] } }];
      return o;
    }
  };

  // Horizontal bar charts grow with their number of bars so labels stay readable.
  var barCounts = { rejections: data.rejections.byReason.length, names: data.diversity.aiNames.top.length };
  var charts = [];
  document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
    try {
      var bars = barCounts[el.dataset.chart];
      if (bars) el.style.height = Math.max(300, bars * 22 + 100) + 'px';
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(builders[el.dataset.chart](el));
      charts.push(chart);
      el.dataset.rendered = 'true';
    } catch (e) {
      el.textContent = 'chart failed: ' + e.message;
      el.dataset.rendered = 'error';
    }
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });

  // Sample browser: status, stratum and a word search narrow the cards shown.
  var status = document.getElementById('sample-status');
  if (!status) return;
  var stratum = document.getElementById('sample-stratum'), search = document.getElementById('sample-search');
  var count = document.getElementById('sample-count');
  var cards = Array.prototype.slice.call(document.querySelectorAll('article.sample'));
  function apply() {
    var q = search.value.trim().toLowerCase(), shown = 0;
    cards.forEach(function (c) {
      var ok = (!status.value || c.dataset.status === status.value)
        && (!stratum.value || c.dataset.status !== 'accepted' || c.dataset.stratum === stratum.value)
        && (!q || c.textContent.toLowerCase().indexOf(q) >= 0);
      c.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' of ' + cards.length + ' shown';
  }
  [status, stratum].forEach(function (e) { e.addEventListener('change', apply); });
  search.addEventListener('input', apply);
  apply();
})();
