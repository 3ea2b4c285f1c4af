// What every Tasklist browser test needs: one headless Debian Chromium with one page, the Tasklist gestures
// of a clerk (log in and out, search a filter for a case, open and claim its task, complete it), the
// form-js controls, and one way to end: exit code 0 and a last line "[<script>] RESULT {json}" that the Java
// side (cn.xinfang.browser.TasklistScript) parses, or exit code 1 with failure screenshot and diagnostics.
//
// A script calls run() once, with its name and a main function that gets the page:
//
//   import { run, login } from './tasklist.mjs';
//   await run({ name: 'tasklist-x', failureScreenshot: 'x-failure.png' }, async (page) => { ...; return {}; });
//
// Environment: BASE_URL, CASE_NUMBER, SCREENSHOT_DIR, optional CHROMIUM_PATH and OVERALL_TIMEOUT_MS.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
export const CASE_NUMBER = process.env.CASE_NUMBER || '';
const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR || 'target/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Every demo user has this password (README). */
const PASSWORD = 'demo';
/** Whole run; the Java test waits a little longer than this. */
const OVERALL_TIMEOUT_MS = Number(process.env.OVERALL_TIMEOUT_MS || 150_000);
/** Any single wait for the page. */
const STEP_TIMEOUT_MS = 20_000;

const ERROR_NOTIFICATION = '.notifications .alert-danger, .notifications .alert-error';

let scriptName = 'tasklist';
let failureScreenshot = 'failure.png';
let browser;
let page;
let currentStep = 'start';
const pageErrors = [];
const screenshots = [];

export function log(message) {
  console.log(`[${scriptName}] ${message}`);
}

/** Names what the script does now, so that a failure says where it happened. */
export function step(name) {
  currentStep = name;
}

export async function screenshot(name) {
  const file = path.join(SCREENSHOT_DIR, name);
  // web fonts (the CJK glyphs) load late; a screenshot before they are ready shows empty boxes
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
  screenshots.push(name);
  log(`screenshot ${file}`);
}

/** Polls fn until it returns a truthy value; throws with description after timeoutMs. */
export async function until(description, fn, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) {
        return value;
      }
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${last ? ` (${last.message})` : ''}`);
}

// ---------------------------------------------------------------------------------------------------------
// Tasklist
// ---------------------------------------------------------------------------------------------------------

const groupFilter = () => page.locator('.task-filter h4.name a', { hasText: '本组待办' });
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
  step('search 本组待办 for the case');
  await groupFilter().click();
  await page.locator('.task-filter.active', { hasText: '本组待办' }).waitFor();
  // the option names come from the filter's variables
  await page.locator('[cam-widget-search] input.main-field').click();
  await page.getByRole('option', { name: '流程变量', exact: true }).click();
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

// ---------------------------------------------------------------------------------------------------------
// Running a script
// ---------------------------------------------------------------------------------------------------------

async function launch() {
  step('launch Chromium');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // tall enough for the longest task form in one screenshot (the task pane scrolls on its own)
    viewport: { width: 1400, height: 1800 },
  });
  page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(30_000);
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') {
      pageErrors.push(`console: ${m.text()} ${m.location().url || ''}`.trim());
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 500) {
      pageErrors.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
    }
  });
}

async function closeBrowser() {
  if (browser) {
    const b = browser;
    browser = undefined;
    await Promise.race([b.close().catch(() => {}), new Promise((r) => setTimeout(r, 5_000))]);
  }
}

async function fail(error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[${scriptName}] FAILED at step "${currentStep}": ${message}`);
  if (page) {
    try {
      const alerts = await page.locator(ERROR_NOTIFICATION).allInnerTexts();
      if (alerts.length) {
        console.error(`[${scriptName}] Tasklist error notifications: ${alerts.map((a) => a.trim()).join(' | ')}`);
      }
      console.error(`[${scriptName}] page URL: ${page.url()}`);
    } catch {
      // the page may be gone
    }
    try {
      await screenshot(failureScreenshot);
    } catch (e) {
      console.error(`[${scriptName}] could not take ${failureScreenshot}: ${e.message}`);
    }
  }
  if (pageErrors.length) {
    console.error(`[${scriptName}] browser errors:\n  ${pageErrors.slice(-10).join('\n  ')}`);
  }
  log(`RESULT ${JSON.stringify({ ok: false, step: currentStep, error: message, screenshots })}`);
  await closeBrowser();
  process.exit(1);
}

/**
 * Runs main(page) in a fresh browser under an overall watchdog and exits the process: 0 with main's
 * result (plus the screenshots taken) as the RESULT line, or 1 after fail().
 */
export async function run({ name, failureScreenshot: failureName }, main) {
  scriptName = name;
  failureScreenshot = failureName;
  const watchdog = setTimeout(() => {
    fail(new Error(`overall timeout of ${OVERALL_TIMEOUT_MS} ms exceeded`));
  }, OVERALL_TIMEOUT_MS);
  try {
    if (!BASE_URL || !CASE_NUMBER) {
      throw new Error('BASE_URL and CASE_NUMBER must be set');
    }
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await launch();
    const result = (await main(page)) || {};
    await closeBrowser();
    clearTimeout(watchdog);
    log('OK');
    log(`RESULT ${JSON.stringify({ ...result, ok: true, screenshots })}`);
    process.exit(0);
  } catch (e) {
    clearTimeout(watchdog);
    await fail(e);
  }
}
