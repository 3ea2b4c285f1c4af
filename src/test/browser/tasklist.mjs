// What every Tasklist browser test needs on top of browser.mjs: the Tasklist gestures of a clerk (log in
// and out, search a filter for a case, open and claim its task, complete it) and the form-js controls.
//
// A script calls run() once, with its name and a main function that gets the page:
//
//   import { run, login } from './tasklist.mjs';
//   await run({ name: 'tasklist-x', failureScreenshot: 'x-failure.png' }, async (page) => { ...; return {}; });
//
// Environment: CASE_NUMBER, and what browser.mjs reads (BASE_URL, SCREENSHOT_DIR …).

import {
  BASE_URL, STEP_TIMEOUT_MS, log, page, run as runScript, step, until,
} from './browser.mjs';

export { log, screenshot, step, until } from './browser.mjs';

export const CASE_NUMBER = process.env.CASE_NUMBER || '';
/** Every demo user has this password (README). */
const PASSWORD = 'demo';

const ERROR_NOTIFICATION = '.notifications .alert-danger, .notifications .alert-error';

/** browser.mjs run() for one case (CASE_NUMBER); a failure also prints Tasklist's error notifications. */
export function run(options, main) {
  return runScript({ ...options, requires: ['CASE_NUMBER'], diagnose: notifications }, main);
}

async function notifications(p) {
  const alerts = await p.locator(ERROR_NOTIFICATION).allInnerTexts();
  return alerts.length ? [`Tasklist error notifications: ${alerts.map((a) => a.trim()).join(' | ')}`] : [];
}

// ---------------------------------------------------------------------------------------------------------
// Tasklist
// ---------------------------------------------------------------------------------------------------------

// the shared filters' names are no part of one another: a name finds its filter
const filterLink = (name) => page.locator('.task-filter h4.name a', { hasText: name });
const groupFilter = () => filterLink('本组待办');
const taskCards = () => page.locator('ol.tasks-list > li.task');

/** Logs in from a fresh start of Tasklist; done when the shared filters are listed. */
export async function login(user) {
  step(`log in as ${user}`);
  await page.goto(`${BASE_URL}/camunda/app/tasklist/`);
  const signin = page.locator('form[name="signinForm"]');
  await signin.locator('input[ng-model="username"]').fill(user);
  await signin.locator('input[ng-model="password"]').fill(PASSWORD);
  await signin.locator('button[type="submit"]').click();
  await groupFilter().waitFor({ state: 'visible' });
  log(`logged in as ${user}`);
}

/** Logs out with the user menu of the header, as a clerk who hands over the desk would. */
export async function logout() {
  step('log out');
  await page.locator('li.account.dropdown > a.dropdown-toggle').click();
  await page.locator('li.logout a', { hasText: '退出登录' }).click();
  await page.locator('form[name="signinForm"]').waitFor({ state: 'visible' });
  log('logged out');
}

/**
 * Opens 本组待办 and narrows it with a search pill 流程变量 : 案件编号 (caseNumber) = <case number>, the way
 * a clerk finds one case among many. The pill stays for the rest of the session, so the list keeps showing
 * only this case's tasks while they come and go.
 */
export async function searchGroupFilter(caseNumber) {
  await searchFilter('本组待办', caseNumber);
}

/**
 * Opens the shared filter of that name (本组待办, 临期, 已超期, 督办中 …) and narrows it with a search pill
 * <variableKind> : 案件编号 (caseNumber) = <case number>: 流程变量 for the tasks of the petition process,
 * 任务变量 for supervision's tasks, which carry the case number as a variable of their own.
 */
export async function searchFilter(filterName, caseNumber, variableKind = '流程变量') {
  step(`search ${filterName} for the case`);
  await filterLink(filterName).click();
  await page.locator('.task-filter.active', { hasText: filterName }).waitFor();
  // the option names come from the filter's variables
  await page.locator('[cam-widget-search] input.main-field').click();
  await page.getByRole('option', { name: variableKind, exact: true }).click();
  const pill = page.locator('[cam-widget-search-pill]').last();
  await pill.locator('.name-field input').waitFor({ state: 'visible' });
  await page.getByRole('option', { name: '案件编号 (caseNumber)', exact: true }).click();
  const valueInput = pill.locator('.value-field input');
  try {
    await valueInput.waitFor({ state: 'visible', timeout: 3_000 });
  } catch {
    await pill.locator('.value-field .view-value').click();
    await valueInput.waitFor({ state: 'visible' });
  }
  const listed = page.waitForResponse((r) => /\/filter\/[^/]+\/list/.test(r.url())
      && (r.request().postData() || '').includes(caseNumber), { timeout: STEP_TIMEOUT_MS });
  listed.catch(() => {}); // awaited below; no unhandled rejection if filling fails first
  await valueInput.fill(caseNumber);
  await valueInput.press('Enter');
  const response = await listed;
  if (!response.ok()) {
    throw new Error(`task search answered HTTP ${response.status()}`);
  }
}

async function listedNames() {
  return (await taskCards().locator('h4.task a').allInnerTexts()).map((n) => n.trim());
}

/**
 * Waits until the searched list shows exactly one task, named taskName, whose card shows the case number
 * (the filter's list columns 案件编号 and 标题 must be readable on the card itself); returns the card.
 */
async function onlyCard(caseNumber, taskName) {
  step(`find ${taskName} of ${caseNumber} in the list`);
  await until(`exactly one task ${taskName} of ${caseNumber} in the list`, async () => {
    const names = await listedNames();
    return names.length === 1 && names[0] === taskName;
  }).catch(async (e) => {
    throw new Error(`${e.message}; the list shows ${JSON.stringify(await listedNames())}`);
  });
  const card = taskCards().first();
  log(`found task ${taskName} of ${caseNumber}`);
  await until(`the task card to show case number ${caseNumber}`,
    async () => (await card.innerText()).includes(caseNumber))
    .catch(async (e) => {
      throw new Error(`${e.message}; the card reads: ${(await card.innerText()).replace(/\s+/g, ' ')}`);
    });
  return card;
}

/** Waits until the searched list is empty: no task of the case is left for this user. */
export async function emptyList(caseNumber) {
  await until(`no task of ${caseNumber} in the list`, async () => (await taskCards().count()) === 0)
    .catch(async (e) => {
      throw new Error(`${e.message}; the list shows ${JSON.stringify(await listedNames())}`);
    });
}

/** Opens the card's task; returns its form once the form shows the case (every task form has 案件编号). */
async function openTask(card, taskName, caseNumber) {
  step(`open ${taskName}`);
  await card.locator('h4.task a').click();
  await page.locator('.task-details h2', { hasText: taskName }).waitFor();
  const form = page.locator('form.fjs-form');
  await form.waitFor({ state: 'visible' });
  await formShowsCase(form, caseNumber);
  return form;
}

/** The only task of the searched list, opened; it must be named taskName. */
export async function openOnlyTask(caseNumber, taskName) {
  return openTask(await onlyCard(caseNumber, taskName), taskName, caseNumber);
}

/** {@link openOnlyTask}, then claimed: its form is ready to fill. */
export async function claimOnlyTask(caseNumber, taskName) {
  const form = await openOnlyTask(caseNumber, taskName);
  await claim(form, caseNumber);
  return form;
}

async function formShowsCase(form, caseNumber) {
  const caseNumberField = form.getByLabel('案件编号', { exact: true });
  await until(`the form to show case number ${caseNumber}`, async () =>
    (await form.count()) === 1 && (await caseNumberField.inputValue()) === caseNumber);
}

export async function claim(form, caseNumber) {
  step('claim the task');
  const claimButton = page.locator('.task-details button.claim');
  await claimButton.click();
  // Tasklist shows no notification for a claim: the assignee (with its 取消认领 button) replaces 认领
  await page.locator('.task-details button.unclaim').waitFor({ state: 'visible' });
  await claimButton.waitFor({ state: 'detached' });
  // Until the task is claimed, an overlay (.disabled-form) swallows every click on the form although
  // the fields do not look disabled; wait for it to go and for the form to still carry the case data
  await page.locator('.task-details .disabled-form').waitFor({ state: 'detached' });
  await formShowsCase(form, caseNumber);
  log('task claimed');
}

/** Completes the open task with 完成 and waits until Tasklist has closed it. */
export async function complete(taskName) {
  step(`complete ${taskName}`);
  const button = page.locator('button[ng-click="complete()"]');
  await until('the 完成 button to be enabled', () => button.isEnabled());
  const submitted = page.waitForResponse((r) => /\/task\/[^/]+\/submit-form$/.test(new URL(r.url()).pathname)
      && r.request().method() === 'POST', { timeout: STEP_TIMEOUT_MS });
  submitted.catch(() => {});
  await button.click();
  const submit = await submitted;
  if (!submit.ok()) {
    throw new Error(`completing the task answered HTTP ${submit.status()}: ${(await submit.text()).slice(0, 500)}`);
  }
  // Tasklist shows no notification for a completed task (only 提交任务表单时出错 on errors). It opens
  // the next task of the process only if it is already assigned to this user, which none of ours is, so
  // it closes the task pane and reloads the list
  const error = page.locator(ERROR_NOTIFICATION).first();
  await Promise.race([
    page.locator('.task-details .no-task', { hasText: '请在列表中选择一项任务' }).waitFor({ state: 'visible' }),
    error.waitFor({ state: 'visible' }).then(async () => {
      throw new Error(`Tasklist reported: ${(await error.innerText()).trim()}`);
    }),
  ]);
  await page.locator('.task-details h2.task', { hasText: taskName }).waitFor({ state: 'detached' });
  log(`${taskName} completed`);
}

// ---------------------------------------------------------------------------------------------------------
// form-js (1.8.7 in Tasklist 7.24)
// ---------------------------------------------------------------------------------------------------------

/** The form-js field (wrapper div) whose own label starts with the given text. */
function formField(form, labelText) {
  return form.locator('.fjs-form-field').filter({
    has: page.locator(':scope > label.fjs-form-field-label', { hasText: labelText }),
  }).first();
}

/** A field label as the clerk reads it; form-js does not render fields hidden by a condition at all. */
function fieldLabel(form, labelText) {
  return form.locator('label.fjs-form-field-label', { hasText: labelText }).first();
}

export async function expectLabels(form, labels) {
  for (const label of labels) {
    await fieldLabel(form, label).waitFor({ state: 'visible', timeout: 5_000 })
      .catch(() => { throw new Error(`form label "${label}" is not visible`); });
  }
}

export async function expectNoLabels(form, labels) {
  for (const label of labels) {
    await fieldLabel(form, label).waitFor({ state: 'hidden', timeout: 5_000 })
      .catch(() => { throw new Error(`form label "${label}" is still shown`); });
  }
}

/** Chooses an option of a form-js select unless it already shows it. */
export async function chooseSelectOption(form, labelText, optionText) {
  const field = formField(form, labelText);
  const display = field.locator('.fjs-select-display');
  if ((await display.innerText()).trim() === optionText) {
    return;
  }
  await field.locator('.fjs-input-group').click();
  await field.locator('.fjs-dropdownlist-item', { hasText: optionText }).first().click();
  await until(`${labelText} to show ${optionText}`, async () => (await display.innerText()).trim() === optionText);
}

export async function setCheckbox(form, labelText, checked) {
  const box = form.getByLabel(labelText, { exact: true });
  if ((await box.isChecked()) !== checked) {
    await box.setChecked(checked);
  }
}

/**
 * The text input or textarea of a field. Not getByLabel: form-js appends "*" to the label of a required
 * field, so an exact label match finds nothing there.
 */
export function textInput(form, labelText) {
  return formField(form, labelText).locator('input, textarea').first();
}

/** Fills a text field or textarea; form-js commits text only on blur. */
export async function fillText(form, labelText, text) {
  const input = textInput(form, labelText);
  await input.fill(text);
  await input.blur();
  return input;
}
