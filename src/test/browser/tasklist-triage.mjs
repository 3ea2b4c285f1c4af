// Browser test: a bureau clerk triages one petition in Camunda Tasklist (headless Debian Chromium).
//
//   BASE_URL=http://localhost:8080 CASE_NUMBER=XF2026-00000001 SCREENSHOT_DIR=target/screenshots \
//     node src/test/browser/tasklist-triage.mjs
//
// Logs in as clerk1/demo, searches the 本组待办 filter for the case (process variable caseNumber),
// checks the card shows the case number, opens its 信访事项分流 task, checks the Chinese form, claims it, fills it (申诉求决类, no statutory
// route, within jurisdiction, 住房和城乡建设) and completes it. Screenshots: triage-form.png,
// triage-done.png, or failure.png. Exit code 0 on success, 1 on any failure.
// Run by cn.xinfang.browser.TasklistTriageIT; needs `npm install` (playwright-core) and /usr/bin/chromium.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
const CASE_NUMBER = process.env.CASE_NUMBER || '';
const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR || 'target/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const USER = 'clerk1';
const PASSWORD = 'demo';
/** Whole run; the Java test waits a little longer than this. */
const OVERALL_TIMEOUT_MS = Number(process.env.OVERALL_TIMEOUT_MS || 150_000);
/** Any single wait for the page. */
const STEP_TIMEOUT_MS = 20_000;

const TASK_NAME = '信访事项分流';

let browser;
let page;
let step = 'start';
const pageErrors = [];

function log(message) {
  console.log(`[tasklist-triage] ${message}`);
}

async function screenshot(name) {
  const file = path.join(SCREENSHOT_DIR, name);
  await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
  log(`screenshot ${file}`);
}

async function fail(error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[tasklist-triage] FAILED at step "${step}": ${message}`);
  if (page) {
    try {
      const alerts = await page.locator('.notifications .alert-danger, .notifications .alert-error').allInnerTexts();
      if (alerts.length) {
        console.error(`[tasklist-triage] Tasklist error notifications: ${alerts.map((a) => a.trim()).join(' | ')}`);
      }
      console.error(`[tasklist-triage] page URL: ${page.url()}`);
    } catch {
      // the page may be gone
    }
    try {
      await screenshot('failure.png');
    } catch (e) {
      console.error(`[tasklist-triage] could not take failure.png: ${e.message}`);
    }
  }
  if (pageErrors.length) {
    console.error(`[tasklist-triage] browser errors:\n  ${pageErrors.slice(-10).join('\n  ')}`);
  }
  await closeBrowser();
  process.exit(1);
}

async function closeBrowser() {
  if (browser) {
    const b = browser;
    browser = undefined;
    await Promise.race([b.close().catch(() => {}), new Promise((r) => setTimeout(r, 5_000))]);
  }
}

/** Polls fn until it returns a truthy value; throws with description after timeoutMs. */
async function until(description, fn, timeoutMs = STEP_TIMEOUT_MS) {
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

/** The form-js field (wrapper div) whose own label starts with the given text. */
function formField(form, labelText) {
  return form.locator('.fjs-form-field').filter({
    has: page.locator(':scope > label.fjs-form-field-label', { hasText: labelText }),
  }).first();
}

/** Chooses an option of a form-js select unless it already shows it. */
async function chooseSelectOption(form, labelText, optionText) {
  const field = formField(form, labelText);
  const display = field.locator('.fjs-select-display');
  if ((await display.innerText()).trim() === optionText) {
    return;
  }
  await field.locator('.fjs-input-group').click();
  await field.locator('.fjs-dropdownlist-item', { hasText: optionText }).first().click();
  await until(`${labelText} to show ${optionText}`, async () => (await display.innerText()).trim() === optionText);
}

async function setCheckbox(form, labelText, checked) {
  const box = form.getByLabel(labelText, { exact: true });
  if ((await box.isChecked()) !== checked) {
    await box.setChecked(checked);
  }
}

async function main() {
  if (!BASE_URL || !CASE_NUMBER) {
    throw new Error('BASE_URL and CASE_NUMBER must be set');
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  step = 'launch Chromium';
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
    // tall enough for the whole triage form in one screenshot (the task pane scrolls on its own)
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

  step = 'log in';
  await page.goto(`${BASE_URL}/camunda/app/tasklist/`);
  const signin = page.locator('form[name="signinForm"]');
  await signin.locator('input[ng-model="username"]').fill(USER);
  await signin.locator('input[ng-model="password"]').fill(PASSWORD);
  await signin.locator('button[type="submit"]').click();
  const groupFilter = page.locator('.task-filter h4.name a', { hasText: '本组待办' });
  await groupFilter.waitFor({ state: 'visible' });
  log(`logged in as ${USER}`);

  step = 'search 本组待办 for the case';
  await groupFilter.click();
  await page.locator('.task-filter.active', { hasText: '本组待办' }).waitFor();
  // a search pill: 流程变量 : 案件编号 (caseNumber) = <case number>; the names come from the filter
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
      && (r.request().postData() || '').includes(CASE_NUMBER), { timeout: STEP_TIMEOUT_MS });
  listed.catch(() => {}); // awaited below; no unhandled rejection if filling fails first
  await valueInput.fill(CASE_NUMBER);
  await valueInput.press('Enter');
  const response = await listed;
  if (!response.ok()) {
    throw new Error(`task search answered HTTP ${response.status()}`);
  }
  const tasks = page.locator('ol.tasks-list > li.task');
  await until(`exactly one task for ${CASE_NUMBER} in the list`, async () => (await tasks.count()) === 1)
    .catch(async (e) => {
      throw new Error(`${e.message}; the list shows ${await tasks.count()} task(s)`);
    });
  const taskLink = tasks.first().locator('h4.task a');
  const listedName = (await taskLink.innerText()).trim();
  if (listedName !== TASK_NAME) {
    throw new Error(`the task of ${CASE_NUMBER} is "${listedName}", expected "${TASK_NAME}"`);
  }
  log(`found task ${TASK_NAME} of ${CASE_NUMBER}`);
  // the filter's list columns (案件编号, 标题) must be readable by the clerk on the card itself
  await until(`the task card to show case number ${CASE_NUMBER}`,
    async () => (await tasks.first().innerText()).includes(CASE_NUMBER))
    .catch(async (e) => {
      throw new Error(`${e.message}; the card reads: ${(await tasks.first().innerText()).replace(/\s+/g, ' ')}`);
    });

  step = 'open the task';
  await taskLink.click();
  await page.locator('.task-details h2', { hasText: TASK_NAME }).waitFor();
  const form = page.locator('form.fjs-form');
  await form.waitFor({ state: 'visible' });
  const caseNumberField = form.getByLabel('案件编号', { exact: true });
  await until(`the form to show case number ${CASE_NUMBER}`,
    async () => (await caseNumberField.inputValue()) === CASE_NUMBER);

  step = 'check the Chinese form labels';
  for (const label of ['事项性质', '法定途径', '事项类别', '属于本级本系统职权范围']) {
    const visible = form.locator('label.fjs-form-field-label', { hasText: label }).first();
    await visible.waitFor({ state: 'visible', timeout: 5_000 })
      .catch(() => { throw new Error(`form label "${label}" is not visible`); });
  }
  await form.getByText('申诉求决类', { exact: true }).waitFor({ state: 'visible', timeout: 5_000 });
  log('Chinese labels 事项性质, 法定途径, 事项类别, 属于本级本系统职权范围 are visible');
  // wait for the web fonts and layout to settle, then keep the form as the clerk first sees it
  await page.evaluate(() => document.fonts.ready);
  await screenshot('triage-form.png');

  step = 'claim the task';
  const claim = page.locator('.task-details button.claim');
  await claim.click();
  // Tasklist shows no notification for a claim: the assignee (with its 取消认领 button) replaces 认领
  await page.locator('.task-details button.unclaim').waitFor({ state: 'visible' });
  await claim.waitFor({ state: 'detached' });
  // Until the task is claimed, an overlay (.disabled-form) swallows every click on the form although
  // the fields do not look disabled; wait for it to go and for the form to still carry the case data
  await page.locator('.task-details .disabled-form').waitFor({ state: 'detached' });
  await until('the form to be ready after claiming', async () =>
    (await form.count()) === 1 && (await caseNumberField.inputValue()) === CASE_NUMBER);
  log('task claimed');

  step = 'fill the form';
  await form.getByLabel('申诉求决类', { exact: true }).check();
  await chooseSelectOption(form, '法定途径', '无（不属于法定途径）');
  await chooseSelectOption(form, '事项类别', '住房和城乡建设');
  await setCheckbox(form, '涉法涉诉事项已依法终结', false);
  await setCheckbox(form, '同一事实和理由已经复核终结', false);
  await setCheckbox(form, '被检举控告人为党员或公职人员', false);
  await setCheckbox(form, '属于本级本系统职权范围', true);
  const comment = form.getByLabel('分流说明（内部）', { exact: true });
  await comment.fill('属住房和城乡建设部门职责，转送市住房和建设局办理。');
  await comment.blur(); // form-js commits text on blur
  if (!(await form.getByLabel('申诉求决类', { exact: true }).isChecked())) {
    throw new Error('申诉求决类 is not selected after filling the form');
  }

  step = 'complete the task';
  const complete = page.locator('button[ng-click="complete()"]');
  await until('the 完成 button to be enabled', () => complete.isEnabled());
  const submitted = page.waitForResponse((r) => /\/task\/[^/]+\/submit-form$/.test(new URL(r.url()).pathname)
      && r.request().method() === 'POST', { timeout: STEP_TIMEOUT_MS });
  submitted.catch(() => {});
  await complete.click();
  const submit = await submitted;
  if (!submit.ok()) {
    throw new Error(`completing the task answered HTTP ${submit.status()}: ${(await submit.text()).slice(0, 500)}`);
  }
  // Tasklist shows no notification for a completed task (only 提交任务表单时出错 on errors): it closes
  // the task pane (no follow-up task of this clerk in the process) and reloads the list
  const error = page.locator('.notifications .alert-danger, .notifications .alert-error').first();
  await Promise.race([
    page.locator('.task-details .no-task', { hasText: '请在列表中选择一项任务' }).waitFor({ state: 'visible' }),
    error.waitFor({ state: 'visible' }).then(async () => {
      throw new Error(`Tasklist reported: ${(await error.innerText()).trim()}`);
    }),
  ]);
  await page.locator('.task-details h2.task', { hasText: TASK_NAME }).waitFor({ state: 'detached' });
  // 本组待办 lists unclaimed tasks only, so the task already left the list when it was claimed
  await until(`no task of ${CASE_NUMBER} in the list`, async () => (await tasks.count()) === 0);
  log('task completed; it is gone from the list and the task pane');
  await screenshot('triage-done.png');

  await closeBrowser();
}

const watchdog = setTimeout(() => {
  fail(new Error(`overall timeout of ${OVERALL_TIMEOUT_MS} ms exceeded`));
}, OVERALL_TIMEOUT_MS);

try {
  await main();
  clearTimeout(watchdog);
  log('OK');
  process.exit(0);
} catch (e) {
  clearTimeout(watchdog);
  await fail(e);
}
