// Browser test: 相似及重复信访 and 并单 in the 案卷 tab of Camunda Tasklist (headless Debian Chromium).
//
//   BASE_URL=http://localhost:8080 CASE_NUMBER=XF2026-00000002 TARGET=XF2026-00000001 \
//     HIDDEN=XF2026-00000003 SCREENSHOT_DIR=target/screenshots node src/test/browser/tasklist-casefile-merge.mjs
//
// The case waits at 信访事项分流 for the bureau; TARGET is an open case on the same matter in the same
// district, HIDDEN a confidential accusation (DISCIPLINE) with a similar title. clerk1 opens the task,
// finds the form's 并单 field, opens 案卷, finds 相似及重复信访 listing TARGET with why it matched and a
// button 并入此件, and not HIDDEN. The clerk merges: the tab asks to confirm, the clerk confirms, the tab reports
// the merge. Screenshots casefile-merge-1-panel.png, casefile-merge-2-merged.png, or
// casefile-merge-failure.png. Run by cn.xinfang.browser.TasklistMergeIT.

import { CASE_NUMBER, log, login, openOnlyTask, run, screenshot, searchGroupFilter, step, until } from './tasklist.mjs';
import { page } from './browser.mjs';

const TRIAGE = '信访事项分流';
const TARGET = process.env.TARGET || '';
const HIDDEN = process.env.HIDDEN || '';

const casefile = () => page.locator('.xf-casefile');
const panel = () => casefile().locator('h3:has-text("相似及重复信访") + p + table');
const message = () => casefile().locator('.xf-merge-message');

await run({ name: 'tasklist-casefile-merge', failureScreenshot: 'casefile-merge-failure.png' }, async () => {
  if (!TARGET || !HIDDEN) throw new Error('TARGET and HIDDEN are required');
  await login('clerk1');
  await searchGroupFilter(CASE_NUMBER);
  await openOnlyTask(CASE_NUMBER, TRIAGE);

  step('the form offers 并单');
  const field = page.locator('.fjs-form').getByLabel('并入在办信访事项（案件编号）');
  await field.waitFor({ state: 'visible' });

  step('open the tab 案卷');
  await page.locator('.task-details .nav-tabs a', { hasText: '案卷' }).click();
  await casefile().locator('h3', { hasText: '相似及重复信访' }).waitFor({ state: 'visible' });
  await panel().waitFor({ state: 'visible' });
  const heading = (await casefile().locator('h3', { hasText: '相似及重复信访' }).innerText()).trim();
  const rows = (await panel().locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
  const target = rows.find((r) => r.includes(TARGET));
  if (!target) throw new Error(`相似及重复信访 does not list ${TARGET}: ${JSON.stringify(rows)}`);
  if (rows.some((r) => r.includes(HIDDEN))) throw new Error(`the accusation ${HIDDEN} is listed: ${JSON.stringify(rows)}`);
  const button = panel().locator(`button.xf-merge[data-case-number="${TARGET}"]`);
  await button.waitFor({ state: 'visible' });
  await casefile().locator('h3', { hasText: '相似及重复信访' }).scrollIntoViewIfNeeded();
  await screenshot('casefile-merge-1-panel.png');
  log(`${heading}: ${JSON.stringify(rows)}`);

  step(`merge into ${TARGET}`);
  await button.click();
  const confirmation = casefile().locator('.xf-merge-confirm');
  await confirmation.waitFor({ state: 'visible' });
  const asked = (await confirmation.locator('div').first().innerText()).trim();
  const posted = page.waitForResponse((r) => r.url().includes('/submit-form'), { timeout: 20_000 });
  posted.catch(() => {});
  await confirmation.locator('button', { hasText: '确认并单' }).click();
  const response = await posted;
  log(`submit-form answered HTTP ${response.status()}`);
  await until('the merge to be reported', async () => {
    const state = await message().getAttribute('class') || '';
    if (state.includes('xf-error')) throw new Error(`the tab reports: ${await message().innerText()}`);
    return state.includes('xf-ok');
  });
  const done = (await message().innerText()).trim();
  if (!done.includes(`已并入 ${TARGET}`)) throw new Error(`the tab reports: ${done}`);
  await message().scrollIntoViewIfNeeded();
  await screenshot('casefile-merge-2-merged.png');
  log(done);

  return { heading, rows, target, asked, done };
});
