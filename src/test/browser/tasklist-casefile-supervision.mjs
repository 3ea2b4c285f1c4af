// Browser test: the 督办 form of the 案卷 tab in Camunda Tasklist (headless Debian Chromium).
//
//   BASE_URL=http://localhost:8080 CASE_NUMBER=XF2026-00000001 SCREENSHOT_DIR=target/screenshots \
//     node src/test/browser/tasklist-casefile-supervision.mjs
//
// The case waits at 信访事项分流 for the bureau and has no supervision yet. clerk1 (the bureau) opens the
// task's 案卷 and finds 督办记录 empty and the 督办 form. 催办 without a comment is refused in the tab
// (请填写督办意见), nothing is sent; 领导包案 naming clerk1 is refused by the server, whose Chinese message the
// tab shows; nothing is recorded for either. A valid 催办 is recorded: the tab reloads and 督办记录 lists it.
// Screenshots casefile-supervision-*.png, or casefile-supervision-failure.png. Run by
// cn.xinfang.browser.TasklistSupervisionIT.

import { CASE_NUMBER, log, login, openOnlyTask, run, screenshot, searchGroupFilter, step, until } from './tasklist.mjs';
import { page } from './browser.mjs';

const TRIAGE = '信访事项分流';
// the script owns its text (ASCII-only environment, see tasklist-handling.mjs)
const COMMENT = `${CASE_NUMBER} 请于今日内完成分流。`;

const casefile = () => page.locator('.xf-casefile');
const form = () => casefile().locator('form.xf-supervise');
const message = () => form().locator('.xf-supervise-message');
const records = () => casefile().locator('h3:has-text("督办记录") + table tbody tr');
const posts = [];

async function recordsSection() {
  return (await casefile().locator('h3:has-text("督办记录") + *').innerText()).replace(/\s+/g, ' ');
}

async function submit() {
  await form().locator('button[type=submit]', { hasText: '提交督办' }).click();
}

async function refusal(expected) {
  await until(`the refusal "${expected}"`, async () => (await message().getAttribute('class')).includes('xf-error')
    && (await message().innerText()).includes(expected));
  return (await message().innerText()).trim();
}

await run({ name: 'tasklist-casefile-supervision', failureScreenshot: 'casefile-supervision-failure.png' },
  async () => {
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/supervision')) posts.push(r.postDataJSON());
    });
    await login('clerk1');
    await searchGroupFilter(CASE_NUMBER);
    await openOnlyTask(CASE_NUMBER, TRIAGE);

    step('open the tab 案卷');
    await page.locator('.task-details .nav-tabs a', { hasText: '案卷' }).click();
    await casefile().locator('h3', { hasText: '督办记录' }).waitFor({ state: 'visible' });
    await form().waitFor({ state: 'visible' });
    const before = await recordsSection();
    if (!before.includes('暂无督办记录')) throw new Error(`督办记录 reads: ${before}`);
    for (const label of ['催办', '发督办函', '领导包案', '提出三项建议']) {
      await form().getByLabel(label, { exact: true }).waitFor({ state: 'visible' });
    }

    step('催办 without a comment');
    await form().getByLabel('催办', { exact: true }).check();
    await submit();
    const empty = await refusal('请填写督办意见');
    if (posts.length) throw new Error(`the empty comment was sent: ${JSON.stringify(posts)}`);
    await form().scrollIntoViewIfNeeded();
    await screenshot('casefile-supervision-1-refused.png');
    log(`refused in the tab: ${empty}`);

    step('领导包案 naming someone who is no leader');
    await form().getByLabel('领导包案', { exact: true }).check();
    await form().getByLabel('包案领导', { exact: true }).fill('clerk1');
    await form().getByLabel('督办意见', { exact: true }).fill(COMMENT);
    await submit();
    const server = await refusal('分管领导');
    if (posts.length !== 1) throw new Error(`expected one request, saw ${JSON.stringify(posts)}`);
    log(`refused by the server: ${server}`);
    const afterRefusals = await recordsSection();
    if (!afterRefusals.includes('暂无督办记录')) throw new Error(`督办记录 reads: ${afterRefusals}`);

    step('催办 with a comment');
    await form().getByLabel('催办', { exact: true }).check();
    const daysHidden = await form().getByLabel('答复期限（工作日）', { exact: true }).isHidden();
    await submit();
    await casefile().locator('.xf-ok', { hasText: '已催办' }).waitFor({ state: 'visible' });
    const done = (await casefile().locator('.xf-ok').innerText()).trim();
    await until('督办记录 to list the reminder', async () => (await records().count()) === 1);
    const record = (await records().first().innerText()).replace(/\s+/g, ' ');
    if (!record.includes('人工督办') || !record.includes('催办') || !record.includes(COMMENT)) {
      throw new Error(`督办记录 reads: ${record}`);
    }
    await casefile().locator('h3', { hasText: '督办记录' }).scrollIntoViewIfNeeded();
    await screenshot('casefile-supervision-2-recorded.png');
    log(`${done}; 督办记录: ${record}`);

    return { empty, server, done, record, comment: COMMENT, posts, daysHidden };
  });
