// Shared by the portal's pages: the public API (docs/domain.md, "The contract"), dates in Beijing time, forms and their errors.
// Data from the server never becomes markup: it reaches the page only as text (textContent, el(), append of
// strings), so a title such as "<script>…" is shown, not run. Keep it that way: no innerHTML here.

/** The API relative to /portal/, so that the portal also works under a servlet context path. */
export const API = '../api/petitions';

const BEIJING = 'Asia/Shanghai';
const DAY = new Intl.DateTimeFormat('zh-CN', { timeZone: BEIJING, year: 'numeric', month: 'long', day: 'numeric' });
const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: BEIJING, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 2026年12月2日, in Beijing time whatever the browser's time zone (deadlines end at 23:59:59 there). */
export function formatDay(iso) {
  return iso ? DAY.format(new Date(iso)) : '';
}

/** 2026年12月2日 09:30, Beijing time. */
export function formatDateTime(iso) {
  return iso ? `${DAY.format(new Date(iso))} ${TIME.format(new Date(iso))}` : '';
}

/** An element with a class and text; children may be elements or strings (which become text nodes). */
export function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== ''));
  return node;
}

/** An idempotency key for one form. crypto.randomUUID needs https or localhost; getRandomValues does not. */
export function newRequestId() {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Calls the API; never throws. Answers { status, ok, data, headers }, and for a refusal also error (a
 * Chinese sentence for the citizen) and field (the request field at fault, when the server names one).
 */
export async function callApi(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? { Accept: 'application/json' }
        : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch {
    return { status: 0, ok: false, error: '网络连接失败，请检查网络后重试。' };
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    // an empty or non-JSON body: the status decides
  }
  const answer = { status: response.status, ok: response.ok, data, headers: response.headers };
  if (!response.ok) {
    answer.field = typeof data?.field === 'string' ? data.field : null;
    answer.error = refusal(response, data);
  }
  return answer;
}

function refusal(response, data) {
  if (response.status === 429) {
    const seconds = Number.parseInt(response.headers.get('Retry-After'), 10);
    return `操作过于频繁，请${Number.isFinite(seconds) ? `在 ${seconds} 秒后` : '稍后'}再试。`;
  }
  if (typeof data?.error === 'string' && data.error) {
    return data.error;
  }
  return response.status >= 500 ? '系统暂时无法处理，请稍后再试。' : `请求未能完成（${response.status}），请稍后再试。`;
}

// ---------------------------------------------------------------------------------------------------------
// Forms: checked here for the citizen's convenience; the server decides, and its refusal is shown the same way
// ---------------------------------------------------------------------------------------------------------

function labelOf(control) {
  const label = control.type === 'radio' ? control.closest('fieldset')?.querySelector('legend') : control.labels?.[0];
  return label ? label.textContent.trim() : control.name;
}

/** What is wrong with one control's value, in Chinese, or null. */
function problem(control) {
  const value = control.value.trim();
  const label = labelOf(control);
  if (control.type === 'radio') {
    const chosen = control.form.elements.namedItem(control.name).value;
    return control.required && !chosen ? `请选择${label}` : null;
  }
  if (!value) {
    if (!control.required) {
      return null;
    }
    return control.tagName === 'SELECT' ? `请选择${label}` : `请填写${label}`;
  }
  const max = Number(control.dataset.max || 0);
  if (max && value.length > max) {
    return `${label}不能超过 ${max} 个字（现有 ${value.length} 个）`;
  }
  if (control.pattern && !new RegExp(`^(?:${control.pattern})$`, 'u').test(value)) {
    return control.dataset.patternMessage || `${label}格式不正确`;
  }
  if (control.type === 'number') {
    const n = Number(value);
    if (!Number.isInteger(n) || n < Number(control.min) || n > Number(control.max)) {
      return `${label}应为 ${control.min} 至 ${control.max} 之间的整数`;
    }
  }
  return null;
}

/** Clears the form's old messages and checks it again; false (with the focus on the first fault) when it fails. */
export function checkForm(form) {
  clearErrors(form);
  const invalid = validate(form);
  invalid?.focus();
  return !invalid;
}

/** Marks every faulty control of the form; answers the first one (to focus), or null when all are fine. */
function validate(form) {
  let first = null;
  for (const control of form.elements) {
    if (!control.name || control.disabled || (control.type === 'radio' && control !== form.elements[control.name][0])) {
      continue;
    }
    const message = problem(control);
    if (message) {
      showError(form, control.name, message);
      first ??= control;
    }
  }
  return first;
}

/**
 * Shows a message beside the field it concerns (field: the control's name, which is the API's field path
 * such as "petitioner.idNumber"), or above the submit button when no field of the form matches. Answers the
 * element to move the focus to.
 */
export function showError(form, field, message) {
  const found = field ? form.elements.namedItem(field) : null;
  const control = found instanceof RadioNodeList ? found[0] : found;
  const box = control?.closest('.field')?.querySelector('.error');
  if (box) {
    box.textContent = message;
    control.setAttribute('aria-invalid', 'true');
    return control;
  }
  const general = form.querySelector('.form-error');
  general.textContent = message;
  general.hidden = false;
  return general;
}

export function clearErrors(form) {
  form.querySelectorAll('.error').forEach((box) => { box.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
  const general = form.querySelector('.form-error');
  general.textContent = '';
  general.hidden = true;
}

/** A field's error goes as soon as the citizen changes that field. */
export function clearErrorsOnInput(form) {
  form.addEventListener('input', (event) => {
    const field = event.target.closest('.field');
    if (field) {
      field.querySelector('.error').textContent = '';
      field.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
    }
  });
}

/** Disables the form's submit button while a request is under way, so that it is sent once. */
export function setBusy(form, busy) {
  const button = form.querySelector('button[type="submit"]');
  button.dataset.idleText ??= button.textContent;
  button.disabled = busy;
  button.textContent = busy ? '正在提交…' : button.dataset.idleText;
  form.setAttribute('aria-busy', String(busy));
}

/** The trimmed value of a named control ('' when empty). */
export function valueOf(form, name) {
  return form.elements.namedItem(name).value.trim();
}
