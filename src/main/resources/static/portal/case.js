// 查询办理进度 (case.html): GET /api/petitions/{queryCode}, and the evaluation and appeal requests it offers.
import {
  API, callApi, checkForm, clearErrors, clearErrorsOnInput, el, formatDateTime, formatDay, setBusy, showError, valueOf,
} from './portal.js';

const lookup = document.getElementById('lookup-form');
const status = document.getElementById('page-status');
const view = document.getElementById('case-view');
/** The view's actions and the forms that perform them. */
const ACTION_FORMS = {
  evaluation: document.getElementById('evaluation-form'),
  reviewRequest: document.getElementById('review-form'),
  reReviewRequest: document.getElementById('re-review-form'),
};
const APPEAL_AFTER = { HANDLING: '复查', REVIEW: '复核' };

/** The code of the case on screen; kept in memory only. */
let queryCode = null;

function say(message) {
  status.textContent = message;
}

function item(term, ...value) {
  return el('div', null, el('dt', null, term), el('dd', null, ...value));
}

function render(p) {
  document.getElementById('case-title').textContent = p.title;
  const deadline = p.currentDeadline ? `${p.currentDeadlineName || '办理期限'}：${formatDay(p.currentDeadline)}` : null;
  document.getElementById('case-summary').replaceChildren(...[
    item('案件编号', p.caseNumber),
    item('办理状态', el('span', 'badge', p.statusLabel)),
    p.routeLabel && item('处理途径', p.routeLabel),
    p.handlingUnit && item('承办单位', p.handlingUnit),
    deadline && item('当前期限', deadline),
    item('收到日期', formatDay(p.receivedAt)),
    item('信访人', p.petitioner?.name, p.personCount > 1 ? `等 ${p.personCount} 人` : ''),
  ].filter(Boolean));

  const milestones = p.milestones.map((m) => el('li', null,
    el('time', null, formatDateTime(m.at)), el('p', null, m.description)));
  document.getElementById('case-milestones').replaceChildren(...(milestones.length ? milestones : [el('li', 'empty', '暂无')]));

  const opinions = p.opinions.map((o) => el('li', 'opinion',
    el('p', 'opinion-head', `${o.kindLabel}：${o.outcomeLabel}`),
    el('p', 'meta', [o.issuer, formatDay(o.issuedAt) && `${formatDay(o.issuedAt)}出具`, o.deliveredAt ? `${formatDay(o.deliveredAt)}送达` : '待送达（自您收到之日起计算期限）'].filter(Boolean).join('，')),
    o.appealDue && APPEAL_AFTER[o.kind] ? el('p', null, `请求${APPEAL_AFTER[o.kind]}截止：${formatDay(o.appealDue)}`) : null,
    o.evaluationLabel ? el('p', null, `您的评价：${o.evaluationLabel}`) : null));
  document.getElementById('case-opinions').replaceChildren(...(opinions.length ? opinions : [el('li', 'empty', '尚未出具处理意见')]));

  // a notice's body has line breaks (the opinion's sections); CSS keeps them (white-space: pre-line)
  const notices = p.notices.map((n) => el('article', 'notice',
    el('h3', null, n.title), el('p', 'meta', formatDateTime(n.issuedAt)), el('p', 'notice-body', n.body)));
  document.getElementById('case-notices').replaceChildren(...(notices.length ? notices : [el('p', 'empty', '暂无')]));

  for (const [name, form] of Object.entries(ACTION_FORMS)) {
    const action = p.actions?.[name];
    form.hidden = !action?.allowed;
    clearErrors(form);
    form.querySelector('[data-until]').textContent = formatDay(action?.until);
  }
  view.hidden = false;
}

/** Shows the case of that code; answers whether there is one. */
async function show(code) {
  say('正在查询…');
  const answer = await callApi('GET', `${API}/${encodeURIComponent(code)}`);
  if (answer.status === 200) {
    queryCode = code;
    render(answer.data);
    await showAttachments(code);
    say('');
    return true;
  }
  queryCode = null;
  view.hidden = true;
  say(answer.status === 404 ? '查询码不存在，请核对后重新输入。' : answer.error);
  status.focus();
  return false;
}

// --- 我提交的材料: the petitioner's own attachments (GET/POST …/{queryCode}/attachments)
const attachmentForm = document.getElementById('attachment-form');

function size(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

async function showAttachments(code) {
  const answer = await callApi('GET', `${API}/${encodeURIComponent(code)}/attachments`);
  const list = document.getElementById('case-attachments');
  if (answer.status !== 200) {
    list.replaceChildren(el('li', 'empty', answer.error || '材料列表暂时无法显示'));
    attachmentForm.hidden = true;
    return;
  }
  const items = answer.data.attachments.map((a) => el('li', null,
    `${a.fileName}（${size(a.size)}，${formatDateTime(a.addedAt)} 提交）`));
  list.replaceChildren(...(items.length ? items : [el('li', 'empty', '暂无')]));
  attachmentForm.hidden = !answer.data.canUpload;
  document.getElementById('attachment-hint').textContent = '可补充提交 PDF、JPEG 或 PNG 格式的扫描件或照片，'
    + `单个不超过 ${size(answer.data.maxFileBytes)}，每件信访事项最多 ${answer.data.maxPerCase} 个。`;
}

clearErrorsOnInput(attachmentForm);
attachmentForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!queryCode || attachmentForm.getAttribute('aria-busy') === 'true') {
    return;
  }
  clearErrors(attachmentForm);
  const file = attachmentForm.elements.namedItem('file').files[0];
  if (!file) {
    showError(attachmentForm, 'file', '请选择要上传的文件').focus();
    return;
  }
  const body = new FormData();
  body.append('file', file, file.name);
  setBusy(attachmentForm, true);
  let answer;
  try {
    const response = await fetch(`${API}/${encodeURIComponent(queryCode)}/attachments`, {
      method: 'POST', body, headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin',
    });
    const data = await response.json().catch(() => null);
    answer = { status: response.status, field: data?.field, error: data?.error || `上传失败（${response.status}）` };
  } catch {
    answer = { status: 0, error: '网络连接失败，请检查网络后重试。' };
  }
  setBusy(attachmentForm, false);
  if (answer.status !== 201) {
    showError(attachmentForm, answer.field, answer.error).focus();
    return;
  }
  attachmentForm.reset();
  await showAttachments(queryCode);
  say('材料已提交。');
  status.focus();
});

clearErrorsOnInput(lookup);
lookup.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!checkForm(lookup)) {
    return;
  }
  setBusy(lookup, true);
  await show(valueOf(lookup, 'queryCode').replace(/\s+/g, '').toUpperCase());
  setBusy(lookup, false);
});

for (const form of Object.values(ACTION_FORMS)) {
  clearErrorsOnInput(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!queryCode || form.getAttribute('aria-busy') === 'true') {
      return;
    }
    if (!checkForm(form)) {
      return;
    }
    const body = {};
    for (const [name, value] of new FormData(form)) {
      if (value.trim()) {
        body[name] = value.trim();
      }
    }
    setBusy(form, true);
    const answer = await callApi('POST', `${API}/${encodeURIComponent(queryCode)}/${form.dataset.endpoint}`, body);
    setBusy(form, false);
    if (answer.status !== 201) {
      showError(form, answer.field, answer.error).focus();
      return;
    }
    form.reset();
    if (await show(queryCode)) {
      say(form.dataset.done);
      status.focus();
    }
  });
}

// case.html#code=…: the fragment never reaches the server; it is removed from the address bar and the
// history entry at once, so the code does not linger on a shared screen
function showFromFragment() {
  const code = new URLSearchParams(window.location.hash.slice(1)).get('code');
  if (code) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    lookup.elements.namedItem('queryCode').value = code;
    show(code.replace(/\s+/g, '').toUpperCase());
  }
}

window.addEventListener('hashchange', showFromFragment);
showFromFragment();
