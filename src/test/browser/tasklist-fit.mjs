// Browser test: Tasklist fit for a Chinese clerk (headless Debian Chromium).
//
//   BASE_URL=http://localhost:8080 CASE_NUMBER=XF2026-00000001 SCREENSHOT_DIR=target/screenshots \
//     node src/test/browser/tasklist-fit.mjs
//
// CASE_NUMBER is a case whose 信访事项分流 task is overdue. Checks, as clerk1: the login page and the task
// list without Camunda's end-of-life banner; no 新建任务 in the header; 本组待办 sorted by 截止日期 as the
// filter is; the overdue task marked (red, 已超期) in the list and in the task detail, without 添加备注;
// the start form's required-field messages in Chinese (no form-js English), a Chinese date picker, and
// Esc in the date picker closing only the picker: the modal and what the clerk typed stay; as housing1
// (a unit) neither 发起流程 nor 登记回执; no banner on the other webapps' login pages; in Admin, clerk1's
// profile with 姓 王 above 名 敏.
// Screenshots: fit-login.png, fit-list.png, fit-start-form.png, fit-date-picker.png, fit-admin-profile.png,
// or fit-failure.png.
// Run by cn.xinfang.browser.TasklistFitIT; needs `npm install` (playwright-core) and /usr/bin/chromium.

import { BASE_URL, browserErrors } from './browser.mjs';
import {
  CASE_NUMBER, log, login, logout, openOnlyTask, run, screenshot, searchGroupFilter, step, until,
} from './tasklist.mjs';
import {
  fieldOf, openCalendar, openDatePicker, openStartForm, startButton,
} from './start-form.mjs';

const ENGLISH = /Field is required|Field must|\bSelect\b|January|February|\bMon\b|\bSun\b/;

async function expectNoBanner(page, where) {
  // the header (and so the banner element, if Camunda renders it) is there on every page
  await page.locator('[cam-widget-header]').first().waitFor({ state: 'attached' });
  const shown = await page.locator('.ce-eol-banner').evaluateAll(
    (banners) => banners.filter((b) => b.offsetParent !== null || b.getClientRects().length > 0).length,
  );
  const text = await page.locator('body').innerText();
  if (shown || text.includes('Camunda 8') || /end of life/i.test(text)) {
    throw new Error(`the end-of-life banner is shown on ${where}`);
  }
}

await run({ name: 'tasklist-fit', failureScreenshot: 'fit-failure.png' }, async (page) => {
  step('the login page has no end-of-life banner');
  await page.goto(`${BASE_URL}/camunda/app/tasklist/`);
  await page.locator('form[name="signinForm"]').waitFor({ state: 'visible' });
  await expectNoBanner(page, 'the login page');
  await screenshot('fit-login.png');
  // login() opens Tasklist itself, as on any other start: not into a login page still settling
  await page.goto('about:blank');

  await login('clerk1');
  await expectNoBanner(page, 'the task list');

  step('the header offers no 新建任务');
  await page.locator('[cam-widget-header] li.start-process-action').waitFor({ state: 'visible' });
  await page.locator('[cam-widget-header] li.xf-registration-receipts').waitFor({ state: 'visible' });
  const headerText = await page.locator('[cam-widget-header]').innerText();
  if (headerText.includes('新建任务') || await page.locator('li.create-task-action').isVisible()) {
    throw new Error(`the header offers 新建任务: ${headerText.replace(/\s+/g, ' ')}`);
  }

  step('本组待办 is sorted by 截止日期, as the filter is');
  await searchGroupFilter(CASE_NUMBER);
  const sortHeader = page.locator('[cam-sorting-choices]');
  await until('the list header to sort by 截止日期', async () => (await sortHeader.innerText()).includes('截止日期'))
    .catch(async (e) => {
      throw new Error(`${e.message}; the header reads ${(await sortHeader.innerText()).replace(/\s+/g, ' ')}`);
    });
  if (!decodeURIComponent(page.url()).includes('"sortBy":"dueDate"')) {
    throw new Error(`the list is not requested by due date: ${page.url()}`);
  }

  step('the overdue task is marked in the list');
  const card = page.locator('ol.tasks-list > li.task').first();
  await until('the card to be marked overdue', async () => (await card.getAttribute('class')).includes('xf-overdue'))
    .catch(async (e) => { throw new Error(`${e.message}; its classes: ${await card.getAttribute('class')}`); });
  const cardDue = card.locator('.due-date.xf-overdue');
  const cardColour = await cardDue.evaluate((e) => getComputedStyle(e).color);
  const cardBadge = await cardDue.evaluate((e) => getComputedStyle(e, '::after').content);
  if (cardColour !== 'rgb(201, 48, 44)' || cardBadge !== '"已超期"') {
    throw new Error(`the card's due date is ${cardColour} with ${cardBadge}, expected red with "已超期"`);
  }
  await screenshot('fit-list.png');

  step('the overdue task is marked in the detail, which offers no comment');
  await openOnlyTask(CASE_NUMBER, '信访事项分流');
  const detailDue = page.locator('[cam-tasklist-task-meta] .due-date');
  await until('the detail to mark the due date overdue',
    async () => (await detailDue.getAttribute('class')).includes('xf-overdue'));
  if (await page.locator('.task-actions a.createCommentLink').isVisible()) {
    throw new Error('the task offers 添加备注, which the staff policy refuses');
  }
  const editable = await detailDue.evaluate((e) => getComputedStyle(e).pointerEvents);
  if (editable !== 'none') {
    throw new Error(`the due date can be clicked to change it (pointer-events: ${editable})`);
  }

  const form = await openStartForm();
  const modal = page.locator('.modal-content');

  step('a required field left empty says so in Chinese');
  await startButton().click();
  const errors = form.locator('.fjs-form-field-error');
  await until('the required-field messages', async () => (await errors.count()) > 0);
  await until('the messages in Chinese', async () => {
    const texts = await errors.allInnerTexts();
    return texts.length > 0 && texts.every((t) => t.trim() === '此项为必填项。');
  }).catch(async (e) => { throw new Error(`${e.message}; they read ${JSON.stringify(await errors.allInnerTexts())}`); });
  const nameError = fieldOf(form, '信访人姓名').locator('.fjs-form-field-error');
  if ((await nameError.innerText()).trim() !== '此项为必填项。') {
    throw new Error(`信访人姓名 says ${JSON.stringify(await nameError.innerText())}`);
  }
  const formText = await form.innerText();
  if (ENGLISH.test(formText)) {
    throw new Error(`form-js English in the start form: ${formText.match(ENGLISH)[0]}`);
  }
  log(`${await errors.count()} required fields say 此项为必填项。`);
  // Tasklist reports the refused submission (登记未能完成。) and renders the form again: type after that, as
  // a clerk who reads the message does, and not into the form about to be replaced
  await until('Tasklist to report the refused submission',
    async () => (await modal.getByText('登记未能完成').count()) > 0);
  await page.waitForTimeout(500);

  step('type a name, then open the date picker: it is Chinese');
  const name = fieldOf(form, '信访人姓名').locator('input');
  await name.fill('李四');
  await name.blur();
  await openDatePicker(form, '收到日期');
  const calendarText = await openCalendar().innerText();
  if (!/[一二三四五六七八九十]+月/.test(calendarText) || ENGLISH.test(calendarText)) {
    throw new Error(`the date picker is not Chinese: ${calendarText.replace(/\s+/g, ' ').slice(0, 120)}`);
  }
  await screenshot('fit-date-picker.png');

  step('Esc closes the date picker and nothing else');
  await page.keyboard.press('Escape');
  await until('the date picker to close', async () => (await openCalendar().count()) === 0);
  // the modal would close on the key's way up; give it the time to do so
  await page.waitForTimeout(500);
  if (!(await modal.isVisible())) {
    throw new Error('Esc in the date picker closed the start form');
  }
  if ((await name.inputValue()) !== '李四') {
    throw new Error(`信访人姓名 lost its value: ${JSON.stringify(await name.inputValue())}`);
  }
  await screenshot('fit-start-form.png');
  log('Esc closed the date picker; the start form and its values stay');

  step('a unit may start nothing: neither 发起流程 nor 登记回执');
  await modal.locator('.modal-footer button', { hasText: '关闭' }).click();
  await modal.waitFor({ state: 'detached' });
  await logout();
  await login('housing1');
  await until('Tasklist to know that housing1 may start nothing',
    () => page.evaluate(() => document.body.classList.contains('xf-may-not-start')));
  for (const entry of ['li.start-process-action', 'li.xf-registration-receipts', 'li.create-task-action']) {
    if (await page.locator(`[cam-widget-header] ${entry}`).isVisible()) {
      throw new Error(`housing1 is offered ${entry}`);
    }
  }
  await expectNoBanner(page, 'the task list of a unit');

  step('no end-of-life banner on the login pages of Cockpit, Admin and Welcome either');
  await logout();
  for (const app of ['cockpit', 'admin', 'welcome']) {
    await page.goto(`${BASE_URL}/camunda/app/${app}/`);
    await page.locator('form[name="signinForm"]').waitFor({ state: 'visible' });
    await expectNoBanner(page, `the login page of ${app}`);
  }

  step('Admin asks for 姓 before 名 and shows the demo clerk so');
  const signin = page.locator('form[name="signinForm"]');
  await signin.locator('input[ng-model="username"]').fill('demo');
  await signin.locator('input[ng-model="password"]').fill('demo');
  await signin.locator('button[type="submit"]').click();
  await page.locator('[cam-widget-header] .account').waitFor({ state: 'visible' });
  await expectNoBanner(page, 'Admin');
  await page.goto(`${BASE_URL}/camunda/app/admin/default/#/users/clerk1?tab=profile`);
  const surname = page.locator('#inputLastname');
  const givenName = page.locator('#inputFirstname');
  await until('clerk1\'s profile', async () => (await surname.inputValue()) !== '');
  const [surnameTop, givenNameTop] = await Promise.all([surname, givenName].map(
    (input) => input.evaluate((e) => e.getBoundingClientRect().top)));
  if ((await surname.inputValue()) !== '王' || (await givenName.inputValue()) !== '敏' || surnameTop >= givenNameTop) {
    throw new Error(`Admin shows 姓 ${await surname.inputValue()} at ${surnameTop}, 名 ${await givenName.inputValue()} at ${givenNameTop}`);
  }
  await screenshot('fit-admin-profile.png');

  const errorsSeen = browserErrors().filter((e) => !e.startsWith('console: Failed to load resource'));
  if (errorsSeen.length) {
    throw new Error(`browser errors: ${errorsSeen.join(' | ')}`);
  }
  return { caseNumber: CASE_NUMBER };
});
