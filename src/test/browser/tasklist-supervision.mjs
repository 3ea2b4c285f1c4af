// Browser test: 网上督 in Camunda Tasklist (headless Debian Chromium).
//
//   BASE_URL=http://localhost:8080 CASE_NUMBER=XF2026-00000001 SCREENSHOT_DIR=target/screenshots \
//     node src/test/browser/tasklist-supervision.mjs
//
// The case was received 25 days before the application's (pinned) today and registered today: its triage
// is overdue from the start, so 督查督办 waits for the supervisors. supervisor1 (高洁) finds it in 督办中, reads
// the case, the late step 信访事项分流, the bureau 市信访局 and how late it is (已超期 … 日), chooses 发督办函 with
// 3 working days and a comment, and completes it. clerk1 (the bureau) then finds the triage task in 已超期
// and reads the letter in the task's 案卷 (督办记录). Screenshots supervision-*.png, or
// supervision-failure.png. RESULT carries what the form and the case file showed.
// Run by cn.xinfang.browser.TasklistSupervisionIT; shares tasklist.mjs with the other Tasklist scripts.

import {
  CASE_NUMBER, claim, complete, emptyList, expectLabels, expectNoLabels, fillText, log, login, logout,
  openOnlyTask, run, screenshot, searchFilter, step, textInput, until,
} from './tasklist.mjs';
import { page } from './browser.mjs';

const SUPERVISE = '督查督办';
const TRIAGE = '信访事项分流';
const LETTER = '发督办函';
const REPLY_DAYS = '答复期限（工作日）';
const COMMENT_LABEL = '督办意见';
// the script owns its text (ASCII-only environment, see tasklist-handling.mjs); the case number makes it its own
const COMMENT = `${CASE_NUMBER} 分流已超期，请说明原因并于期限内书面答复。`;

const casefile = () => page.locator('.xf-casefile');

/** A disabled display field of the form, by its exact label. */
async function shown(form, label) {
  return form.getByLabel(label, { exact: true }).inputValue();
}

async function chooseRadio(form, optionLabel) {
  const option = form.getByLabel(optionLabel, { exact: true });
  await option.check();
  await until(`${optionLabel} to be chosen`, () => option.isChecked());
}

async function supervise() {
  await login('supervisor1');
  await searchFilter('督办中', CASE_NUMBER, '任务变量');
  const form = await openOnlyTask(CASE_NUMBER, SUPERVISE);
  await claim(form, CASE_NUMBER);

  step('check what the supervisor reads');
  await expectLabels(form, ['案件信息', '督办环节', '承办单位', '环节期限', '超期情况', '督办决定', '督办方式', COMMENT_LABEL]);
  const read = {
    caseNumber: await shown(form, '案件编号'),
    lateTask: await shown(form, '督办环节'),
    lateGroups: await shown(form, '承办单位'),
    lateDue: await shown(form, '环节期限'),
    daysLate: await shown(form, '超期情况'),
  };
  if (read.lateTask !== TRIAGE || read.lateGroups !== '市信访局' || !/^已超期 \d+ 日$/.test(read.daysLate)) {
    throw new Error(`the form reads ${JSON.stringify(read)}`);
  }
  log(`the form reads ${JSON.stringify(read)}`);
  await expectNoLabels(form, [REPLY_DAYS]);

  step(`choose ${LETTER}`);
  await chooseRadio(form, LETTER);
  await expectLabels(form, [REPLY_DAYS]);
  const days = textInput(form, REPLY_DAYS);
  const defaultDays = await days.inputValue();
  await days.fill('3');
  await days.blur();
  await until(`${REPLY_DAYS} to keep 3`, async () => (await days.inputValue()) === '3');
  await fillText(form, COMMENT_LABEL, COMMENT);
  await screenshot('supervision-1-form.png');
  await complete(SUPERVISE);
  await emptyList(CASE_NUMBER);
  await logout();
  return { ...read, defaultDays };
}

async function overdueAtTheBureau() {
  await login('clerk1');
  await searchFilter('已超期', CASE_NUMBER);
  await openOnlyTask(CASE_NUMBER, TRIAGE);
  await screenshot('supervision-2-overdue.png');

  step('read the letter in the case file');
  await page.locator('.task-details .nav-tabs a', { hasText: '案卷' }).click();
  const records = casefile().locator('h3:has-text("督办记录") + table tbody tr');
  await until('督办记录 to list the letter', async () => (await records.count()) === 1
    && (await records.first().innerText()).includes('督办函'));
  const record = (await records.first().innerText()).replace(/\s+/g, ' ');
  if (!record.includes(COMMENT) || !record.includes('高洁') || !record.includes('超期督办')) {
    throw new Error(`督办记录 reads: ${record}`);
  }
  await casefile().locator('h3', { hasText: '督办记录' }).scrollIntoViewIfNeeded();
  await screenshot('supervision-3-casefile.png');
  log(`督办记录: ${record}`);
  return record;
}

await run({ name: 'tasklist-supervision', failureScreenshot: 'supervision-failure.png' }, async () => {
  const form = await supervise();
  const record = await overdueAtTheBureau();
  return { form, comment: COMMENT, record };
});
