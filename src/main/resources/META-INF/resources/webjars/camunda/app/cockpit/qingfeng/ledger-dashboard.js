// Qingfeng's Cockpit plugins: the ledger dashboard (台账看板) on Cockpit's start page, and the problem tab (问题台账)
// in a process instance's runtime view. Figures come from GET /api/dashboard, the lists behind them from
// GET /api/ledger/problems with the filter each figure carries; both are read with the Cockpit login session.
// Charts are ECharts, served from the org.webjars.npm:echarts webjar.

// this file is served at <context>/camunda/app/cockpit/qingfeng/ledger-dashboard.js
const ROOT = new URL('../../../../', import.meta.url);
const ECHARTS = new URL('webjars/echarts/5.3.1/dist/echarts.min.js', ROOT).href;
const LIFECYCLE = 'problemLifecycle';
const LIST_SIZE = 50;

const STATUS = {
  REPORTED: '待登记', REJECTED: '不予登记', REGISTERED: '整改中', CLOSED: '已销号', CONSOLIDATED: '已巩固', REBOUNDED: '已反弹',
  MERGED: '已合并'
};
const STAGE = {
  REGISTRATION: '登记', CLAIM: '签收认领', RETURN_REVIEW: '退回审核', PLANNING: '制定整改方案', RECTIFICATION: '实施整改',
  EXTENSION_REVIEW: '延期审批', VERIFICATION: '核查', EVALUATION: '满意度测评', CLOSURE: '销号', AWAITING_REVISIT: '待回头看',
  REVISIT: '回头看', FINISHED: '已办结'
};
// option labels of forms/register-problem.form and forms/report-problem.form, for the problem tab
const CATEGORY = {
  attitude: '服务态度', efficiency: '办事效率', discipline: '工作纪律', integrity: '廉洁自律', serviceQuality: '服务质量',
  formalism: '形式主义官僚主义'
};
const SEVERITY = { general: '一般', serious: '较重', grave: '严重' };
const CHANNEL = {
  suggestionBox: '意见箱', hotline: '清风热线', onlinePlatform: '网上投诉平台', questionnaire: '季度问卷调查', fieldVisit: '下沉服务日',
  specialInspection: '专项督查', receptionDay: '局长接待日', appointedSupervisor: '作风监督员/特邀监督员', undercoverVisit: '第三方暗访',
  onlinePoll: '网上民调', crossInspection: '交叉互查', enterpriseRevisit: '企业回访', revisit: '整改回头看'
};
const WARNING = { NONE: '无预警', YELLOW: '黄牌', RED: '红牌' };
const WARNING_COLOUR = { NONE: '#5b8ff9', YELLOW: '#f6bd16', RED: '#e8684a' };
const EVENT = {
  REPORTED: '发现问题', TASK_COMPLETED: '办理', REJECTED: '不予登记', REGISTERED: '登记', CLAIM_REMINDER: '催办签收',
  RESPONSIBILITY_CONFIRMED: '确认责任', DEADLINE_EXTENDED: '延期', YELLOW_WARNING: '黄牌预警', RED_WARNING: '红牌预警',
  INTERVIEW_RECORDED: '约谈', WATCH_LIST_PROPOSED: '提请列入观察名单', DEADLINE_SET_BY_INTERVIEW: '约谈重定期限',
  SATISFACTION_ASSESSED: '满意度评定', RECTIFICATION_REOPENED: '重新整改', DEADLINE_RECALCULATED: '整改时限重算',
  CLAIM_DEADLINE_RECALCULATED: '签收时限重算',
  CLOSED: '销号', REVISITED: '回头看', REBOUND_OPENED: '反弹立项', SPECIAL_SUPERVISION_ORDERED: '挂牌督办',
  SUPERVISION_REPORT_MISSED: '督办报告逾期', SPECIAL_SUPERVISION_ENDED: '督办结束', RECTIFICATION_GROUP_PROPOSED: '提请成立专班',
  RECTIFICATION_GROUP_FORMED: '成立整改专班', RECTIFICATION_GROUP_DECLINED: '不成立专班', REVISIT_SAMPLED: '抽中回头看',
  REVISIT_REMINDER: '回头看催办', MERGED_INTO: '合并至原问题', DUPLICATE_MERGED: '合并重复件', PUBLIC_RATED: '群众评议'
};
const FIELD = {
  department: '科室', status: '状态', stage: '环节', warning: '预警', overdue: '逾期', category: '类别', channel: '渠道',
  registeredFrom: '登记自', registeredTo: '登记至', deadlineTo: '期限至'
};

// ---------------------------------------------------------------------------------------------------------------
// small helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child == null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function query(params) {
  return new URLSearchParams(Object.entries(params ?? {})).toString();
}

async function getJson(path, params) {
  const url = new URL(path, ROOT);
  if (params) url.search = query(params);
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.message ?? `${response.status} ${response.statusText}`);
  }
  return response.json();
}

const percent = rate => (rate == null ? '—' : `${(rate * 100).toFixed(1)}%`);
const day = value => (value ? new Date(value).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '');
const time = value => (value ? new Date(value).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');
const instanceLink = (id, text) => (id ? el('a', { href: `#/process-instance/${id}/runtime`, title: '在 Cockpit 中查看流程实例' }, text) : text);

function describe(params) {
  return Object.entries(params).filter(([key]) => key !== 'sort')
    .map(([key, value]) => `${FIELD[key] ?? key}=${({ stage: STAGE, warning: WARNING, status: STATUS, category: CATEGORY,
      channel: CHANNEL, overdue: { true: '是', false: '否' } })[key]?.[value] ?? value}`)
    .join('，');
}

function table(head, rows, empty = '无') {
  return el('table', { class: 'table table-condensed qf-table' },
    el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.length ? rows.map(cells => el('tr', {}, cells.map(c => el('td', {}, c))))
      : el('tr', {}, el('td', { colspan: head.length, class: 'qf-empty' }, empty))));
}

let echartsLoading;
/** ECharts is a UMD bundle: Cockpit's RequireJS loads it as an AMD module; without RequireJS a script tag does. */
function echarts() {
  echartsLoading ??= new Promise((resolve, reject) => {
    if (window.echarts) resolve(window.echarts);
    else if (typeof window.requirejs === 'function') window.requirejs([ECHARTS], resolve, reject);
    else document.head.append(el('script', { src: ECHARTS, onload: () => resolve(window.echarts), onerror: reject }));
  });
  return echartsLoading;
}

function style() {
  if (document.getElementById('qf-style')) return;
  document.head.append(el('style', { id: 'qf-style' }, `
    .qf { padding: 8px 4px 24px; }
    .qf h2 { margin: 4px 0 12px; font-size: 20px; }
    .qf h3 { font-size: 16px; margin: 18px 0 8px; border-left: 4px solid #b5152b; padding-left: 8px; }
    .qf h4 { font-size: 14px; margin: 12px 0 6px; }
    .qf-bar { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
    .qf-bar input[type=month] { width: auto; display: inline-block; }
    .qf-tiles { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
    .qf-tile { border: 1px solid #ddd; border-radius: 4px; padding: 8px 14px; min-width: 110px; background: #fafafa; }
    .qf-tile .qf-value { font-size: 22px; font-weight: bold; display: block; }
    .qf-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
    .qf-chart { width: 100%; height: 320px; }
    .qf-chart.qf-small { height: 260px; }
    .qf-table { font-size: 13px; }
    .qf-table td, .qf-table th { white-space: nowrap; }
    .qf-fail { color: #c9302c; font-weight: bold; }
    .qf-pass { color: #3c763d; }
    .qf-empty { color: #888; }
    .qf-list { border: 1px solid #b5152b; border-radius: 4px; padding: 8px 12px; margin-top: 16px; background: #fff; }
    .qf-list-head { display: flex; justify-content: space-between; align-items: center; gap: 12px; flex-wrap: wrap; }
    .qf-note { color: #666; font-size: 12px; }
    .qf-error { color: #c9302c; }
    .qf-desc { max-width: 360px; white-space: normal !important; }
  `));
}

// ---------------------------------------------------------------------------------------------------------------
// the dashboard

const mounted = new Map();

function renderDashboard(node) {
  style();
  const state = { charts: [], month: null };
  mounted.set(node, state);
  const monthInput = el('input', { type: 'month', class: 'form-control input-sm', id: 'qf-month', 'aria-label': '月份' });
  const asOf = el('span', { class: 'qf-note' });
  const body = el('div', { class: 'qf-body' }, '正在加载……');
  const list = el('div', { class: 'qf-list', id: 'qf-list', hidden: true });
  node.append(el('section', { class: 'qf', id: 'qf-dashboard' },
    el('div', { class: 'qf-bar' }, el('h2', {}, '清风台账看板'), el('label', { for: 'qf-month' }, '月份'), monthInput, asOf),
    body, list));
  monthInput.addEventListener('change', () => monthInput.value && load(monthInput.value));

  const openList = (title, params) => showList(list, title, params);

  async function load(month) {
    body.replaceChildren('正在加载……');
    let data;
    try {
      data = await getJson('api/dashboard', month ? { month } : undefined);
    } catch (e) {
      body.replaceChildren(el('p', { class: 'qf-error' }, `看板数据加载失败：${e.message}`));
      return;
    }
    if (!mounted.has(node)) return;
    state.charts.forEach(chart => chart.dispose());
    state.charts = [];
    monthInput.value = data.month;
    if (!monthInput.max || data.currentMonth) monthInput.max = data.month;
    asOf.textContent = `数据截至 ${time(data.asOf)}；环节与预警为当前状态`;
    body.replaceChildren(...dashboard(data, openList));
    list.hidden = true;
    try {
      const lib = await echarts();
      if (mounted.has(node)) state.charts = charts(lib, body, data, openList, load);
    } catch (e) {
      body.prepend(el('p', { class: 'qf-error' }, '图表库加载失败，仅显示表格。'));
    }
  }
  load();
}

function unmountDashboard(node) {
  const targets = node && mounted.has(node) ? [node] : [...mounted.keys()];
  for (const target of targets) {
    mounted.get(target).charts.forEach(chart => chart.dispose());
    mounted.delete(target);
  }
}

/** A figure as a link that opens the list behind it; without a list, plain text. */
function figure(value, title, params, open, attrs = {}) {
  if (!params) return el('span', attrs, value);
  return el('a', { href: '', ...attrs, onclick: e => { e.preventDefault(); open(title, params); } }, value);
}

function dashboard(data, open) {
  const t = data.total;
  const monthEnd = { deadlineTo: lastDay(data.month), sort: 'deadline,asc' };
  // a closed month's open and overdue problems as of its end are history no ledger list can show
  const overdueNow = data.currentMonth ? { overdue: 'true', sort: 'deadline,asc' } : null;
  const openNow = data.currentMonth ? { status: 'REGISTERED', sort: 'deadline,asc' } : null;
  const tile = (label, value, field, params) => el('div', { class: 'qf-tile' }, label,
    figure(value, `${data.month} ${label}`, params, open, { class: 'qf-value', 'data-total': field }));
  const dept = d => d.rate;
  return [
    el('div', { class: 'qf-tiles' },
      tile('到期问题', t.due, 'due', monthEnd),
      tile('已整改', t.closed, 'closed', monthEnd),
      tile('整改率', percent(t.rectificationRate), 'rectificationRate', monthEnd),
      tile('按期整改率', percent(t.onTimeRate), 'onTimeRate', monthEnd),
      tile('月末在办', t.open, 'open', openNow),
      tile('逾期未改', t.overdue, 'overdue', overdueNow)),

    el('h3', {}, `各科室整改率与按期整改率（${data.month}）`),
    el('div', { class: 'qf-chart', 'data-chart': 'rates' }),
    table(['科室', '到期', '已整改', '按期整改', '整改率', '按期整改率', '审核阈值', '是否达标', '月末在办', '逾期'],
      data.departments.map(d => {
        const r = dept(d);
        const cell = (value, field, params) => figure(value, `${r.departmentName} ${data.month} 到期问题`, params, open,
          { 'data-dept': r.departmentId, 'data-field': field });
        return [r.departmentName,
          cell(r.due, 'due', d.list), cell(r.closed, 'closed', d.list), cell(r.closedOnTime, 'closedOnTime', d.list),
          cell(percent(r.rectificationRate), 'rectificationRate', d.list), cell(percent(r.onTimeRate), 'onTimeRate', d.list),
          el('span', { 'data-dept': r.departmentId, 'data-field': 'threshold' }, percent(d.threshold) + (d.reviewed ? '' : '*')),
          el('span', { class: d.passed ? 'qf-pass' : 'qf-fail' }, d.passed ? '达标' : '未达标'),
          figure(r.open, `${r.departmentName} 在办问题`, d.openList, open, { 'data-dept': r.departmentId, 'data-field': 'open' }),
          figure(r.overdue, `${r.departmentName} 逾期未改`, d.overdueList, open, { 'data-dept': r.departmentId, 'data-field': 'overdue' })];
      })),
    el('p', { class: 'qf-note' }, '整改率 = 月末前到期问题中已销号的比例；按期整改率 = 其中在期限内销号的比例。'
      + '阈值取自当月台账审核；标 * 者当月尚未审核，按审核阈值表（review-threshold）计算。点击数字查看到期问题清单。'),

    el('h3', {}, '在办与逾期（按环节、预警，当前）'),
    el('div', { class: 'qf-chart', 'data-chart': 'work' }),
    table(['环节', '预警', '在办', '其中逾期'], data.work.map(w => [w.stageLabel, WARNING[w.warning],
      figure(w.open, `在办：${w.stageLabel}，${WARNING[w.warning]}`, w.openList, open, { 'data-work': `${w.stage}:${w.warning}:open` }),
      figure(w.overdue, `逾期：${w.stageLabel}，${WARNING[w.warning]}`, w.overdueList, open, { 'data-work': `${w.stage}:${w.warning}:overdue` })]),
      '当前没有在办问题'),

    el('h3', {}, `近 12 个月趋势（至 ${data.month}）`),
    el('div', { class: 'qf-chart', 'data-chart': 'trend' }),
    table(['月份', '到期', '已整改', '整改率', '按期整改率'], data.trend.map(m => [m.month,
      figure(m.figures.due, `${m.month} 到期问题`, { deadlineTo: lastDay(m.month), sort: 'deadline,asc' }, open, { 'data-trend': m.month }),
      m.figures.closed, percent(m.figures.rectificationRate), percent(m.figures.onTimeRate)])),

    el('h3', {}, `${data.month} 登记问题：按类别与发现渠道`),
    el('div', { class: 'qf-grid' },
      el('div', {}, el('h4', {}, '按问题类别'), el('div', { class: 'qf-chart qf-small', 'data-chart': 'categories' }),
        shares(data.categories, '类别', open, 'category')),
      el('div', {}, el('h4', {}, '按发现渠道'), el('div', { class: 'qf-chart qf-small', 'data-chart': 'channels' }),
        shares(data.channels, '渠道', open, 'channel'))),

    el('h3', {}, '作风观察名单'),
    table(['科室', '人员', '列入原因', '列入时间', '观察至', '流程'], data.watchList.map(w => [w.department, w.person,
      el('span', { class: 'qf-desc' }, w.reason), day(w.listed_at), day(w.observe_until), instanceLink(w.process_instance_id, '查看')]),
      '观察名单为空'),

    el('h3', {}, `${data.month} 约谈与提醒函`),
    el('h4', {}, '月度台账审核'),
    table(['科室', '到期', '已整改', '整改率', '阈值', '结果', '连续未达标', '约谈', '约谈人', '约谈时间'],
      data.reviews.map(r => [r.department, r.due, r.closed, percent(r.rectification_rate), percent(r.threshold),
        el('span', { class: r.passed ? 'qf-pass' : 'qf-fail' }, r.passed ? '达标' : '未达标'), r.consecutive_failures,
        r.interview ?? '', r.interviewer ?? '', r.interview_time ?? '']), '本月尚无审核结果'),
    el('h4', {}, '问题约谈（逾期升级）'),
    table(['问题编号', '科室', '层级', '约谈', '约谈人', '约谈时间', '记录时间'], data.escalationInterviews.map(i => [
      instanceLink(i.processInstanceId, i.problemNumber), i.departmentName ?? '', i.level, i.title, i.interviewer ?? '',
      i.interviewTime ?? '', time(i.recordedAt)]), '本月无问题约谈'),
    el('h4', {}, '廉洁提醒函'),
    table(['编号', '科室', '状态', '缘由', '发函时间', '答复期限'], data.letters.map(l => [l.number, l.departmentName,
      l.statusLabel, el('span', { class: 'qf-desc' }, l.reason), time(l.sentAt), day(l.replyDue)]), '本月无提醒函'),
  ];
}

function shares(items, label, open, field) {
  return table([label, '问题数'], items.map(s => [s.label,
    figure(s.count, `${label}：${s.label}`, s.list, open, { [`data-${field}`]: s.code })]), '本月无登记问题');
}

function lastDay(month) {
  const [year, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(year, m, 0).getDate()).padStart(2, '0')}`;
}

function charts(lib, body, data, open, load) {
  const made = [];
  const chart = name => {
    const instance = lib.init(body.querySelector(`[data-chart="${name}"]`));
    made.push(instance);
    return instance;
  };
  const names = data.departments.map(d => d.rate.departmentName);
  const rates = chart('rates');
  rates.setOption({
    tooltip: { trigger: 'axis', valueFormatter: v => (v == null ? '—' : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: names },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: '整改率', type: 'bar', data: data.departments.map(d => pct(d.rate.rectificationRate)), itemStyle: { color: '#5b8ff9' } },
      { name: '按期整改率', type: 'bar', data: data.departments.map(d => pct(d.rate.onTimeRate)), itemStyle: { color: '#5ad8a6' } },
      { name: '审核阈值', type: 'line', step: 'middle', symbol: 'none', data: data.departments.map(d => pct(d.threshold)),
        lineStyle: { color: '#e8684a', type: 'dashed', width: 2 }, itemStyle: { color: '#e8684a' } }
    ]
  });
  rates.on('click', e => {
    const d = data.departments[e.dataIndex];
    if (d) open(`${d.rate.departmentName} ${data.month} 到期问题`, d.list);
  });

  const stages = [...new Set(data.work.map(w => w.stage))];
  const work = chart('work');
  const cell = (stage, warning) => data.work.find(w => w.stage === stage && w.warning === warning);
  work.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: stages.map(s => STAGE[s] ?? s) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      ...Object.keys(WARNING).map(w => ({ name: `在办·${WARNING[w]}`, type: 'bar', stack: 'open', itemStyle: { color: WARNING_COLOUR[w] },
        data: stages.map(s => cell(s, w)?.open ?? 0) })),
      { name: '其中逾期', type: 'bar', itemStyle: { color: '#6f5ef9' }, data: stages.map(s => data.work.filter(w => w.stage === s)
        .reduce((sum, w) => sum + w.overdue, 0)) }
    ]
  });
  work.on('click', e => {
    const stage = stages[e.dataIndex];
    const warning = Object.keys(WARNING).find(w => e.seriesName === `在办·${WARNING[w]}`);
    if (warning) {
      const c = cell(stage, warning);
      if (c) open(`在办：${c.stageLabel}，${WARNING[warning]}`, c.openList);
    } else {
      open(`逾期：${STAGE[stage] ?? stage}`, { overdue: 'true', stage, sort: 'deadline,asc' });
    }
  });

  const trend = chart('trend');
  trend.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: data.trend.map(m => m.month) },
    yAxis: [{ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }, { type: 'value', minInterval: 1, name: '到期' }],
    series: [
      { name: '到期问题', type: 'bar', yAxisIndex: 1, data: data.trend.map(m => m.figures.due), itemStyle: { color: '#d3dcef' } },
      { name: '整改率', type: 'line', data: data.trend.map(m => pct(m.figures.rectificationRate)), itemStyle: { color: '#5b8ff9' } },
      { name: '按期整改率', type: 'line', data: data.trend.map(m => pct(m.figures.onTimeRate)), itemStyle: { color: '#5ad8a6' } }
    ]
  });
  trend.on('click', e => load(data.trend[e.dataIndex].month));

  for (const [name, items, label] of [['categories', data.categories, '类别'], ['channels', data.channels, '渠道']]) {
    const pie = chart(name);
    pie.setOption({
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: items.map(s => ({ name: s.label, value: s.count })),
        label: { formatter: '{b} {c}' } }]
    });
    pie.on('click', e => {
      const s = items[e.dataIndex];
      if (s?.list) open(`${label}：${s.label}`, s.list);
    });
  }
  return made;
}

const pct = rate => (rate == null ? null : Math.round(rate * 1000) / 10);

/** The list behind a figure: the ledger API's list with the figure's filter, paged, with exports of the same filter. */
async function showList(panel, title, params, page = 0) {
  panel.hidden = false;
  panel.replaceChildren(el('p', {}, '正在加载清单……'));
  panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
  let result;
  try {
    result = await getJson('api/ledger/problems', { ...params, size: LIST_SIZE, page });
  } catch (e) {
    panel.replaceChildren(el('p', { class: 'qf-error' }, `清单加载失败：${e.message}`));
    return;
  }
  const pages = Math.max(1, Math.ceil(result.total / LIST_SIZE));
  const api = file => new URL(`api/ledger/${file}?${query(params)}`, ROOT).href;
  panel.replaceChildren(
    el('div', { class: 'qf-list-head' },
      el('h4', {}, title, ' ', el('small', {}, `共 `, el('span', { 'data-list-total': '' }, result.total), ' 条')),
      el('span', {},
        el('a', { href: api('problems.xlsx') }, '导出 Excel'), ' · ',
        el('a', { href: api('problems.csv') }, '导出 CSV'), ' · ',
        el('a', { href: api('problems'), target: '_blank', rel: 'noopener' }, '接口数据'), ' · ',
        el('a', { href: '', onclick: e => { e.preventDefault(); panel.hidden = true; } }, '关闭'))),
    el('p', { class: 'qf-note' }, `台账筛选条件：${describe(params)}`),
    table(['问题编号', '科室', '状态', '环节', '预警', '整改期限', '逾期', '销号时间', '按期', '问题描述'],
      result.items.map(p => [instanceLink(p.processInstanceId, p.number), p.departmentName ?? '', STATUS[p.status] ?? p.status,
        STAGE[p.stage] ?? p.stage, WARNING[p.warningColour] ?? '', day(p.deadline),
        p.overdue ? el('span', { class: 'qf-fail' }, '逾期') : '', day(p.closedAt),
        p.closedOnTime == null ? '' : p.closedOnTime ? '是' : '否', el('span', { class: 'qf-desc' }, p.description)]),
      '没有符合条件的问题'),
    pages > 1 ? el('div', {},
      page > 0 ? el('button', { class: 'btn btn-default btn-xs', onclick: () => showList(panel, title, params, page - 1) }, '上一页') : null,
      ` 第 ${page + 1} / ${pages} 页 `,
      page + 1 < pages ? el('button', { class: 'btn btn-default btn-xs', onclick: () => showList(panel, title, params, page + 1) }, '下一页') : null)
      : '');
}

// ---------------------------------------------------------------------------------------------------------------
// the problem tab

async function renderProblemTab(node, { api, processInstanceId }) {
  style();
  const root = el('div', { class: 'qf', id: 'qf-problem-tab' }, '正在加载……');
  node.append(root);
  try {
    const engineApi = api?.engineApi ?? `${document.querySelector('base').getAttribute('app-root')}/api/engine/engine/default`;
    const response = await fetch(`${engineApi}/process-instance/${processInstanceId}`, {
      credentials: 'same-origin', headers: { Accept: 'application/json' }
    });
    if (!response.ok) throw new Error(`流程实例查询失败（${response.status}）`);
    const instance = await response.json();
    if (!instance.definitionId?.startsWith(`${LIFECYCLE}:`) || !instance.businessKey) {
      root.replaceChildren(el('p', { class: 'qf-note' }, '此流程实例不是问题闭环流程，没有对应的问题台账记录。'));
      return;
    }
    const detail = await getJson(`api/ledger/problems/${encodeURIComponent(instance.businessKey)}`);
    root.replaceChildren(...problem(detail));
  } catch (e) {
    root.replaceChildren(el('p', { class: 'qf-error' }, `问题台账加载失败：${e.message}`));
  }
}

function problem({ problem: p, timeline, mergedReports }) {
  const row = (label, value) => el('tr', {}, el('th', {}, label), el('td', {}, value ?? ''));
  return [
    el('h4', {}, `问题台账 ${p.number}`),
    el('table', { class: 'table table-condensed qf-table', 'data-problem': p.number }, el('tbody', {},
      row('问题编号', el('span', { 'data-field': 'number' }, p.number)),
      row('状态', el('span', { 'data-field': 'status' }, STATUS[p.status] ?? p.status)),
      row('环节', el('span', { 'data-field': 'stage' }, STAGE[p.stage] ?? p.stage)),
      row('预警', WARNING[p.warningColour]),
      row('是否逾期', p.overdue ? el('span', { class: 'qf-fail' }, '逾期') : '否'),
      row('责任科室', el('span', { 'data-field': 'department' }, p.departmentName)),
      row('责任人', p.responsiblePerson),
      row('问题类别', CATEGORY[p.category] ?? p.category), row('严重程度', SEVERITY[p.severity] ?? p.severity),
      row('发现渠道', CHANNEL[p.channel] ?? p.channel),
      row('问题描述', el('span', { class: 'qf-desc' }, p.description)),
      row('发现时间', time(p.reportedAt)), row('登记时间', time(p.registeredAt)),
      row('整改期限', el('span', { 'data-field': 'deadline' }, time(p.deadline))),
      row('催办 / 延期 / 约谈层级 / 整改轮次', `${p.reminderCount} / ${p.extensionCount} / ${p.escalationLevel} / ${p.rectificationRound}`),
      row('销号时间', time(p.closedAt)),
      row('按期销号', p.closedOnTime == null ? '' : p.closedOnTime ? '是' : '否'),
      row('反弹自', p.reboundOf),
      row('合并至', p.mergedInto),
      row('合并的重复件', (mergedReports ?? []).join('、')))),
    el('h4', {}, '办理时间线'),
    table(['时间', '事项', '办理人', '说明'], timeline.map(e => [time(e.occurredAt), EVENT[e.type] ?? e.type, e.actor ?? '',
      el('span', { class: 'qf-desc' }, e.detail ?? '')]), '暂无记录'),
    el('p', { class: 'qf-note' }, el('a', { href: new URL(`api/ledger/problems/${encodeURIComponent(p.number)}`, ROOT).href,
      target: '_blank', rel: 'noopener' }, '接口数据（含流程步骤）'))
  ];
}

export default [
  {
    id: 'qingfengLedgerDashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: node => renderDashboard(node),
    unmount: node => unmountDashboard(node),
    properties: { label: '清风台账看板' }
  },
  {
    id: 'qingfengProblemTab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 20,
    render: (node, context) => { renderProblemTab(node, context); },
    properties: { label: '问题台账' }
  }
];
