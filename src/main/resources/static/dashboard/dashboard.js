// 态势分析: the leaders' dashboard. It reads, with the webapps' session (the same login as Tasklist):
//   GET /api/metrics?from&to&by=city|month|unit|district   the rates of docs/metrics.md
//   GET /api/warnings                                       the open warnings
//   GET /api/dashboard/heatmap?from&to                      petitions per category × district
//   GET /api/dashboard/overdue                              overdue open tasks per group
// The server decides who reads (CurrentUser.readsSituation): this page only shows what it
// gets. Everything that comes from the data (district names typed by petitioners, unit names, warning
// texts) goes into the page as text (textContent), and into chart tooltips escaped (see escape()):
// ECharts 5.3 puts tooltip content in as HTML (docs/dashboard.md, "Security").
'use strict';

const ZONE = 'Asia/Shanghai';

const RATES = [
  ['timelyTriageRate', '及时分流率'],
  ['timelyAcceptanceRate', '及时受理率'],
  ['onTimeCompletionRate', '按期办结率'],
  ['participationRate', '参评率'],
  ['satisfactionRate', '满意率'],
  ['repeatPetitionRate', '重复信访率'],
  ['firstTimeResolutionRate', '一次性化解率'],
];

// the six rates of the contract's §6 (the trend chart); the table shows timelyTriageRate too
const TREND_RATES = RATES.filter(([key]) => key !== 'timelyTriageRate');

const CATEGORIES = {
  HOUSING: '住房和城乡建设',
  LABOUR: '劳动和社会保障',
  LAND: '国土资源与规划',
  ENVIRONMENT: '生态环境',
  EDUCATION: '教育',
  HEALTH: '卫生健康',
  URBAN_MANAGEMENT: '城市管理',
  OTHER: '其他',
};

const DISTRICTS = {
  FUTIAN: '福田区',
  LUOHU: '罗湖区',
  NANSHAN: '南山区',
  BAOAN: '宝安区',
  LONGGANG: '龙岗区',
  OTHER: '其他/不明',
};

function districtName(code) {
  return DISTRICTS[code] || code || '';
}

const WARNING_TYPES = {
  REPEAT: '重复信访',
  GROUP: '群体信访',
  SURGE: '激增',
  OVERDUE: '超期',
};

const charts = {};

function $(id) {
  return document.getElementById(id);
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, String(value));
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

/** For chart tooltips, which ECharts inserts as HTML. */
function escape(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  })[c]);
}

function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

function isoDate(date) {
  // the Beijing calendar date of an instant
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(date);
}

function dateTime(value) {
  if (!value) {
    return '';
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleString('zh-CN', { timeZone: ZONE, hour12: false });
}

function monthsBefore(isoDay, months) {
  const [y, m] = isoDay.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  return first.toISOString().slice(0, 10);
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function get(path, params = {}) {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(query ? `${path}?${query}` : path, {
    credentials: 'same-origin',
    // X-Requested-With: an expired session answers 401 without the browser's login dialog
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (response.status === 401) {
    // the session ended: the page's address sends to the login and back
    window.location.assign('/dashboard/');
    throw new HttpError(401, '登录已失效，正在转到登录页…');
  }
  if (!response.ok) {
    let message = `服务器未能提供数据（${response.status}）`;
    try {
      const body = await response.json();
      if (body && body.error) {
        message = body.error;
      }
    } catch (e) {
      // not JSON: keep the status
    }
    throw new HttpError(response.status, message);
  }
  return response.json();
}

function chart(id) {
  if (!charts[id]) {
    charts[id] = echarts.init($(id), null, { renderer: 'svg', locale: 'ZH' });
  }
  return charts[id];
}

function unavailable(id, error) {
  if (charts[id]) {
    charts[id].dispose();
    delete charts[id];
  }
  $(id).replaceChildren(el('p', { class: 'xf-empty' }, `暂无数据：${error.message}`));
}

function label(row) {
  return row.label || row.key || '';
}

function districtLabel(row) {
  return DISTRICTS[row.key] || row.label || row.key || '';
}

// —— 全市指标 ——

function renderCards(city) {
  const row = (city.rows || [])[0] || {};
  $('cards').replaceChildren(
    el('div', { class: 'xf-card' }, el('div', { class: 'xf-name' }, '登记量'),
      el('div', { class: 'xf-value' }, row.registered ?? 0)),
    ...RATES.map(([key, name]) => el('div', { class: 'xf-card', 'data-rate': key },
      el('div', { class: 'xf-name' }, name), el('div', { class: 'xf-value' }, percent(row[key])))),
  );
}

// —— 月度趋势 ——

/** The twelve months YYYY-MM from the month of isoFrom to the month of isoTo. */
function monthKeys(isoFrom, isoTo) {
  const keys = [];
  let [y, m] = isoFrom.split('-').map(Number);
  const last = isoTo.slice(0, 7);
  for (let i = 0; i < 24; i += 1) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    keys.push(key);
    if (key >= last) {
      break;
    }
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return keys;
}

function renderTrend(months, from, to) {
  // a month without petitions has no row: it shows as 0 registered and no rates
  const byKey = new Map((months.rows || []).map((r) => [r.key, r]));
  const rows = monthKeys(from, to).map((key) => byKey.get(key) || { key, registered: 0 });
  const axis = rows.map((r) => `${Number(r.key.slice(0, 4))}年${Number(r.key.slice(5, 7))}月`);
  chart('trend').setOption({
    animation: false,
    tooltip: {
      trigger: 'axis',
      formatter: (items) => [escape(items[0]?.axisValue), ...items.map((i) =>
        `${i.marker}${escape(i.seriesName)}：${escape(i.seriesIndex === 0 ? i.value : percent(i.value === null ? null : i.value / 100))}`)]
        .join('<br>'),
    },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 50, right: 50, top: 56, bottom: 30 },
    xAxis: { type: 'category', data: axis },
    yAxis: [
      { type: 'value', name: '登记量（件）', minInterval: 1 },
      { type: 'value', name: '比率（%）', min: 0, max: 100 },
    ],
    series: [
      { name: '登记量', type: 'bar', data: rows.map((r) => r.registered ?? 0), itemStyle: { color: '#c9ced6' } },
      ...TREND_RATES.map(([key, name]) => ({
        name, type: 'line', yAxisIndex: 1, connectNulls: false,
        data: rows.map((r) => (r[key] === null || r[key] === undefined ? null : +(r[key] * 100).toFixed(1))),
      })),
    ],
  }, true);
}

// —— 排名表 ——

function rankingTable(container, data, keyHeader, name = label) {
  const columns = [
    { key: 'name', title: keyHeader, value: name, text: true },
    { key: 'registered', title: '登记量', value: (r) => r.registered ?? 0, show: (v) => v },
    ...RATES.map(([key, name]) => ({ key, title: name, value: (r) => r[key], show: percent })),
  ];
  const state = { column: 'registered', descending: true };
  const rows = data.rows || [];
  function draw() {
    const col = columns.find((c) => c.key === state.column);
    const sorted = [...rows].sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      // nothing due (null) always last
      if (x === null || x === undefined) return (y === null || y === undefined) ? 0 : 1;
      if (y === null || y === undefined) return -1;
      const order = col.text ? String(x).localeCompare(String(y), 'zh-CN') : x - y;
      return state.descending ? -order : order;
    });
    const head = el('tr', {}, columns.map((c) => {
      const button = el('button', { type: 'button', title: `按${c.title}排序` }, c.title);
      button.addEventListener('click', () => {
        state.descending = state.column === c.key ? !state.descending : !c.text;
        state.column = c.key;
        draw();
      });
      return el('th', {
        scope: 'col', 'data-column': c.key,
        'aria-sort': state.column === c.key ? (state.descending ? 'descending' : 'ascending') : 'none',
      }, button);
    }));
    const body = sorted.length
      ? sorted.map((r) => el('tr', {}, columns.map((c) =>
        el('td', { class: c.text ? 'xf-text' : null }, c.text ? c.value(r) : c.show(c.value(r))))))
      : [el('tr', {}, el('td', { class: 'xf-empty', colspan: columns.length }, '区间内没有登记的信访事项。'))];
    container.replaceChildren(el('table', { class: 'xf-table' }, el('thead', {}, head), el('tbody', {}, body)));
  }
  draw();
}

// —— 超期待办 ——

function renderOverdue(data) {
  const rows = [...(data.rows || [])].sort((a, b) => a.overdue - b.overdue);
  $('overdue-as-of').textContent = `截至 ${dateTime(data.asOf)}，各候选组中已超过期限仍未办理的任务数。`;
  if (!rows.length) {
    unavailable('overdue', new Error('当前没有超期待办任务。'));
    $('overdue').firstChild.textContent = '当前没有超期待办任务。';
    return;
  }
  if (!charts.overdue) {
    $('overdue').replaceChildren();
  }
  $('overdue').style.height = `${Math.max(160, rows.length * 28 + 60)}px`;
  chart('overdue').resize();
  chart('overdue').setOption({
    animation: false,
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (items) => `${escape(items[0].name)}：${escape(items[0].value)} 件`,
    },
    grid: { left: 10, right: 40, top: 10, bottom: 20, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: '件' },
    yAxis: { type: 'category', data: rows.map((r) => r.label || r.group) },
    series: [{ name: '超期待办', type: 'bar', data: rows.map((r) => r.overdue), itemStyle: { color: '#b4232a' },
      label: { show: true, position: 'right' } }],
  }, true);
}

// —— 热力图 ——

function renderHeatmap(data) {
  const cells = data.cells || [];
  if (!cells.length) {
    unavailable('heatmap', new Error('区间内没有登记的信访事项。'));
    $('heatmap').firstChild.textContent = '区间内没有登记的信访事项。';
    return;
  }
  if (!charts.heatmap) {
    $('heatmap').replaceChildren();
  }
  const category = (c) => (c.category ? (CATEGORIES[c.category] || c.category) : '未分类');
  const totals = (key) => {
    const sums = new Map();
    cells.forEach((c) => sums.set(key(c), (sums.get(key(c)) || 0) + c.count));
    return [...sums.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  };
  const districts = totals((c) => districtName(c.district));
  const categories = totals(category);
  const max = Math.max(...cells.map((c) => c.count));
  chart('heatmap').setOption({
    animation: false,
    tooltip: {
      formatter: (p) => `${escape(districts[p.value[0]])} · ${escape(categories[p.value[1]])}：${escape(p.value[2])} 件`,
    },
    grid: { left: 10, right: 20, top: 10, bottom: 70, containLabel: true },
    xAxis: { type: 'category', data: districts, splitArea: { show: true }, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'category', data: categories, splitArea: { show: true } },
    visualMap: {
      min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
      inRange: { color: ['#fff5f0', '#fcae91', '#fb6a4a', '#cb181d', '#67000d'] },
    },
    series: [{
      name: '登记量', type: 'heatmap', label: { show: true },
      data: cells.map((c) => [districts.indexOf(districtName(c.district)), categories.indexOf(category(c)), c.count]),
    }],
  }, true);
}

// —— 预警 ——

function renderWarnings(list) {
  // open: not yet acknowledged by the unit that received the 预警提示函
  const rows = [...(list || [])].filter((w) => !w.acknowledgedAt)
    .sort((a, b) => String(b.raisedAt).localeCompare(String(a.raisedAt)));
  const head = el('tr', {}, ['类型', '案件编号', '地区', '问题类别', '提示单位', '预警时间', '说明']
    .map((t) => el('th', { scope: 'col' }, t)));
  const body = rows.length
    ? rows.map((w) => el('tr', { 'data-type': w.type },
      el('td', { class: 'xf-text' }, WARNING_TYPES[w.type] || w.type),
      el('td', { class: 'xf-text' }, w.caseNumber || '—'),
      el('td', { class: 'xf-text' }, w.district ? districtName(w.district) : '—'),
      el('td', { class: 'xf-text' }, w.category ? (CATEGORIES[w.category] || w.category) : '—'),
      el('td', { class: 'xf-text' }, w.unitName || w.unit || '—'),
      el('td', { class: 'xf-text' }, dateTime(w.raisedAt)),
      el('td', { class: 'xf-text' }, w.detail || '')))
    : [el('tr', {}, el('td', { class: 'xf-empty', colspan: 7 }, '当前没有未处理的预警。'))];
  $('warnings').replaceChildren(el('table', { class: 'xf-table xf-left' }, el('thead', {}, head), el('tbody', {}, body)));
}

// —— 加载 ——

async function section(work, onError) {
  try {
    await work();
  } catch (e) {
    if (e.status === 401) {
      return;
    }
    onError(e);
  }
}

function tableError(id) {
  return (e) => $(id).replaceChildren(el('p', { class: 'xf-empty' }, `暂无数据：${e.message}`));
}

async function load() {
  const from = $('from').value;
  const to = $('to').value;
  $('error').hidden = true;
  if (!from || !to || from > to) {
    $('error').textContent = '请选择开始日期和结束日期，开始日期不能晚于结束日期。';
    $('error').hidden = false;
    return;
  }
  const range = { from, to };
  $('period').textContent = `统计区间：${from} 至 ${to}（登记日期，北京时间）`;
  const trendFrom = monthsBefore(to, 11);
  await Promise.all([
    section(async () => renderCards(await get('/api/metrics', { ...range, by: 'city' })),
      (e) => $('cards').replaceChildren(el('p', { class: 'xf-empty' }, `全市指标暂无数据：${e.message}`))),
    section(async () => renderTrend(await get('/api/metrics', { from: trendFrom, to, by: 'month' }), trendFrom, to),
      (e) => unavailable('trend', e)),
    section(async () => rankingTable($('units'), await get('/api/metrics', { ...range, by: 'unit' }), '承办单位'),
      tableError('units')),
    section(async () => rankingTable($('districts'), await get('/api/metrics', { ...range, by: 'district' }), '地区', districtLabel),
      tableError('districts')),
    section(async () => renderOverdue(await get('/api/dashboard/overdue')), (e) => unavailable('overdue', e)),
    section(async () => renderHeatmap(await get('/api/dashboard/heatmap', range)), (e) => unavailable('heatmap', e)),
    section(async () => renderWarnings(await get('/api/warnings')), tableError('warnings')),
  ]);
  document.body.dataset.loaded = 'true';
}

function resizeAll(width) {
  Object.values(charts).forEach((c) => c.resize(width ? { width } : undefined));
}

async function serverToday() {
  // the server's date (Beijing), which the figures are measured at; the browser's clock may differ
  try {
    return isoDate(new Date((await get('/api/dashboard/overdue')).asOf));
  } catch (e) {
    return isoDate(new Date());
  }
}

async function init() {
  const today = await serverToday();
  $('to').value = today;
  $('from').value = monthsBefore(today, 11);
  $('range').addEventListener('submit', (e) => {
    e.preventDefault();
    load();
  });
  $('print').addEventListener('click', () => window.print());
  // A4 portrait: 180 mm of chart width, about 680 CSS pixels
  window.addEventListener('beforeprint', () => {
    $('printed-at').textContent = dateTime(new Date());
    resizeAll(680);
  });
  window.addEventListener('afterprint', () => resizeAll());
  // print preview and print emulation switch the media without those events
  window.matchMedia('print').addEventListener('change', (e) => resizeAll(e.matches ? 680 : undefined));
  window.addEventListener('resize', () => resizeAll());
  load();
}

init();
