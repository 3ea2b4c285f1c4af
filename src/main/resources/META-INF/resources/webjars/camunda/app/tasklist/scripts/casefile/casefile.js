// 案卷: the case file of a task's case as a tab of Tasklist's task detail (plugin point
// tasklist.task.detail; registered in ../config.js under customScripts).
//
// Everything shown comes from the staff API (GET /api/staff/cases/{caseNumber} and its attachments),
// called with the webapps' session, the same login as Tasklist; uploads carry the webapps' CSRF token.
// The server decides who reads what (cn.xinfang.staff.CaseReading): this tab only shows what it gets,
// masked personal data stays masked, and a case the user may not read answers 404 here as everywhere.
// All text goes into the page as text (textContent), never as markup. No external resources.
//
// 督办: the case's supervisions (督办记录, internal: for readers of internal notes, the bureau and the
// supervisors) and, for the bureau
// and the supervisors (the case file's canSupervise), a form that supervises the case by hand
// (POST /api/staff/cases/{caseNumber}/supervision, checked here as the server checks it, the server's
// Chinese refusal shown as it comes).
//
// 预警: the case's early warnings (the case file's warnings, for every reader of the case; docs/warnings.md),
// each with its acknowledgement; the 预警提示函 itself is among the notices (内部).

const STYLE_ID = 'xf-casefile-style';
const STYLE = `
.xf-casefile { font-size: 14px; line-height: 1.6; color: #222; padding: 12px 16px; max-width: 1100px; }
.xf-casefile h3 { font-size: 16px; font-weight: 600; margin: 18px 0 8px; padding-bottom: 4px;
  border-bottom: 2px solid #b4232a; color: #b4232a; }
.xf-casefile h3:first-child { margin-top: 0; }
.xf-casefile table { width: 100%; border-collapse: collapse; margin-bottom: 6px; }
.xf-casefile th, .xf-casefile td { border: 1px solid #ddd; padding: 5px 8px; text-align: left;
  vertical-align: top; }
.xf-casefile th { background: #f6f6f6; font-weight: 600; white-space: nowrap; }
.xf-casefile dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
.xf-casefile dt { color: #666; font-weight: normal; }
.xf-casefile dd { margin: 0; }
.xf-casefile .xf-note { color: #8a5a00; font-size: 13px; }
.xf-casefile .xf-muted { color: #777; }
.xf-casefile .xf-error { color: #b4232a; font-weight: 600; }
.xf-casefile .xf-ok { color: #1d7a35; font-weight: 600; }
.xf-casefile .xf-badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px;
  background: #eee; color: #444; margin-left: 6px; }
.xf-casefile .xf-upload { margin-top: 8px; padding: 8px; background: #fafafa; border: 1px dashed #ccc; }
.xf-casefile .xf-upload button { margin-left: 8px; }
.xf-casefile table.xf-supervisions td:nth-child(4) { min-width: 150px; }
.xf-casefile .xf-supervise { margin-top: 8px; padding: 10px 12px; background: #fafafa; border: 1px solid #ddd; }
.xf-casefile .xf-supervise .xf-row { margin-bottom: 8px; }
.xf-casefile .xf-supervise .xf-row > label.xf-label { display: block; font-weight: 600; margin-bottom: 2px; }
.xf-casefile .xf-supervise .xf-choices label { font-weight: normal; margin-right: 18px; }
.xf-casefile .xf-supervise .xf-choices input { margin-right: 4px; }
.xf-casefile .xf-supervise textarea { width: 100%; min-height: 64px; }
.xf-casefile .xf-supervise input[type=number] { width: 90px; }
.xf-casefile .xf-supervise .xf-hint { color: #777; font-size: 12px; }
.xf-casefile .xf-supervise button { margin-right: 8px; }
.xf-casefile pre.xf-text { white-space: pre-wrap; font-family: inherit; margin: 0; background: none;
  border: none; padding: 0; }
`;

const ZONE = { timeZone: 'Asia/Shanghai', hour12: false };

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  });
  children.flat(Infinity).forEach((child) => {
    if (child === null || child === undefined) return;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return node;
}

function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString('zh-CN', ZONE) : '—';
}

function date(iso) {
  return iso ? new Date(iso).toLocaleDateString('zh-CN', ZONE) : '—';
}

function size(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} 字节`;
}

function table(headers, rows) {
  return el('table', {},
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

/** The application's root: the webapps live at <root>/camunda (api.engineApi is <webapps>/api/engine/…). */
function applicationRoot(api) {
  const webapps = api.engineApi.split('/api/engine')[0];
  return webapps.replace(/\/[^/]*$/, '');
}

async function json(response) {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : {};
  } catch (e) {
    return { error: text };
  }
}

async function get(url) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
  });
  const body = await json(response);
  if (!response.ok) {
    const error = new Error(body.error || body.message || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

/** The task's case number: the variable the process puts on each of its tasks, else the business key. */
async function caseNumberOf(api, taskId) {
  const engine = api.engineApi;
  try {
    const variable = await get(`${engine}/task/${encodeURIComponent(taskId)}/localVariables/caseNumber`);
    if (variable && variable.value) return String(variable.value);
  } catch (e) {
    // a task of another process: fall back to its process instance
  }
  const task = await get(`${engine}/task/${encodeURIComponent(taskId)}`);
  if (!task.processInstanceId) return null;
  const instance = await get(`${engine}/process-instance/${encodeURIComponent(task.processInstanceId)}`);
  return instance.businessKey || null;
}

function summary(c) {
  const rows = [
    ['案件编号', c.caseNumber],
    ['状态', c.statusLabel || c.status],
    ['来源渠道', c.channel],
    ['收到日期', dateTime(c.receivedAt)],
    ['标题', c.title],
    ['承办单位', c.handlingUnitName || c.handlingUnit || '—'],
    ['当前期限', c.currentDeadline ? `${c.currentDeadlineName || ''} ${dateTime(c.currentDeadline)}` : '—'],
  ];
  return [
    el('h3', {}, '案件概况'),
    el('dl', {}, rows.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v === null ? '—' : v)])),
    el('h3', {}, '信访内容'),
    el('pre', { class: 'xf-text' }, c.content || ''),
  ];
}

function persons(c) {
  const full = c.personalData === 'FULL';
  return [
    el('h3', {}, '信访人及联系方式',
      el('span', { class: 'xf-badge', 'data-personal-data': c.personalData }, full ? '完整信息' : '已脱敏')),
    full ? null : el('p', { class: 'xf-note' }, '您当前不承办此事项，身份证号、电话、地址按规定脱敏显示。'),
    table(['姓名', '身份证号', '联系电话', '地址', '代表'],
      (c.persons || []).map((p) => [p.name, p.idNumber || '—', p.phone || '—', p.address || '—',
        p.representative ? '是' : ''])),
  ];
}

function timeline(c) {
  const rows = (c.milestones || []).map((m) => [
    dateTime(m.occurredAt),
    m.description,
    m.publicVisible ? '公开' : '内部',
    m.internalNote ? el('span', { class: 'xf-note' }, m.internalNote) : '',
  ]);
  return [
    el('h3', {}, '办理时间线'),
    rows.length ? table(['时间', '事项', '信访人可见', '内部备注'], rows) : el('p', { class: 'xf-muted' }, '暂无记录'),
  ];
}

function notices(c) {
  const rows = (c.notices || []).map((n) => [
    dateTime(n.issuedAt), n.internal ? `${n.title}（内部）` : n.title, el('pre', { class: 'xf-text' }, n.body)]);
  return [
    el('h3', {}, '告知书'),
    rows.length ? table(['出具时间', '名称', '内容'], rows) : el('p', { class: 'xf-muted' }, '暂无告知书'),
  ];
}

const WARNING_TYPES = { REPEAT: '重复信访', GROUP: '群体性信访', SURGE: '信访量激增', OVERDUE: '逾期办理' };

function warnings(c) {
  const list = c.warnings || [];
  const rows = list.map((w) => [
    dateTime(w.raisedAt),
    WARNING_TYPES[w.type] || w.type,
    w.detail,
    w.acknowledgedAt ? `已确认（${w.acknowledgedBy}，${dateTime(w.acknowledgedAt)}）` : '待确认',
  ]);
  return [
    el('h3', {}, `预警（${list.length}）`),
    rows.length ? table(['预警时间', '类型', '内容', '确认情况'], rows) : el('p', { class: 'xf-muted' }, '暂无预警'),
  ];
}

function opinions(c) {
  const rows = (c.opinions || []).map((o) => [
    o.kindLabel,
    o.issuerName || '—',
    date(o.issuedAt),
    o.receivedAt ? `${date(o.receivedAt)}${o.deliveryMethodLabel ? `（${o.deliveryMethodLabel}）` : ''}` : '待送达',
    o.evaluationLabel || '—',
    el('pre', { class: 'xf-text' }, o.text || ''),
  ]);
  return [
    el('h3', {}, '处理意见'),
    rows.length
      ? table(['类别', '出具机关', '出具日期', '送达日期', '评价', '意见内容'], rows)
      : el('p', { class: 'xf-muted' }, '尚未出具处理意见'),
  ];
}

/** Who and when, under what they did: "高洁 2026/11/20 10:00:00". */
function byWhom(name, at) {
  if (!name && !at) return null;
  return el('div', { class: 'xf-muted' }, [name, at ? dateTime(at) : null].filter(Boolean).join(' '));
}

function text(value) {
  return value ? el('pre', { class: 'xf-text' }, value) : null;
}

function supervisionRows(list) {
  return list.map((s) => {
    const decision = [
      el('div', {}, s.actionLabel
        + (s.replyDays ? `（${s.replyDays} 个工作日内答复）` : '')
        + (s.leaderOwner ? `：${s.leaderOwnerName || s.leaderOwner}` : '')
        + (s.recommendationTypeLabel ? `：${s.recommendationTypeLabel}` : '')),
      s.decidedAt ? byWhom(s.decidedByName || s.decidedBy, s.decidedAt) : null,
    ];
    const comment = [text(s.comment), s.recommendationText ? el('div', {}, '建议内容：', text(s.recommendationText)) : null];
    const answer = s.answer
      ? [text(s.answer), byWhom(s.answeredByName || s.answeredBy, s.answeredAt)]
      : [s.answerDue ? el('span', { class: 'xf-muted' }, '待答复') : '—'];
    if (s.escalatedAt) answer.push(el('div', { class: 'xf-note' }, `逾期未答复，${dateTime(s.escalatedAt)} 已提请领导督办`));
    const instruction = s.leaderInstruction
      ? [text(s.leaderInstruction), byWhom(s.instructedByName || s.instructedBy, null)]
      : '—';
    return [
      [el('div', {}, s.originLabel), byWhom(s.openedByName || (s.origin === 'OVERDUE' ? '超期巡查' : null), s.openedAt)],
      [el('div', {}, s.task || '（整件督办）'), s.taskGroups ? el('div', { class: 'xf-muted' }, s.taskGroups) : null,
        s.taskDue ? el('div', { class: 'xf-muted' }, `期限 ${date(s.taskDue)}`) : null],
      decision,
      comment,
      s.answerDue ? date(s.answerDue) : '—',
      answer,
      instruction,
      s.findingLabel || '—',
    ];
  });
}

function supervisions(c) {
  const list = c.supervisions || [];
  let body;
  if (!c.internalNotes && !c.canSupervise) {
    body = el('p', { class: 'xf-note' }, '督办记录属内部信息，仅正在办理该事项的人员、信访部门和督查督办人员可以查看。');
  } else if (!list.length) {
    body = el('p', { class: 'xf-muted' }, '暂无督办记录');
  } else {
    body = table(['督办时间', '督办环节', '督办方式', '督办意见', '答复期限', '答复情况', '领导批示', '核查结论'],
      supervisionRows(list));
    body.classList.add('xf-supervisions');
  }
  return [el('h3', {}, `督办记录（${list.length}）`), body];
}

const ACTIONS = [
  ['REMIND', '催办'],
  ['LETTER', '发督办函'],
  ['LEADER', '领导包案'],
  ['RECOMMEND', '提出三项建议'],
];
const RECOMMENDATIONS = [
  ['IMPROVE_WORK', '改进工作建议'],
  ['IMPROVE_POLICY', '完善政策建议'],
  ['ACCOUNTABILITY', '追究责任建议'],
];
/** as the server checks them (SupervisionDecisions) */
const TEXT_MAX = 2000;
const LEADER_MAX = 64;
const REPLY_DAYS_MIN = 1;
const REPLY_DAYS_MAX = 30;

/**
 * The request body for the chosen action, or a Chinese message saying what is missing: the same checks,
 * in the same order, as the server's (cn.xinfang.supervision.SupervisionDecisions).
 */
function supervisionRequest(values) {
  const action = values.action;
  if (!ACTIONS.some(([code]) => code === action)) return { error: '请选择督办方式' };
  const comment = (values.comment || '').trim();
  if (!comment) return { error: '请填写督办意见' };
  if (comment.length > TEXT_MAX) return { error: `督办意见不能超过 ${TEXT_MAX} 个字（现有 ${comment.length} 个）` };
  const body = { supervisionAction: action, supervisionComment: comment };
  if (action === 'LETTER') {
    const days = String(values.replyDays || '').trim();
    if (!/^\d+$/.test(days) || Number(days) < REPLY_DAYS_MIN || Number(days) > REPLY_DAYS_MAX) {
      return { error: `答复期限应为 ${REPLY_DAYS_MIN} 至 ${REPLY_DAYS_MAX} 之间的整数（工作日）` };
    }
    body.replyDays = Number(days);
  }
  if (action === 'LEADER') {
    const leader = (values.leaderOwner || '').trim();
    if (!leader) return { error: '请填写包案领导的用户名' };
    if (leader.length > LEADER_MAX) return { error: `包案领导的用户名不能超过 ${LEADER_MAX} 个字符` };
    body.leaderOwner = leader;
  }
  if (action === 'RECOMMEND') {
    if (!RECOMMENDATIONS.some(([code]) => code === values.recommendationType)) return { error: '请选择建议类型' };
    const recommendation = (values.recommendationText || '').trim();
    if (!recommendation) return { error: '请填写建议内容' };
    if (recommendation.length > TEXT_MAX) {
      return { error: `建议内容不能超过 ${TEXT_MAX} 个字（现有 ${recommendation.length} 个）` };
    }
    body.recommendationType = values.recommendationType;
    body.recommendationText = recommendation;
  }
  return { body };
}

const DONE = { REMIND: '已催办', LETTER: '已发督办函', LEADER: '已确定领导包案', RECOMMEND: '已提出三项建议' };

/** What the server recorded, in a sentence: "已发督办函（督办环节：信访事项分流），答复期限至 2026/11/25". */
function done(action, answer) {
  const due = answer.answerDue ? `，答复期限至 ${date(answer.answerDue)}` : '';
  return `${DONE[action] || '已督办'}${answer.task ? `（督办环节：${answer.task}）` : ''}${due}`;
}

function superviseForm(api, root, caseNumber, reload) {
  const name = `xf-supervise-action-${caseNumber}`;
  const radios = ACTIONS.map(([code, label]) => el('label', {},
    el('input', { type: 'radio', name, value: code }), label));
  const replyDays = el('input', { type: 'number', min: REPLY_DAYS_MIN, max: REPLY_DAYS_MAX, step: 1, value: 5,
    class: 'form-control input-sm', id: 'xf-supervise-reply-days' });
  const leaderOwner = el('input', { type: 'text', class: 'form-control input-sm', id: 'xf-supervise-leader',
    placeholder: '分管领导的用户名，如 leader1', autocomplete: 'off' });
  const recommendationType = el('select', { class: 'form-control input-sm', id: 'xf-supervise-recommendation-type' },
    el('option', { value: '' }, '请选择'),
    RECOMMENDATIONS.map(([code, label]) => el('option', { value: code }, label)));
  const recommendationText = el('textarea', { class: 'form-control', id: 'xf-supervise-recommendation-text' });
  const comment = el('textarea', { class: 'form-control', id: 'xf-supervise-comment' });
  const message = el('span', { role: 'status', class: 'xf-supervise-message' });
  const button = el('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, '提交督办');

  const row = (label, control, hint, forId) => el('div', { class: 'xf-row' },
    el('label', { class: 'xf-label', for: forId }, label), control, hint ? el('div', { class: 'xf-hint' }, hint) : null);
  const letterRow = row('答复期限（工作日）', replyDays, '承办单位自督办函发出之日起在此期限内书面答复，1 至 30 个工作日', replyDays.id);
  const leaderRow = row('包案领导', leaderOwner, '由该领导跟踪本案并最后签发答复意见', leaderOwner.id);
  const typeRow = row('建议类型', recommendationType, null, recommendationType.id);
  const textRow = row('建议内容', recommendationText, '写明发现的问题和具体建议，承办单位 30 日内答复', recommendationText.id);
  const chosen = () => (radios.map((r) => r.firstChild).find((r) => r.checked) || {}).value;
  const showFor = () => {
    const action = chosen();
    letterRow.hidden = action !== 'LETTER';
    leaderRow.hidden = action !== 'LEADER';
    typeRow.hidden = action !== 'RECOMMEND';
    textRow.hidden = action !== 'RECOMMEND';
  };
  radios.forEach((r) => r.firstChild.addEventListener('change', showFor));
  showFor();

  const fail = (text) => {
    message.className = 'xf-supervise-message xf-error';
    message.textContent = text;
  };
  const form = el('form', { class: 'xf-supervise', novalidate: true, 'aria-label': '督办' },
    el('div', { class: 'xf-hint' }, '督办本事项当前最先到期的办理环节，由该环节的承办单位答复（《信访工作条例》第四十条）。'),
    el('div', { class: 'xf-row' }, el('label', { class: 'xf-label' }, '督办方式'),
      el('div', { class: 'xf-choices', role: 'radiogroup', 'aria-label': '督办方式' }, radios)),
    letterRow, leaderRow, typeRow, textRow,
    row('督办意见', comment, '写明督办的理由和要求，不超过 2000 字', comment.id),
    el('div', {}, button, message));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const checked = supervisionRequest({
      action: chosen(),
      comment: comment.value,
      replyDays: replyDays.value,
      leaderOwner: leaderOwner.value,
      recommendationType: recommendationType.value,
      recommendationText: recommendationText.value,
    });
    if (checked.error) {
      fail(checked.error);
      return;
    }
    button.disabled = true;
    message.className = 'xf-supervise-message xf-muted';
    message.textContent = '正在提交…';
    try {
      const response = await fetch(`${root}/api/staff/cases/${encodeURIComponent(caseNumber)}/supervision`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json',
          'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': api.CSRFToken },
        body: JSON.stringify(checked.body),
      });
      const answer = await json(response);
      if (!response.ok) {
        throw new Error(answer.error || (response.status === 401
          ? '登录已失效，请刷新页面后重新登录' : `督办失败（HTTP ${response.status}）`));
      }
      await reload(done(checked.body.supervisionAction, answer));
    } catch (e) {
      fail(e.message);
      button.disabled = false;
    }
  });
  return [el('h3', {}, '督办'), form];
}

function attachmentSection(api, root, caseNumber, list, reload) {
  const rows = list.attachments.map((a) => [
    a.download ? el('a', { href: `${root}${a.download}`, download: a.fileName, class: 'xf-download' }, a.fileName) : a.fileName,
    a.contentType,
    size(a.size),
    a.sourceLabel + (a.addedBy && a.source !== 'PETITIONER' ? `（${a.addedBy}）` : ''),
    dateTime(a.addedAt),
  ]);
  const section = [
    el('h3', {}, `附件（${list.attachments.length}）`),
    rows.length ? table(['文件名', '类型', '大小', '添加人', '添加时间'], rows) : el('p', { class: 'xf-muted' }, '暂无附件'),
    list.canDownload || !rows.length ? null
      : el('p', { class: 'xf-note' }, '附件可能含有个人信息，仅正在办理该事项的人员可以下载。'),
  ];
  if (list.canUpload) {
    const input = el('input', { type: 'file', accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
      'aria-label': '选择附件' });
    const message = el('span', { role: 'status', class: 'xf-upload-message' });
    const button = el('button', { type: 'button', class: 'btn btn-default btn-sm' }, '上传附件');
    button.addEventListener('click', async () => {
      const file = input.files && input.files[0];
      if (!file) {
        message.className = 'xf-upload-message xf-error';
        message.textContent = '请先选择文件';
        return;
      }
      button.disabled = true;
      message.className = 'xf-upload-message xf-muted';
      message.textContent = '正在上传…';
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        const response = await fetch(`${root}/api/staff/cases/${encodeURIComponent(caseNumber)}/attachments`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': api.CSRFToken },
          body: form,
        });
        const body = await json(response);
        if (!response.ok) throw new Error(body.error || `上传失败（HTTP ${response.status}）`);
        await reload(`已上传：${body.fileName}`);
      } catch (e) {
        message.className = 'xf-upload-message xf-error';
        message.textContent = e.message;
        button.disabled = false;
      }
    });
    section.push(el('div', { class: 'xf-upload' },
      el('div', {}, `可上传 PDF、JPEG、PNG 扫描件或照片，单个不超过 ${size(list.maxFileBytes)}，每件最多 ${list.maxPerCase} 个。`),
      input, button, ' ', message));
  }
  return section;
}

async function show(node, api, taskId, notice) {
  const root = applicationRoot(api);
  const caseNumber = await caseNumberOf(api, taskId);
  if (!caseNumber) {
    node.replaceChildren(el('p', { class: 'xf-muted' }, '此任务不属于信访事项。'));
    return;
  }
  const base = `${root}/api/staff/cases/${encodeURIComponent(caseNumber)}`;
  const [c, list] = await Promise.all([get(base), get(`${base}/attachments`)]);
  const reload = (message) => show(node, api, taskId, message);
  node.replaceChildren(...[
    notice ? el('p', { class: 'xf-ok', role: 'status' }, notice) : null,
    summary(c), persons(c), warnings(c), timeline(c), notices(c), opinions(c), supervisions(c),
    c.canSupervise ? superviseForm(api, root, caseNumber, reload) : null,
    attachmentSection(api, root, caseNumber, list, reload),
  ].flat().filter(Boolean));
}

export default {
  id: 'xinfang-casefile',
  pluginPoint: 'tasklist.task.detail',
  // after the form (the task's work), before the description and the diagram
  priority: 700,
  label: '案卷',
  properties: { label: '案卷' },
  render(node, { api, taskId }) {
    if (!document.getElementById(STYLE_ID)) {
      document.head.appendChild(el('style', { id: STYLE_ID }, STYLE));
    }
    const container = el('div', { class: 'xf-casefile', 'data-task-id': taskId }, el('p', { class: 'xf-muted' }, '正在加载案卷…'));
    node.replaceChildren(container);
    show(container, api, taskId).catch((e) => {
      const text = e.status === 404 ? '案卷不存在或您无权查看。' : `案卷加载失败：${e.message}`;
      container.replaceChildren(el('p', { class: 'xf-error' }, text));
    });
  },
};
