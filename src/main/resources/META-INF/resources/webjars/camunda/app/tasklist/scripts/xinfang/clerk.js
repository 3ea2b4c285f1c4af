// Tasklist for a Chinese clerk (config.js, customScripts): loaded by Tasklist as an ES module, it
//  - gives form-js's own English texts (validation messages, "Select", "Search", the date picker) in
//    Chinese, by translating what form-js renders and giving its flatpickr date pickers a Chinese locale;
//  - keeps Esc inside a date field to the date picker (Camunda's modal would otherwise close and discard
//    the start form);
//  - marks overdue (red) and near-due (amber) tasks in the list and in the task detail, as the platform
//    flagged them (priority 100 and 75, 网上督: the reminder point counts working days);
//  - sorts a filter's list as the filter sorts (本组待办 by 截止日期), which Tasklist's header would
//    otherwise replace by 创建时间;
//  - hides 发起流程 from users who may start no process, and the task actions the staff policy refuses
//    (together with styles/user-styles.css);
//  - writes Chinese names 姓名 (Tasklist writes "名 姓");
//  - adds 登记回执 to the header: the clerk's own recent registrations (GET /api/staff/registrations,
//    with the Tasklist login) and a link to each printable receipt.
// docs/architecture.md ("Tasklist for clerks") explains why each is done here and how.

/** form-js 1.8 texts, exactly as it renders them, and what a clerk reads instead. */
const EXACT = new Map([
  ['Field is required.', '此项为必填项。'],
  ['Field must be a valid email.', '请输入有效的电子邮箱地址。'],
  ['Field must be a valid  international phone number. (e.g. +4930664040900)',
    '请输入有效的国际电话号码（例如 +8613800138000）。'],
  ['Select', '请选择'],
  ['Search', '搜索'],
  ['No results', '无匹配项'],
  ['Date', '日期'],
  ['Time', '时间'],
]);

const PATTERNS = [
  [/^Field must have minimum length of (\d+)\.$/, '长度不能少于 $1 个字符。'],
  [/^Field must have maximum length of (\d+)\.$/, '长度不能超过 $1 个字符。'],
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
  // the regular expression itself means nothing to a clerk
  [/^Field must match pattern .*\.$/s, '格式不正确，请检查后重新填写。'],
];

/** flatpickr's locale keys, in Chinese (what the clerk reads in the calendar). */
const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时制',
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true,
  ordinal: () => '',
};

/** The priorities the platform gives a task near (临期) and past (已超期) its due date. */
const NEAR_DUE = 75;
const OVERDUE = 100;

export function translate(text) {
  const trimmed = text.trim();
  if (EXACT.has(trimmed)) {
    return text.replace(trimmed, EXACT.get(trimmed));
  }
  for (const [pattern, chinese] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(pattern, chinese));
    }
  }
  return null;
}

function translateForms() {
  for (const container of document.querySelectorAll('.fjs-container, .flatpickr-calendar')) {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const chinese = node.nodeValue && translate(node.nodeValue);
      if (chinese && chinese !== node.nodeValue) {
        node.nodeValue = chinese;
      }
    }
    for (const input of container.querySelectorAll('[placeholder]')) {
      const chinese = translate(input.getAttribute('placeholder'));
      if (chinese) {
        input.setAttribute('placeholder', chinese);
      }
    }
    for (const input of container.querySelectorAll('input')) {
      const picker = input._flatpickr;
      if (picker && !picker.xfChinese) {
        picker.xfChinese = true;
        picker.set('locale', FLATPICKR_ZH);
      }
    }
  }
}

/**
 * Esc in a date field (or its open calendar) closes the calendar and nothing else: without this the
 * key also reaches the modal of 发起流程, which closes and discards what the clerk entered.
 */
function keepEscapeInDatePicker(event) {
  if (event.key !== 'Escape' || !(event.target instanceof Element)) {
    return;
  }
  const field = event.target.closest('.fjs-form-field-datetime');
  const calendar = event.target.closest('.flatpickr-calendar');
  if (!field && !calendar) {
    return;
  }
  event.stopPropagation();
  event.preventDefault();
  const inputs = field ? field.querySelectorAll('input') : document.querySelectorAll('.fjs-container input');
  for (const input of inputs) {
    if (input._flatpickr && input._flatpickr.isOpen) {
      input._flatpickr.close();
    }
  }
}

function scopeOf(element, isolate) {
  const angular = window.angular;
  if (!angular || !element) {
    return null;
  }
  const el = angular.element(element);
  return (isolate ? el.isolateScope() : el.scope()) || null;
}

/**
 * 'overdue', 'near-due' or null for a task: its priority as the platform set it (the reminder point
 * counts working days with the holiday calendar, which only the server knows), or a due date (ISO
 * string) already past, now being now, between two runs of the platform's overdue watch.
 */
export function dueState(due, priority, now = Date.now()) {
  const at = due ? new Date(due.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')).getTime() : NaN;
  if (priority >= OVERDUE || at < now) {
    return 'overdue';
  }
  return priority >= NEAR_DUE ? 'near-due' : null;
}

function mark(element, state) {
  if (!element) {
    return;
  }
  element.classList.toggle('xf-overdue', state === 'overdue');
  element.classList.toggle('xf-near-due', state === 'near-due');
}

function markDueDates() {
  for (const card of document.querySelectorAll('ol.tasks-list > li.task')) {
    const scope = scopeOf(card);
    const task = scope && scope.task;
    const state = task ? dueState(task.due, task.priority) : null;
    mark(card, state);
    mark(card.querySelector('.due-date'), state);
  }
  const meta = document.querySelector('[cam-tasklist-task-meta]');
  if (meta) {
    const scope = scopeOf(meta.querySelector('.due-date') || meta);
    const task = scope && scope.task;
    const state = task ? dueState(task.due, task.priority) : null;
    mark(meta.querySelector('.due-date'), state);
    mark(document.querySelector('.task-details'), state);
  }
  // the dates the staff policy refuses to change are shown, not edited (user-styles.css)
  for (const field of document.querySelectorAll('[cam-tasklist-task-meta] [cam-widget-inline-field]')) {
    if (field.getAttribute('tabindex') !== '-1') {
      field.setAttribute('tabindex', '-1');
    }
  }
}

const CJK_NAME = /^([\u3400-\u9fff·]+) ([\u3400-\u9fff·]+)$/;

/**
 * Tasklist writes "first last" (名 姓); a Chinese name reads 姓名 without a space (王敏). Western names
 * are left as they are.
 */
export function chineseName(name) {
  const m = typeof name === 'string' && name.match(CJK_NAME);
  return m ? m[2] + m[1] : name;
}

function chineseNames() {
  const app = scopeOf(document.body);
  if (app && CJK_NAME.test(app.userFullName || '')) {
    app.$applyAsync(() => {
      app.userFullName = chineseName(app.userFullName);
    });
  }
  const list = scopeOf(document.querySelector('[cam-tasks]'), true) || scopeOf(document.querySelector('[cam-tasks]'));
  if (list && typeof list.assigneeDisplayedName === 'function' && !list.assigneeDisplayedName.xfChinese) {
    const original = list.assigneeDisplayedName;
    list.assigneeDisplayedName = (task) => chineseName(original(task));
    list.assigneeDisplayedName.xfChinese = true;
  }
}

let sortedFilter = null;

/** The list sorted as its filter is (Tasklist's header otherwise starts every filter at 创建时间). */
function sortAsFilter() {
  const active = document.querySelector('.task-filter.active');
  const filter = scopeOf(active) && scopeOf(active).filter;
  if (!filter || filter.id === sortedFilter) {
    return;
  }
  const header = scopeOf(document.querySelector('[cam-sorting-choices]'), true);
  if (!header || typeof header.updateSortings !== 'function') {
    return;
  }
  sortedFilter = filter.id;
  const sorting = (filter.query && filter.query.sorting) || [];
  if (!sorting.length || sorting.some((s) => !s.sortBy || s.parameters)) {
    return;
  }
  const wanted = sorting.map((s) => ({ by: s.sortBy, order: s.sortOrder || 'asc' }));
  const shown = (header.sortings || []).map((s) => ({ by: s.by, order: s.order }));
  if (JSON.stringify(wanted) === JSON.stringify(shown)) {
    return;
  }
  header.$applyAsync(() => {
    header.sortings = wanted;
    header.updateSortings();
  });
}

function engineApi(path) {
  const base = (document.querySelector('base') && document.querySelector('base').getAttribute('engine-api'))
    || '/camunda/api/engine/';
  return `${base}engine/default/${path}`;
}

let mayStart = null;

/** Whether the user may start any process from Tasklist (Tasklist's own start dialog asks the same). */
function checkStartable() {
  if (mayStart !== null) {
    return;
  }
  mayStart = 'pending';
  fetch(engineApi('process-definition/count?latest=true&active=true&startableInTasklist=true'
      + '&startablePermissionCheck=true'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
    .then((answer) => {
      mayStart = answer.count > 0;
      document.body.classList.toggle('xf-may-start', mayStart);
      document.body.classList.toggle('xf-may-not-start', !mayStart);
    })
    .catch(() => {
      mayStart = null;
    });
}

let scheduled = false;

function refresh() {
  scheduled = false;
  translateForms();
  markDueDates();
  sortAsFilter();
  chineseNames();
  if (document.querySelector('[cam-widget-header] .account')) {
    checkStartable();
  } else {
    mayStart = null;
    sortedFilter = null;
    document.body.classList.remove('xf-may-start', 'xf-may-not-start');
  }
}

function schedule() {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(refresh);
  }
}

// ---------------------------------------------------------------------------------------------------
// 登记回执: the clerk's own registrations and their receipts
// ---------------------------------------------------------------------------------------------------

function element(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    e.setAttribute(name, value);
  }
  for (const child of children) {
    e.append(child);
  }
  return e;
}

function dateTime(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function closeReceipts() {
  const panel = document.getElementById('xf-receipts');
  if (panel) {
    panel.remove();
  }
}

function registrationsTable(registrations) {
  if (!registrations.length) {
    return element('p', { class: 'xf-receipts-empty' }, '近 30 日内您没有登记过信访事项。');
  }
  const head = element('tr', {}, ...['案件编号', '标题', '信访人', '渠道', '登记时间', '状态', '回执']
    .map((label) => element('th', {}, label)));
  const rows = registrations.map((r) => {
    const link = element('a', {
      class: 'xf-receipt-link', href: r.receipt, target: '_blank', rel: 'noopener',
    }, '打印回执');
    return element('tr', { 'data-case-number': r.caseNumber },
      element('td', { class: 'xf-case-number' }, r.caseNumber),
      element('td', {}, r.title || ''),
      element('td', {}, r.petitionerName || ''),
      element('td', {}, r.channelLabel || r.channel || ''),
      element('td', {}, dateTime(r.registeredAt)),
      element('td', {}, r.statusLabel || r.status || ''),
      element('td', {}, link));
  });
  return element('table', { class: 'table table-condensed xf-receipts-table' },
    element('thead', {}, head), element('tbody', {}, ...rows));
}

export async function openReceipts() {
  closeReceipts();
  const body = element('div', { class: 'modal-body' }, element('p', {}, '正在加载…'));
  const close = element('button', { type: 'button', class: 'btn btn-default xf-receipts-close' }, '关闭');
  const dialog = element('div', { class: 'xf-receipts-dialog', role: 'dialog', 'aria-labelledby': 'xf-receipts-title' },
    element('div', { class: 'modal-header' },
      element('h3', { class: 'modal-title', id: 'xf-receipts-title' }, '登记回执'),
      element('p', { class: 'xf-receipts-hint' },
        '您近 30 日登记的信访事项。请打印回执交给信访人：回执上有案件编号和查询码，信访人凭查询码在网上信访查询办理进展。')),
    body,
    element('div', { class: 'modal-footer' }, close));
  const panel = element('div', { id: 'xf-receipts', class: 'xf-receipts' }, dialog);
  close.addEventListener('click', closeReceipts);
  panel.addEventListener('click', (e) => {
    if (e.target === panel) {
      closeReceipts();
    }
  });
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      closeReceipts();
    }
  });
  document.body.append(panel);
  close.focus();
  try {
    const response = await fetch('/api/staff/registrations', {
      headers: { Accept: 'application/json' }, credentials: 'same-origin',
    });
    if (!response.ok) {
      throw new Error(response.status === 401 ? '登录已失效，请重新登录后再试。' : `服务器未能提供登记记录（${response.status}）。`);
    }
    body.replaceChildren(registrationsTable(await response.json()));
  } catch (e) {
    body.replaceChildren(element('p', { class: 'text-danger xf-receipts-error' },
      e instanceof TypeError ? '无法连接服务器，请稍后重试。' : e.message));
  }
}

function init() {
  if (window.xfClerkInitialised) {
    return;
  }
  window.xfClerkInitialised = true;
  window.addEventListener('keydown', keepEscapeInDatePicker, true);
  new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true, characterData: true });
  // a task becomes overdue while the list stays open
  setInterval(schedule, 60_000);
  schedule();
}

init();

export default [
  {
    id: 'xf-registration-receipts',
    pluginPoint: 'tasklist.navbar.action',
    priority: 50,
    render: (node) => {
      const link = element('a', { href: '#', class: 'xf-receipts-action', title: '打印本人登记的信访事项的回执' },
        element('span', { class: 'glyphicon glyphicon-print' }), ' 登记回执');
      link.addEventListener('click', (e) => {
        e.preventDefault();
        openReceipts();
      });
      node.append(link);
    },
  },
];
