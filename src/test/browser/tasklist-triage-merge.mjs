// Browser test: 并单 from the triage form in Camunda Tasklist (headless Debian Chromium).
//
//   BASE_URL=http://localhost:8080 CASE_NUMBER=XF2026-00000004 TARGET=XF2026-00000001 \
//     SCREENSHOT_DIR=target/screenshots node src/test/browser/tasklist-triage-merge.mjs
//
// The case waits at 信访事项分流; TARGET is an open case on the same matter in the same district. clerk1
// claims the task and types TARGET into the form's 并入在办信访事项: the routing fields (分流意见) disappear,
// and 完成 submits the merge alone. Screenshot triage-merge-form.png, or triage-merge-failure.png. Run by
// cn.xinfang.browser.TasklistMergeIT.

import {
  CASE_NUMBER, claimOnlyTask, complete, expectLabels, expectNoLabels, fillText, log, login, run, screenshot,
  searchGroupFilter,
} from './tasklist.mjs';

const TRIAGE = '信访事项分流';
const TARGET = process.env.TARGET || '';
const MERGE_FIELD = '并入在办信访事项（案件编号）';
const ROUTING = ['事项性质', '法定途径（诉访分离）', '事项类别'];

await run({ name: 'tasklist-triage-merge', failureScreenshot: 'triage-merge-failure.png' }, async () => {
  if (!TARGET) throw new Error('TARGET is required');
  await login('clerk1');
  await searchGroupFilter(CASE_NUMBER);
  const form = await claimOnlyTask(CASE_NUMBER, TRIAGE);
  await expectLabels(form, [MERGE_FIELD, ...ROUTING]);
  await fillText(form, MERGE_FIELD, TARGET);
  await expectNoLabels(form, ROUTING);
  await form.locator('label.fjs-form-field-label', { hasText: MERGE_FIELD }).scrollIntoViewIfNeeded();
  await screenshot('triage-merge-form.png');
  log(`${MERGE_FIELD}: ${TARGET}; the routing fields are hidden`);
  await complete(TRIAGE);
  return { merged: TARGET };
});
