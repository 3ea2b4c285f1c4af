// Browser test: the housing bureau handles an accepted petition in Camunda Tasklist and the reply is
// approved at both levels of the chain (headless Debian Chromium).
//
//   BASE_URL=http://localhost:8080 CASE_NUMBER=XF2026-00000001 SCREENSHOT_DIR=target/screenshots \
//     node src/test/browser/tasklist-handling.mjs
//
// housing1 finds the case in 本组待办, claims 办理信访事项, checks the Chinese labels and the fields that
// 申请延期 shows and hides, concludes with 支持 and the opinion text; the first 审批答复意见 goes to the unit's
// head group, never to the drafter's own: housinghead1 returns the first draft (退回修改 with its required
// 退回修改意见), housing1 reads why in 审批退回意见 and redrafts, housinghead1 approves the second round with
// the explicit choice 同意签发 (no default), reading its own return in 此前各级审批意见, and leader1 approves
// the second level (分管领导), reading the head's decisions. Screenshots handling-*.png,
// or handling-failure.png. RESULT carries the opinion text typed and what the approval forms showed of it.
// Run by cn.xinfang.browser.TasklistHandlingIT; shares tasklist.mjs with the other Tasklist scripts.

import {
  CASE_NUMBER, claimOnlyTask, complete, emptyList, expectLabels, expectNoLabels, fillText, log, login, logout,
  run, screenshot, searchGroupFilter, step, textInput, until,
} from './tasklist.mjs';

const HANDLE = '办理信访事项';
const APPROVE = '审批答复意见';
// The script owns the text and reports it in RESULT rather than taking it from the environment: a JVM
// started under a non-UTF-8 locale would hand Chinese to node as question marks. The case number makes it
// this run's own, unlike any text the Java helpers write.
const DRAFT_TEXT = `经调查核实，编号 ${CASE_NUMBER} 所反映楼上住户管道老化渗漏属实。本局支持您的请求。`;
const OPINION_TEXT = `经调查核实，编号 ${CASE_NUMBER} 所反映楼上住户管道老化渗漏属实。本局支持您的请求，`
  + '已责成物业公司于 10 日内维修并赔偿损失。';
const RETURN_TEXT = '请写明维修期限和赔偿责任，再报审批。';
const RETURNED_LABEL = '审批退回意见';
const OPINION_LABEL = '处理意见及理由';
const CONCLUDE = '作出处理意见';
const EXTEND = '申请延期';
const SUPPORTED = '支持（建议类：采纳）';
const HISTORY_LABEL = '此前各级审批意见（含退回）';
const APPROVE_CHOICE = '同意签发';
const RETURN_CHOICE = '退回修改';
const RETURN_COMMENT = '退回修改意见';

/** Chooses a form-js radio option by its label and waits until form-js shows it chosen. */
async function chooseRadio(form, optionLabel) {
  const option = form.getByLabel(optionLabel, { exact: true });
  await option.check();
  await until(`${optionLabel} to be chosen`, () => option.isChecked());
}

async function handle(form) {
  step('check the Chinese labels of the handling form');
  await expectLabels(form, ['案件信息', '办理意见', '办理方式', '处理结果', OPINION_LABEL, '处理依据']);
  // a fresh round starts at the default action, so the unit sees the opinion fields first
  if (!(await form.getByLabel(CONCLUDE, { exact: true }).isChecked())) {
    throw new Error(`办理方式 does not start at ${CONCLUDE}`);
  }
  await screenshot('handling-1-form.png');
  log(`labels 办理方式, 处理结果, ${OPINION_LABEL} are visible; ${CONCLUDE} is chosen`);

  step(`choose ${EXTEND}`);
  await chooseRadio(form, EXTEND);
  await expectLabels(form, ['延长天数', '延期理由']);
  await expectNoLabels(form, ['处理结果', OPINION_LABEL, '处理依据']);
  await screenshot('handling-1-extension.png');
  log(`${EXTEND} shows 延长天数 and 延期理由 and hides ${OPINION_LABEL}`);

  step(`back to ${CONCLUDE}`);
  await chooseRadio(form, CONCLUDE);
  await expectLabels(form, ['处理结果', OPINION_LABEL]);
  await expectNoLabels(form, ['延长天数', '延期理由']);

  step('fill the opinion');
  await chooseRadio(form, SUPPORTED);
  const opinion = await fillText(form, OPINION_LABEL, DRAFT_TEXT);
  await until('the opinion to keep its text', async () => (await opinion.inputValue()) === DRAFT_TEXT);
  await screenshot('handling-1-filled.png');
}

/** The head returns the first draft with a comment: 退回修改 needs its 退回修改意见. */
async function returnDraft() {
  const form = await claimOnlyTask(CASE_NUMBER, APPROVE);
  step('return the draft');
  await chooseRadio(form, RETURN_CHOICE);
  await expectLabels(form, [RETURN_COMMENT]);
  await fillText(form, RETURN_COMMENT, RETURN_TEXT);
  await screenshot('handling-2-return.png');
  await complete(APPROVE);
  await emptyList(CASE_NUMBER);
}

/** The unit reads why its draft came back, and redrafts. */
async function redraft(form) {
  step('read the return and redraft');
  await expectLabels(form, [RETURNED_LABEL, OPINION_LABEL]);
  const returned = await textInput(form, RETURNED_LABEL).inputValue();
  if (!returned.includes(RETURN_TEXT)) {
    throw new Error(`${RETURNED_LABEL} shows "${returned}", expected "${RETURN_TEXT}"`);
  }
  await chooseRadio(form, CONCLUDE);
  await chooseRadio(form, SUPPORTED);
  const opinion = await fillText(form, OPINION_LABEL, OPINION_TEXT);
  await until('the opinion to keep its text', async () => (await opinion.inputValue()) === OPINION_TEXT);
  await screenshot('handling-2-redraft.png');
}

/**
 * Claims and approves this user's 审批答复意见 after checking it shows the unit's opinion, then checks that
 * no further level is left to this user. Returns the opinion text the form showed.
 */
async function approveLevel(approvingScreenshot, doneScreenshot, historyShows) {
  const form = await claimOnlyTask(CASE_NUMBER, APPROVE);
  step('check the approval form');
  await expectLabels(form, ['处理结果', OPINION_LABEL, HISTORY_LABEL, '审批决定', APPROVE_CHOICE, RETURN_CHOICE]);
  const history = await textInput(form, HISTORY_LABEL).inputValue();
  if (!history.includes(historyShows)) {
    throw new Error(`此前各级审批意见 shows "${history}", expected it to include "${historyShows}"`);
  }
  for (const choice of [APPROVE_CHOICE, RETURN_CHOICE]) {
    if (await form.getByLabel(choice, { exact: true }).isChecked()) {
      throw new Error(`${choice} is chosen before the approver chose`);
    }
  }
  await expectNoLabels(form, [RETURN_COMMENT]);
  await chooseRadio(form, RETURN_CHOICE);
  await expectLabels(form, [RETURN_COMMENT]);
  const shown = await textInput(form, OPINION_LABEL).inputValue();
  if (shown !== OPINION_TEXT) {
    throw new Error(`the approval form shows the opinion "${shown}", expected "${OPINION_TEXT}"`);
  }
  if (!(await form.getByLabel(SUPPORTED, { exact: true }).isChecked())) {
    throw new Error(`the approval form does not show 处理结果 ${SUPPORTED}`);
  }
  await chooseRadio(form, APPROVE_CHOICE);
  await expectNoLabels(form, [RETURN_COMMENT]);
  await screenshot(approvingScreenshot);
  await complete(APPROVE);
  // each level has its own group, so the next one never reaches this user's 本组待办
  await emptyList(CASE_NUMBER);
  await screenshot(doneScreenshot);
  return shown;
}

await run({ name: 'tasklist-handling', failureScreenshot: 'handling-failure.png' }, async () => {
  await login('housing1');
  await searchGroupFilter(CASE_NUMBER);
  await handle(await claimOnlyTask(CASE_NUMBER, HANDLE));
  await complete(HANDLE);
  // the first level of the chain is the unit's head group: the drafter's 本组待办 has nothing of it
  await emptyList(CASE_NUMBER);

  await logout();
  await login('housinghead1');
  await searchGroupFilter(CASE_NUMBER);
  await returnDraft();

  await logout();
  await login('housing1');
  await searchGroupFilter(CASE_NUMBER);
  await redraft(await claimOnlyTask(CASE_NUMBER, HANDLE));
  await complete(HANDLE);

  await logout();
  await login('housinghead1');
  await searchGroupFilter(CASE_NUMBER);
  // the head's second round shows the first: its own return and why
  const unitSaw = await approveLevel('handling-2-approve-unit.png', 'handling-2-done.png', RETURN_TEXT);

  await logout();
  await login('leader1');
  await searchGroupFilter(CASE_NUMBER);
  const leaderSaw = await approveLevel('handling-3-approve-leader.png', 'handling-3-done.png', '郑国华');
  log('handled by housing1, returned by housinghead1, redrafted, approved by housinghead1 and leader1');
  return { opinionText: OPINION_TEXT, opinionShownToApprovers: [unitSaw, leaderSaw] };
});
