// Browser test: a bureau clerk triages one petition in Camunda Tasklist (headless Debian Chromium).
//
//   BASE_URL=http://localhost:8080 CASE_NUMBER=XF2026-00000001 SCREENSHOT_DIR=target/screenshots \
//     node src/test/browser/tasklist-triage.mjs
//
// Logs in as clerk1/demo, searches the 本组待办 filter for the case (process variable caseNumber),
// checks the card shows the case number, opens its 信访事项分流 task, checks the Chinese form, claims it,
// fills it (申诉求决类, no statutory route, within jurisdiction, 住房和城乡建设) and completes it. With TITLE
// set (the petition's title, which holds markup), the form must show exactly that text and no dialog may open.
// With WARNINGS set (the case's caseWarnings, 预警), the form must show them read-only under 预警提示.
// Screenshots: triage-form.png, triage-done.png, or failure.png. Exit code 0 on success, 1 on any failure.
// Run by cn.xinfang.browser.TasklistTriageIT; needs `npm install` (playwright-core) and /usr/bin/chromium.

import {
  CASE_NUMBER, chooseSelectOption, claim, complete, emptyList, expectLabels, fillText, log, login, openOnlyTask,
  run, screenshot, searchGroupFilter, setCheckbox, step,
} from './tasklist.mjs';

const TASK_NAME = '信访事项分流';
const TITLE = process.env.TITLE || '';
const WARNINGS = process.env.WARNINGS || '';

await run({ name: 'tasklist-triage', failureScreenshot: 'failure.png' }, async (page) => {
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await login('clerk1');
  await searchGroupFilter(CASE_NUMBER);
  const form = await openOnlyTask(CASE_NUMBER, TASK_NAME);

  if (TITLE) {
    step('the title, markup included, is shown as text');
    const shown = await form.getByLabel('标题', { exact: true }).inputValue();
    if (shown !== TITLE) {
      throw new Error(`标题 shows ${JSON.stringify(shown)}, expected ${JSON.stringify(TITLE)}`);
    }
    const injected = await form.locator('img[src="x"], script:not([src])').count();
    if (injected) {
      throw new Error(`${injected} element(s) made from the title inside the form`);
    }
    log('the title is shown literally');
  }

  if (WARNINGS) {
    step('the warnings raised at registration are shown, read-only');
    const field = form.getByLabel('预警提示', { exact: true });
    const shown = await field.inputValue();
    if (shown !== WARNINGS) {
      throw new Error(`预警提示 shows ${JSON.stringify(shown)}, expected ${JSON.stringify(WARNINGS)}`);
    }
    if (!(await field.isDisabled())) {
      throw new Error('预警提示 can be edited');
    }
    log(`预警提示: ${shown}`);
  }

  step('check the Chinese form labels');
  await expectLabels(form, ['事项性质', '法定途径', '事项类别', '属于本级本系统职权范围']);
  await form.getByText('申诉求决类', { exact: true }).waitFor({ state: 'visible', timeout: 5_000 });
  log('Chinese labels 事项性质, 法定途径, 事项类别, 属于本级本系统职权范围 are visible');
  // the form as the clerk first sees it, before claiming
  await screenshot('triage-form.png');

  await claim(form, CASE_NUMBER);

  step('fill the form');
  await form.getByLabel('申诉求决类', { exact: true }).check();
  await chooseSelectOption(form, '法定途径', '无（不属于法定途径）');
  await chooseSelectOption(form, '事项类别', '住房和城乡建设');
  await setCheckbox(form, '涉法涉诉事项已依法终结', false);
  await setCheckbox(form, '同一事实和理由已经复核终结', false);
  await setCheckbox(form, '被检举控告人为党员或公职人员', false);
  await setCheckbox(form, '属于本级本系统职权范围', true);
  await fillText(form, '分流说明（内部）', '属住房和城乡建设部门职责，转送市住房和建设局办理。');
  if (!(await form.getByLabel('申诉求决类', { exact: true }).isChecked())) {
    throw new Error('申诉求决类 is not selected after filling the form');
  }

  await complete(TASK_NAME);
  // the next task (承办单位受理) belongs to the housing bureau, not to the clerk's groups
  await emptyList(CASE_NUMBER);
  log('task completed; it is gone from the list and the task pane');
  await screenshot('triage-done.png');
  if (dialogs.length) {
    throw new Error(`a dialog opened: ${dialogs.join(' | ')}`);
  }
});
