// Browser test: the 案卷 tab of a unit's task in Camunda Tasklist (headless Debian Chromium).
//
//   BASE_URL=http://localhost:8080 CASE_NUMBER=XF2026-00000001 SCREENSHOT_DIR=target/screenshots \
//     node src/test/browser/tasklist-casefile.mjs
//
// The case came by letter and its handling opinion is issued: housing1 has 确认送达. housing1 opens the
// task, switches to the tab 案卷 and finds the case file there: the petitioner in full (the unit handles
// the case), the timeline, the opinion (issued, not yet delivered), the petitioner's attachment with a
// download link that answers with the file. housing1 uploads a PNG (the signed delivery receipt): it is
// listed. A web page named .pdf is refused with the server's Chinese message and nothing is listed for it.
// Screenshots casefile-*.png, or casefile-failure.png. Run by cn.xinfang.browser.CaseFileTabIT.

import { CASE_NUMBER, log, openOnlyTask, run, screenshot, searchGroupFilter, step, until, login } from './tasklist.mjs';
import { page } from './browser.mjs';

const CONFIRM = '确认送达';
// the script owns the names it uploads (ASCII-only environment, see tasklist-handling.mjs)
const RECEIPT_NAME = `送达回证-${CASE_NUMBER}.png`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const FAKE_NAME = '伪装成PDF的网页.pdf';
const FAKE = Buffer.from('<html><script>alert(1)</script></html>');

const tab = () => page.locator('.task-details .nav-tabs a', { hasText: '案卷' });
const casefile = () => page.locator('.xf-casefile');
const section = (title) => casefile().locator('h3', { hasText: title });
const attachmentNames = () => casefile().locator('h3:has-text("附件") + table tbody tr td:first-child')
  .allInnerTexts();

async function openCaseFile() {
  step('open the tab 案卷');
  await tab().click();
  await section('办理时间线').waitFor({ state: 'visible' });
  for (const title of ['案件概况', '信访人及联系方式', '预警', '办理时间线', '告知书', '处理意见', '附件']) {
    await section(title).waitFor({ state: 'visible' });
  }
  const text = await casefile().innerText();
  if (!text.includes(CASE_NUMBER)) throw new Error(`the case file does not show ${CASE_NUMBER}`);
  log('案卷 shows 案件概况, 信访人, 预警, 办理时间线, 告知书, 处理意见, 附件');
}

async function upload(name, mimeType, buffer) {
  const input = casefile().locator('.xf-upload input[type=file]');
  await input.setInputFiles({ name, mimeType, buffer });
  await casefile().locator('.xf-upload button', { hasText: '上传附件' }).click();
}

await run({ name: 'tasklist-casefile', failureScreenshot: 'casefile-failure.png' }, async () => {
  await login('housing1');
  await searchGroupFilter(CASE_NUMBER);
  await openOnlyTask(CASE_NUMBER, CONFIRM);
  await openCaseFile();

  step('check what the case file shows');
  const personalData = await casefile().locator('[data-personal-data]').getAttribute('data-personal-data');
  const timelineRows = await casefile().locator('h3:has-text("办理时间线") + table tbody tr').count();
  const opinionRows = await casefile().locator('h3:has-text("处理意见") + table tbody tr').allInnerTexts();
  if (timelineRows < 3) throw new Error(`the timeline shows ${timelineRows} entries`);
  if (opinionRows.length !== 1 || !opinionRows[0].includes('待送达')) {
    throw new Error(`the opinions read ${JSON.stringify(opinionRows)}`);
  }
  const before = await attachmentNames();
  await screenshot('casefile-1-tab.png');

  step('download the listed attachment with the session');
  const link = casefile().locator('a.xf-download').first();
  const href = await link.getAttribute('href');
  const downloaded = await page.evaluate(async (url) => {
    const r = await fetch(url, { credentials: 'same-origin' });
    return { status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'),
      head: Array.from(new Uint8Array(await r.arrayBuffer()).slice(0, 5)).map((b) => String.fromCharCode(b)).join('') };
  }, href);
  if (downloaded.status !== 200 || downloaded.head !== '%PDF-' || !downloaded.disposition.startsWith('attachment')) {
    throw new Error(`the download answered ${JSON.stringify(downloaded)}`);
  }
  log(`downloaded ${href}: ${downloaded.type}`);

  step('upload the signed delivery receipt');
  await upload(RECEIPT_NAME, 'image/png', PNG);
  await casefile().locator('.xf-ok', { hasText: '已上传' }).waitFor({ state: 'visible' });
  await until('the receipt to be listed', async () => (await attachmentNames()).includes(RECEIPT_NAME));
  await screenshot('casefile-2-uploaded.png');

  step('upload a web page named .pdf');
  await upload(FAKE_NAME, 'application/pdf', FAKE);
  const error = casefile().locator('.xf-upload-message.xf-error');
  await until('the refusal to be shown', async () => (await error.count()) === 1
    && (await error.innerText()).includes('只能上传'));
  const refusal = await error.innerText();
  await screenshot('casefile-3-refused.png');
  const after = await attachmentNames();
  if (after.includes(FAKE_NAME)) throw new Error('the web page was listed');
  log(`refused: ${refusal}`);

  return {
    personalData, timelineRows, opinions: opinionRows.length, attachmentsBefore: before, attachmentsAfter: after,
    uploaded: RECEIPT_NAME, refusal, download: downloaded,
  };
});
