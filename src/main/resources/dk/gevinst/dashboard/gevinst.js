/* Draws the dashboard's charts from the JSON embedded in the page. It computes nothing statistical:
   every number comes from the published decision documents. SVG renderer, so charts print crisply. */
(function () {
  'use strict';
  var holder = document.getElementById('gevinst-data');
  if (!holder || typeof echarts === 'undefined') return;
  var data = JSON.parse(holder.textContent);
  var L = data.labels || {};
  var locale = data.lang === 'da' ? 'da-DK' : 'en-GB';
  var charts = [];

  function fmt(v, digits) {
    if (v === null || v === undefined || isNaN(v)) return '–';
    return Number(v).toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  }

  function init(el) {
    var c = echarts.init(el, null, { renderer: 'svg' });
    charts.push(c);
    return c;
  }

  function empty(el) {
    init(el).setOption({ animation: false, graphic: [{ type: 'text', left: 'center', top: 'middle', style: { text: L['chart.nodata'] || '–', fontSize: 14, fill: '#555' } }] });
  }

  function forest(el) {
    var rows = (data.forest || []).slice().reverse();
    if (!rows.length) { empty(el); return; }
    el.style.height = Math.max(160, 58 * rows.length + 60) + 'px';
    // Relative effects beyond ±100 % are drawn to the edge with an arrow, so one rare, noisy indicator
    // cannot squash the others into a dot.
    var relative = rows.some(function (r) { return r.relative; });
    var lowest = Math.min.apply(null, rows.map(function (r) { return Math.min(r.low, r.mark === undefined ? r.low : r.mark); }));
    var highest = Math.max.apply(null, rows.map(function (r) { return Math.max(r.high, r.mark === undefined ? r.high : r.mark); }));
    var axisMin = relative ? Math.max(-100, Math.floor(lowest / 10) * 10) : undefined;
    var axisMax = relative ? Math.min(100, Math.ceil(highest / 10) * 10) : undefined;
    var clampX = function (v) { return axisMin === undefined ? v : Math.max(axisMin, Math.min(axisMax, v)); };
    // Technical indicators say on the chart itself that they do not affect the decision.
    var names = rows.map(function (r) { return r.role === 'technical' ? r.label + '\n(' + r.roleLabel + ')' : r.label; });
    var colour = function (r) { return r.role === 'technical' || r.role === 'descriptive' ? '#777' : (r.role === 'guardrail' ? '#6a3d9a' : '#1f4e79'); };
    var bars = rows.map(function (r, i) { return { value: [i, r.low, r.high, r.est], itemStyle: { color: colour(r) } }; });
    var marks = [];
    rows.forEach(function (r, i) { if (r.mark !== undefined) marks.push([r.mark, i]); });
    init(el).setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 16, bottom: 36, containLabel: true },
      tooltip: { trigger: 'item', formatter: function (p) {
        var r = rows[p.data.value ? p.data.value[0] : p.data[1]];
        return r.label + ' (' + r.roleLabel + ')<br>' + fmt(r.est, 1) + (r.relative ? ' %' : '') + ' [' + fmt(r.low, 1) + '; ' + fmt(r.high, 1) + ']<br>' + r.verdict;
      } },
      xAxis: { type: 'value', min: axisMin, max: axisMax, name: relative ? '%' : '', axisLabel: { formatter: function (v) { return fmt(v, 0); } } },
      yAxis: { type: 'category', data: names, axisLabel: { width: 240, overflow: 'break', lineHeight: 15 } },
      series: [
        { type: 'custom', name: 'interval', data: bars, encode: { x: [1, 2, 3], y: 0 },
          renderItem: function (params, api) {
            var y = api.value(0);
            var loClipped = clampX(api.value(1)) !== api.value(1), hiClipped = clampX(api.value(2)) !== api.value(2);
            var lo = api.coord([clampX(api.value(1)), y]), hi = api.coord([clampX(api.value(2)), y]), mid = api.coord([clampX(api.value(3)), y]);
            var style = { stroke: api.visual('color'), lineWidth: 2.5, fill: api.visual('color') };
            var end = function (p, clipped, dir) {
              return clipped
                ? { type: 'polygon', shape: { points: [[p[0] + 8 * dir, p[1]], [p[0], p[1] - 6], [p[0], p[1] + 6]] }, style: style }
                : { type: 'line', shape: { x1: p[0], y1: p[1] - 6, x2: p[0], y2: p[1] + 6 }, style: style };
            };
            return { type: 'group', children: [
              { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: style },
              end(lo, loClipped, -1), end(hi, hiClipped, 1),
              { type: 'circle', shape: { cx: mid[0], cy: mid[1], r: 5 }, style: style }
            ] };
          },
          markLine: { silent: true, symbol: 'none', lineStyle: { color: '#000', type: 'solid' }, data: [{ xAxis: 0 }], label: { show: false } } },
        { type: 'scatter', name: 'mde', data: marks.map(function (m) { return [clampX(m[0]), m[1]]; }), symbol: 'rect', symbolSize: [3, 22], itemStyle: { color: '#c00000' }, z: 3 }
      ]
    });
  }

  function trend(el) {
    var t = (data.trends || {})[el.getAttribute('data-indicator')];
    if (!t || !t.weeks.length) { empty(el); return; }
    function weekOf(day) {
      var d = new Date(day + 'T00:00:00Z'); var shift = (d.getUTCDay() + 6) % 7; d.setUTCDate(d.getUTCDate() - shift);
      return d.toISOString().slice(0, 10);
    }
    var lines = [{ xAxis: weekOf(t.start), label: { formatter: L['chart.start'] } }];
    if (t.rampEnd !== t.start) lines.push({ xAxis: weekOf(t.rampEnd), label: { formatter: L['chart.rampup'] } });
    lines = lines.filter(function (m) { return t.weeks.indexOf(m.xAxis) >= 0; });
    var hasControl = t.control.some(function (v) { return v !== null; });
    var series = [{ type: 'line', name: L['chart.pilot'], data: t.pilot, connectNulls: false, symbolSize: 4, lineStyle: { width: 2 }, itemStyle: { color: '#1f4e79' },
      markLine: { silent: true, symbol: 'none', lineStyle: { color: '#444', type: 'dashed' }, data: lines } }];
    if (hasControl) series.push({ type: 'line', name: L['chart.control'], data: t.control, symbol: 'triangle', symbolSize: 5, lineStyle: { width: 2, type: 'dotted' }, itemStyle: { color: '#b35900' } });
    init(el).setOption({
      animation: false, legend: { top: 0 }, tooltip: { trigger: 'axis', valueFormatter: function (v) { return fmt(v, 2); } },
      grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: t.weeks, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: function (v) { return fmt(v, 2); } } },
      series: series
    });
  }

  function business(el) {
    var b = data.business;
    if (!b || !b.options.length) { empty(el); return; }
    var palette = ['#1f4e79', '#b35900', '#2e7d32', '#6a3d9a'];
    var series = [];
    var pair = function (values) { return values.map(function (v, i) { return [i, v]; }); };
    b.options.forEach(function (o, k) {
      var c = palette[k % palette.length];
      // The low-high band as one polygon: stacking areas misbehaves once values turn negative.
      series.push({ type: 'custom', name: o.option + ' – ' + L['chart.low'] + '/' + L['chart.high'], data: [0], silent: true, z: 1,
        renderItem: function (params, api) {
          var top = o.high.map(function (v, i) { return api.coord([i, v]); });
          var bottom = o.low.map(function (v, i) { return api.coord([i, v]); }).reverse();
          return { type: 'polygon', shape: { points: top.concat(bottom) }, style: { fill: c, opacity: 0.15 } };
        } });
      var line = { type: 'line', name: o.option, data: pair(o.likely), symbolSize: 6, z: 3, lineStyle: { width: 2.5, color: c }, itemStyle: { color: c } };
      if (o.payback !== null && o.payback !== undefined) {
        line.markLine = { silent: true, symbol: 'none', lineStyle: { color: c, type: 'dashed' },
          label: { formatter: L['chart.payback'] + ' ' + fmt(o.payback, 1), color: c }, data: [{ xAxis: o.payback }] };
      }
      series.push(line);
    });
    series.push({ type: 'line', data: [], markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0 }], lineStyle: { color: '#000' }, label: { show: false } } });
    var all = [];
    b.options.forEach(function (o) { all = all.concat(o.low, o.high); });
    init(el).setOption({
      animation: false,
      legend: { top: 0, data: b.options.map(function (o) { return o.option; }) },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return fmt(v, 0); } },
      grid: { left: 8, right: 16, top: 30, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: 0, max: b.options[0].likely.length - 1, interval: 1, name: L['chart.years'], nameLocation: 'middle', nameGap: 22 },
      yAxis: { type: 'value', min: Math.min.apply(null, all), max: Math.max.apply(null, all), axisLabel: { formatter: function (v) { return fmt(v / 1e6, 1) + ' M'; } } },
      series: series
    });
  }

  var draw = { forest: forest, trend: trend, business: business };
  Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), function (el) {
    var f = draw[el.getAttribute('data-chart')];
    if (f) f(el); else empty(el);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  window.addEventListener('beforeprint', function () { charts.forEach(function (c) { c.resize(); }); });
})();
