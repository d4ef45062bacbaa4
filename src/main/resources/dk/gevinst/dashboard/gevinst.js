/* Draws the dashboard's charts from the JSON embedded in the page, and sorts and filters the portfolio.
   It computes nothing statistical: every number comes from the published decision documents, already on
   the scale the page's tables use. SVG renderer, so charts print crisply. Works offline from a file share. */
(function () {
  'use strict';
  var holder = document.getElementById('gevinst-data');
  var data = holder ? JSON.parse(holder.textContent) : {};
  var L = data.labels || {};
  var locale = data.lang === 'en' ? 'en-GB' : 'da-DK';
  var charts = [];
  var NARROW = 560;

  var printButton = document.querySelector('button.print');
  if (printButton) printButton.addEventListener('click', function () { window.print(); });

  /* Folded warnings print open. The print style does it where browsers style a fold's content (::details-content);
     older ones get it here, and the folds close again after printing. */
  var opened = [];
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details.health-warnings:not([open])'), function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  /** A number as the page writes it: the reader's separators and one minus sign (U+2212). */
  function fmt(v, digits) {
    if (v === null || v === undefined || isNaN(v)) return '–';
    var s = Number(v).toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    if (/^-0([.,]0*)?$/.test(s)) s = s.slice(1);
    return s.replace('-', '\u2212');
  }
  function withUnit(s, unit) {
    if (!unit) return s;
    return unit === '%' && data.lang === 'en' ? s + unit : s + '\u00a0' + unit;
  }
  function day(iso) { return new Date(iso + 'T00:00:00Z').getTime(); }
  function shortDate(ms) {
    return new Date(ms).toLocaleDateString(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).replace(/ /g, '\u00a0');
  }
  function monthLabel(ms) {
    var d = new Date(ms);
    var opts = { month: 'short', timeZone: 'UTC' };
    if (d.getUTCMonth() === 0) opts.year = 'numeric';
    return d.toLocaleDateString(locale, opts).replace(/ /g, '\u00a0');
  }
  function colour(role) {
    return role === 'guardrail' ? '#6a3d9a' : role === 'success' ? '#1f4e79' : '#666';
  }

  function init(el) {
    var c = echarts.init(el, null, { renderer: 'svg' });
    charts.push(c);
    return c;
  }
  function empty(el) {
    init(el).setOption({ animation: false, graphic: [{ type: 'text', left: 'center', top: 'middle', style: { text: L['chart.nodata'] || '–', fontSize: 14, fill: '#555' } }] });
  }
  /** An axis range that holds every value given, zero included, with a little air on both sides. */
  function range(values) {
    var lo = Math.min.apply(null, values.concat([0])), hi = Math.max.apply(null, values.concat([0]));
    var pad = (hi - lo || Math.abs(hi) || 1) * 0.1;
    return [lo - pad, hi + pad];
  }

  /* One small panel per indicator, each on its own axis and in its own unit, so a relative change, a
     rate in percentage points and a guardrail in days never share (and distort) one scale. Panels with the
     same group (a comparison's candidates on one indicator, in one unit) share one axis, so the candidates
     side by side are read on the same scale and a longer bar is a wider interval. */
  function panels(el) {
    var rows = data.panels || [];
    if (!rows.length) { empty(el); return; }
    var groupValues = {};
    rows.forEach(function (r) {
      if (r.group === undefined) return;
      groupValues[r.group] = (groupValues[r.group] || []).concat([r.low, r.high, r.est], r.mark === undefined ? [] : [r.mark]);
    });
    var H = 92, top = 8;
    el.style.height = (rows.length * H + top + 8) + 'px';
    var grids = [], xs = [], ys = [], series = [], titles = [];
    rows.forEach(function (r, i) {
      var y0 = top + i * H;
      var marks = r.mark === undefined ? [] : [r.mark];
      var span = range(r.group === undefined ? [r.low, r.high, r.est].concat(marks) : groupValues[r.group]);
      var c = colour(r.role);
      var about = r.verdict.toLowerCase() === r.roleLabel.toLowerCase() ? [r.roleLabel, r.axis] : [r.roleLabel, r.verdict, r.axis];
      // An explicit line height: with the font's own, a title's descenders ran into its subtitle (on screen and in print).
      titles.push({ text: r.label, subtext: about.join(' · '), top: y0, left: 4, padding: 0, itemGap: 3,
        textStyle: { fontSize: 13, lineHeight: 17, fontWeight: 600, color: '#1b1b1b', width: el.clientWidth - 90, overflow: 'truncate' },
        subtextStyle: { fontSize: 11, color: '#555' } });
      titles.push({ text: r.better > 0 ? L['chart.better'] + ' →' : '← ' + L['chart.better'], top: y0, right: 8, padding: 0,
        textStyle: { fontSize: 11, fontWeight: 'normal', color: '#2e7d32' } });
      grids.push({ left: 16, right: 24, top: y0 + 40, height: 18 });
      xs.push({ gridIndex: i, type: 'value', min: span[0], max: span[1], splitLine: { show: false },
        axisLabel: { fontSize: 11, showMinLabel: false, showMaxLabel: false, hideOverlap: true, formatter: function (v) { return fmt(v, r.decimals); } } });
      ys.push({ gridIndex: i, type: 'category', data: [''], show: false });
      var markData = [{ xAxis: 0, lineStyle: { color: '#000', type: 'solid', width: 1 }, label: { show: false } }];
      if (r.mark !== undefined) {
        markData.push({ xAxis: r.mark, lineStyle: { color: '#c00000', type: 'dashed', width: 2 },
          label: { show: true, position: 'end', formatter: r.markLabel, color: '#c00000', fontSize: 11, distance: 2 } });
      }
      series.push({ type: 'custom', xAxisIndex: i, yAxisIndex: i, data: [[r.low, r.high, r.est, 0]], encode: { x: [0, 1, 2], y: 3 },
        renderItem: function (params, api) {
          var lo = api.coord([api.value(0), 0]), hi = api.coord([api.value(1), 0]), mid = api.coord([api.value(2), 0]);
          var style = { stroke: c, lineWidth: 3, fill: c };
          return { type: 'group', children: [
            { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: style },
            { type: 'line', shape: { x1: lo[0], y1: lo[1] - 7, x2: lo[0], y2: lo[1] + 7 }, style: style },
            { type: 'line', shape: { x1: hi[0], y1: hi[1] - 7, x2: hi[0], y2: hi[1] + 7 }, style: style },
            { type: 'circle', shape: { cx: mid[0], cy: mid[1], r: 6 }, style: style }
          ] };
        },
        markLine: { silent: true, symbol: 'none', data: markData } });
    });
    init(el).setOption({ animation: false, title: titles, grid: grids, xAxis: xs, yAxis: ys, series: series,
      tooltip: { trigger: 'item', formatter: function (p) {
        var r = rows[p.seriesIndex];
        return r.label + '<br>' + L['chart.estimate'] + ': ' + withUnit(fmt(r.est, r.decimals), r.unit) + '<br>' + L['chart.interval'] + ': '
          + fmt(r.low, r.decimals) + ' … ' + withUnit(fmt(r.high, r.decimals), r.unit);
      } } });
  }

  function trend(el) {
    var t = (data.trends || {})[el.getAttribute('data-indicator')];
    var has = function (values) { return values.some(function (v) { return v !== null; }); };
    if (!t || !t.weeks.length || !has(t.pilot)) { empty(el); return; }
    var pairs = function (values) { return t.weeks.map(function (w, i) { return [day(w), values[i]]; }); };
    var pilot = { type: 'line', name: L['chart.pilot'], data: pairs(t.pilot), connectNulls: false, symbolSize: 4, lineStyle: { width: 2 }, itemStyle: { color: '#1f4e79' } };
    if (t.start) {
      pilot.markLine = { silent: true, symbol: 'none', lineStyle: { color: '#444', type: 'solid' },
        label: { position: 'end', formatter: L['chart.start'], fontSize: 11, color: '#444' }, data: [{ xAxis: day(t.start) }] };
      if (t.rampEnd && t.rampEnd !== t.start) {
        pilot.markArea = { silent: true, itemStyle: { color: 'rgba(0,0,0,0.08)' }, label: { show: false }, data: [[{ xAxis: day(t.start) }, { xAxis: day(t.rampEnd) }]] };
      }
    }
    var series = [pilot];
    if (has(t.control)) series.push({ type: 'line', name: L['chart.control'], data: pairs(t.control), connectNulls: false, symbol: 'triangle', symbolSize: 5, lineStyle: { width: 2, type: 'dotted' }, itemStyle: { color: '#b35900' } });
    var first = day(t.weeks[0]), last = day(t.weeks[t.weeks.length - 1]);
    if (t.start) { first = Math.min(first, day(t.start)); last = Math.max(last, day(t.start)); }
    // Months for a long series; days for a few weeks, where month names would repeat.
    var dateLabel = last - first > 150 * 864e5 ? monthLabel : shortDate;
    init(el).setOption({
      animation: false,
      legend: { bottom: 0, itemGap: 16 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return withUnit(fmt(v, 2), t.unit); } },
      grid: { left: 8, right: 20, top: 28, bottom: 36, containLabel: true },
      xAxis: { type: 'time', min: first, max: last, splitNumber: el.clientWidth < NARROW ? 3 : 6,
        axisLabel: { hideOverlap: true, formatter: dateLabel, fontSize: 11 } },
      yAxis: { type: 'value', scale: true, axisLabel: { fontSize: 11, formatter: function (v) { return fmt(v, 2); } } },
      series: series
    });
  }

  function business(el) {
    var b = data.business;
    if (!b || !b.options.length) { empty(el); return; }
    var narrow = el.clientWidth < NARROW;
    var palette = ['#1f4e79', '#b35900', '#2e7d32', '#6a3d9a'];
    var series = [];
    var years = b.options[0].likely.length - 1;
    b.options.forEach(function (o, k) {
      var c = palette[k % palette.length];
      // The low-high band as one polygon: stacking areas misbehaves once values turn negative. Invisible
      // low and high lines let the axis cover the band.
      [o.low, o.high].forEach(function (edge) {
        series.push({ type: 'line', data: edge.map(function (v, i) { return [i, v]; }), symbol: 'none', silent: true, lineStyle: { opacity: 0 }, tooltip: { show: false } });
      });
      series.push({ type: 'custom', data: [0], silent: true, z: 1, tooltip: { show: false },
        renderItem: function (params, api) {
          var upper = o.high.map(function (v, i) { return api.coord([i, v]); });
          var lower = o.low.map(function (v, i) { return api.coord([i, v]); }).reverse();
          return { type: 'polygon', shape: { points: upper.concat(lower) }, style: { fill: c, opacity: 0.13 } };
        } });
      var line = { type: 'line', name: o.name, data: o.likely.map(function (v, i) { return [i, v]; }), symbolSize: 6, z: 3, lineStyle: { width: 2.5, color: c }, itemStyle: { color: c } };
      // Payback is named in the legend; on the chart only an unlabelled dot on the zero line, so labels never collide.
      if (o.payback !== null && o.payback !== undefined) {
        line.markPoint = { silent: true, symbol: 'circle', symbolSize: 10, itemStyle: { color: c, borderColor: '#fff', borderWidth: 2 }, label: { show: false }, data: [{ coord: [o.payback, 0] }] };
      }
      series.push(line);
    });
    series.push({ type: 'line', data: [], markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0 }], lineStyle: { color: '#000' }, label: { show: false } } });
    var money = function (v) { return data.lang === 'en' ? 'DKK\u00a0' + fmt(v / 1e6, 1) + L['chart.million'] : fmt(v / 1e6, 1) + '\u00a0' + L['chart.million'] + '\u00a0kr.'; };
    el.style.height = (narrow ? 300 + 22 * b.options.length : 320) + 'px';
    init(el).setOption({
      animation: false,
      legend: { bottom: 0, orient: narrow ? 'vertical' : 'horizontal', data: b.options.map(function (o) { return o.name; }), textStyle: { fontSize: 12 } },
      tooltip: { trigger: 'item', valueFormatter: money },
      grid: { left: 8, right: 20, top: 16, bottom: narrow ? 30 + 22 * b.options.length : 48, containLabel: true },
      xAxis: { type: 'value', min: 0, max: years, interval: 1, axisLabel: { formatter: function (v) { return v + '\u00a0' + L['chart.years']; } } },
      yAxis: { type: 'value', axisLabel: { formatter: money } },
      series: series
    });
  }

  /* Night by night, the decision interval of each deciding indicator: a band that narrows as data
     arrives, on the same scale as the table, with the line it has to clear. */
  function narrowing(el) {
    var rows = data.narrowing || [];
    if (!rows.length) { empty(el); return; }
    var H = 200;
    el.style.height = rows.length * H + 'px';
    var grids = [], xs = [], ys = [], series = [], titles = [];
    rows.forEach(function (r, i) {
      var y0 = i * H;
      var days = r.days.map(day);
      var marks = r.mark === undefined ? [] : [r.mark];
      var span = range(r.low.concat(r.high, marks));
      titles.push({ text: r.label, subtext: r.axis + (r.mark === undefined ? '' : ' · ' + L['chart.redline'] + ': ' + r.markLabel), top: y0 + 2, left: 4,
        padding: 0, itemGap: 3, textStyle: { fontSize: 13, lineHeight: 17, fontWeight: 600, color: '#1b1b1b' }, subtextStyle: { fontSize: 11, color: '#555' } });
      titles.push({ text: r.better > 0 ? '↑ ' + L['chart.better'] : '↓ ' + L['chart.better'], top: y0 + 2, right: 8, padding: 0, textStyle: { fontSize: 11, fontWeight: 'normal', color: '#2e7d32' } });
      grids.push({ left: 8, right: 24, top: y0 + 40, height: H - 76, containLabel: true });
      xs.push({ gridIndex: i, type: 'time', min: days[0], max: days[days.length - 1], splitNumber: el.clientWidth < NARROW ? 2 : 5,
        axisLabel: { hideOverlap: true, fontSize: 11, formatter: shortDate } });
      ys.push({ gridIndex: i, type: 'value', min: span[0], max: span[1], axisLabel: { fontSize: 11, showMinLabel: false, showMaxLabel: false,
        formatter: function (v) { return fmt(v, 1); } } });
      var markData = [{ yAxis: 0, lineStyle: { color: '#000', type: 'solid', width: 1 }, label: { show: false } }];
      if (r.mark !== undefined) markData.push({ yAxis: r.mark, lineStyle: { color: '#c00000', type: 'dashed', width: 2 }, label: { show: false } });
      series.push({ type: 'custom', xAxisIndex: i, yAxisIndex: i, data: [0], silent: true, z: 1,
        renderItem: function (params, api) {
          var upper = days.map(function (d, k) { return api.coord([d, r.high[k]]); });
          var lower = days.map(function (d, k) { return api.coord([d, r.low[k]]); }).reverse();
          return { type: 'polygon', shape: { points: upper.concat(lower) }, style: { fill: '#1f4e79', opacity: 0.18 } };
        },
        markLine: { silent: true, symbol: 'none', data: markData } });
      series.push({ type: 'line', xAxisIndex: i, yAxisIndex: i, name: L['chart.estimate'], data: days.map(function (d, k) { return [d, r.est[k]]; }),
        symbolSize: 5, lineStyle: { width: 2, color: '#1f4e79' }, itemStyle: { color: '#1f4e79' } });
    });
    init(el).setOption({ animation: false, title: titles, grid: grids, xAxis: xs, yAxis: ys, series: series,
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return fmt(v, 1); } } });
  }

  /* How sure are we? (issue 8) The weekly gap, pilot minus control, with the band its sampling noise alone
     would give: weeks that wander outside it are the teams' own drift, which the interval then rests on.
     Pre and post weeks in their own colours and shading, the start and ramp-up marked, an unfinished week
     as an open dot, a hidden week (fewer than 5 cases) as a grey stripe. Every value comes published. */
  var certainty = data.certainty || {};
  var CL = certainty.labels || {};
  var WEEK = 7 * 864e5;
  function gap(el) {
    var g = (certainty.gaps || {})[el.getAttribute('data-indicator')];
    if (!g || !g.weeks.length) { empty(el); return; }
    var narrow = el.clientWidth < NARROW;
    var mid = function (w) { return day(w.week) + WEEK / 2; };
    var first = day(g.weeks[0].week), last = day(g.weeks[g.weeks.length - 1].week) + WEEK;
    var start = g.start ? day(g.start) : null, rampEnd = g.rampEnd ? day(g.rampEnd) : start;
    if (start !== null) { first = Math.min(first, start); last = Math.max(last, rampEnd); }
    var side = function (post) {
      return g.weeks.filter(function (w) { return w.post === post; }).map(function (w) {
        if (w.suppressed) return [mid(w), null];
        return w.complete ? [mid(w), w.gap] : { value: [mid(w), w.gap], symbol: 'emptyCircle', symbolSize: 9 };
      });
    };
    var shown = g.weeks.filter(function (w) { return !w.suppressed; });
    var hidden = g.weeks.filter(function (w) { return w.suppressed; });
    var pre = { type: 'line', name: CL.pre, data: side(false), connectNulls: false, symbol: 'circle', symbolSize: 5, z: 3,
      lineStyle: { width: 1.5, color: '#777' }, itemStyle: { color: '#777' } };
    var post = { type: 'line', name: CL.post, data: side(true), connectNulls: false, symbol: 'circle', symbolSize: 5, z: 3,
      lineStyle: { width: 2, color: '#1f4e79' }, itemStyle: { color: '#1f4e79' } };
    var areas = [];
    if (start !== null) {
      areas.push([{ xAxis: first, itemStyle: { color: 'rgba(0,0,0,0.03)' } }, { xAxis: start }]);
      if (rampEnd > start) areas.push([{ xAxis: start, itemStyle: { color: 'rgba(0,0,0,0.10)' } }, { xAxis: rampEnd }]);
      areas.push([{ xAxis: rampEnd, itemStyle: { color: 'rgba(31,78,121,0.07)' } }, { xAxis: last }]);
      post.markLine = { silent: true, symbol: 'none', lineStyle: { color: '#444', type: 'solid' },
        label: { position: 'end', formatter: CL.start, fontSize: 11, color: '#444' }, data: [{ xAxis: start }] };
    }
    pre.markArea = { silent: true, label: { show: false }, data: areas };
    if (g.zero) pre.markLine = { silent: true, symbol: 'none', lineStyle: { color: '#000', type: 'solid', width: 1 }, label: { show: false }, data: [{ yAxis: 0 }] };
    var band = { type: 'custom', name: CL.band, silent: true, z: 1, itemStyle: { color: 'rgba(31,78,121,0.22)' },
      data: shown.map(function (w) { return [day(w.week), day(w.week) + WEEK, w.low, w.high]; }), encode: { x: [0, 1], y: [2, 3] },
      renderItem: function (params, api) {
        var a = api.coord([api.value(0), api.value(3)]), b = api.coord([api.value(1), api.value(2)]);
        return { type: 'rect', shape: { x: a[0], y: a[1], width: b[0] - a[0], height: b[1] - a[1] }, style: { fill: 'rgba(31,78,121,0.16)' } };
      } };
    var series = [band, pre, post];
    var legend = [CL.pre, CL.post, CL.band];
    if (g.weeks.some(function (w) { return !w.complete && !w.suppressed; })) {
      series.push({ type: 'scatter', name: CL.incomplete, data: [], symbol: 'emptyCircle', itemStyle: { color: '#1f4e79' } });
      legend.push(CL.incomplete);
    }
    if (hidden.length) {
      series.push({ type: 'custom', name: CL.suppressed, silent: true, z: 0, itemStyle: { color: 'rgba(0,0,0,0.18)' },
        data: hidden.map(function (w) { return [day(w.week), day(w.week) + WEEK]; }), encode: { x: [0, 1] },
        renderItem: function (params, api) {
          var a = api.coord([api.value(0), 0]), b = api.coord([api.value(1), 0]), box = params.coordSys;
          return { type: 'rect', shape: { x: a[0], y: box.y, width: b[0] - a[0], height: box.height }, style: { fill: 'rgba(0,0,0,0.14)' } };
        } });
      legend.push(CL.suppressed);
    }
    // The axis holds every band; around zero for a gap, around the level for a pilot's own series.
    var values = shown.map(function (w) { return w.low; }).concat(shown.map(function (w) { return w.high; }));
    var span = [-1, 1];
    if (values.length && g.zero) span = range(values);
    else if (values.length) {
      var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values), pad = (hi - lo || Math.abs(hi) || 1) * 0.1;
      span = [lo - pad, hi + pad];
    }
    var dateLabel = last - first > 150 * 864e5 ? monthLabel : shortDate;
    init(el).setOption({
      animation: false,
      legend: { bottom: 0, itemGap: narrow ? 10 : 16, itemWidth: 18, textStyle: { fontSize: 11 }, data: legend },
      tooltip: { trigger: 'item', formatter: function (p) {
        var v = Array.isArray(p.value) ? p.value : p.value.value;
        return shortDate(v[0] - WEEK / 2) + ': ' + withUnit(fmt(v[1], g.decimals + 1), g.unit);
      } },
      grid: { left: 8, right: 20, top: 24, bottom: narrow ? 64 : 40, containLabel: true },
      xAxis: { type: 'time', min: first, max: last, splitNumber: narrow ? 3 : 6, axisLabel: { hideOverlap: true, formatter: dateLabel, fontSize: 11 } },
      yAxis: { type: 'value', min: span[0], max: span[1], axisLabel: { fontSize: 11, showMinLabel: false, showMaxLabel: false, formatter: function (v) { return fmt(v, g.decimals); } } },
      series: series
    });
  }

  /* The pilot team's change beside the changes of the teams that had no pilot (each control team made a
     pseudo-pilot against the others), smallest first. Two series on the same bars, so the legend, not a
     label that could collide with the axis, names the pilot's dark bar. */
  function placebo(el) {
    var p = (certainty.placebo || {})[el.getAttribute('data-indicator')];
    if (!p || !p.values.length) { empty(el); return; }
    var only = function (mine) { return p.values.map(function (v, i) { return p.pilot[i] === mine ? v : null; }); };
    init(el).setOption({
      animation: false,
      legend: { bottom: 0, itemGap: 16, textStyle: { fontSize: 11 }, data: [CL.pilot, CL.placebo] },
      grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
      tooltip: { trigger: 'item', formatter: function (x) { return p.names[x.dataIndex] + ': ' + withUnit(fmt(x.value, p.decimals + 1), p.unit); } },
      xAxis: { type: 'category', data: p.names, axisLabel: { show: false }, axisTick: { show: false } },
      yAxis: { type: 'value', axisLabel: { fontSize: 11, formatter: function (v) { return fmt(v, p.decimals); } } },
      series: [
        { type: 'bar', name: CL.placebo, data: only(false), barMaxWidth: 28, itemStyle: { color: '#b7c3cf' },
          markLine: { silent: true, symbol: 'none', lineStyle: { color: '#000', type: 'solid', width: 1 }, label: { show: false }, data: [{ yAxis: 0 }] } },
        { type: 'bar', name: CL.pilot, data: only(true), barMaxWidth: 28, barGap: '-100%', itemStyle: { color: '#1f4e79' } }
      ]
    });
  }

  if (typeof echarts !== 'undefined') {
    var draw = { panels: panels, trend: trend, business: business, narrowing: narrowing, gap: gap, placebo: placebo };
    Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), function (el) {
      var f = draw[el.getAttribute('data-chart')];
      if (f) f(el); else empty(el);
    });
    var redraw = function () { charts.forEach(function (c) { c.resize(); }); };
    window.addEventListener('resize', redraw);
    window.addEventListener('beforeprint', redraw);
  }

  /* The portfolio: sort by any column with a button in its heading, filter by decision and owner. */
  var table = document.querySelector('table.pilots');
  if (!table) return;
  var body = table.tBodies[0];
  var nomatch = document.querySelector('.nomatch');
  var filters = document.querySelectorAll('[data-filter]');
  function applyFilters() {
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var ok = Array.prototype.every.call(filters, function (f) { return !f.value || row.getAttribute('data-' + f.getAttribute('data-filter')) === f.value; });
      row.hidden = !ok;
      if (ok) shown++;
    });
    if (nomatch) nomatch.hidden = shown > 0;
  }
  Array.prototype.forEach.call(filters, function (f) { f.addEventListener('change', applyFilters); });
  function sortBy(column, ascending) {
    Array.prototype.forEach.call(table.querySelectorAll('th, th button'), function (e) { e.removeAttribute('aria-sort'); });
    var button = table.querySelector('th button[data-sort-column="' + column + '"]');
    if (button) {
      button.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      button.parentNode.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    }
    var key = function (row) { return row.cells[column].getAttribute('data-sort') || ''; };
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var nx = Number(x), ny = Number(y);
      var c = x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, locale);
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  // Column headings sort on a laptop (a second click reverses); on a phone, where rows stack, the select does.
  Array.prototype.forEach.call(table.querySelectorAll('th button[data-sort-column]'), function (button) {
    button.addEventListener('click', function () {
      sortBy(Number(button.getAttribute('data-sort-column')), button.getAttribute('aria-sort') !== 'ascending');
    });
  });
  var sortSelect = document.querySelector('[data-sort-select]');
  if (sortSelect) sortSelect.addEventListener('change', function () { if (sortSelect.value !== '') sortBy(Number(sortSelect.value), true); });
})();
