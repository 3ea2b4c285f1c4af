// Browser test: a petitioner at the counter (headless Debian Chromium).
//
//   BASE_URL=http://localhost:8080 TITLE=... SCREENSHOT_DIR=target/screenshots node src/test/browser/counter-receipt.mjs
//
// clerk1 registers a visit (信访渠道 来访) with Tasklist's start form (发起流程 → 信访事项办理), reads the
// success message that points to 登记回执, opens 登记回执 in the header, finds the registration (by TITLE)
// with its case number, opens its printable receipt (a new tab, with the Tasklist login), reads case number
// and query code there, and opens the case in the citizen portal with that query code.
// First with a wrong ID number: the server's refusal must read as one Chinese sentence.
// Screenshots: receipt-0-refused.png, receipt-1-start-form.png, receipt-2-registered.png, receipt-3-list.png,
// receipt-4-receipt.png, receipt-5-portal.png, or receipt-failure.png.
// Run by cn.xinfang.browser.CounterReceiptIT; needs `npm install` (playwright-core) and /usr/bin/chromium.

import { BASE_URL, log, run, screenshot, step, until } from './browser.mjs';
import { chooseSelectOption, fillText, login } from './tasklist.mjs';
import { openStartForm, pickToday, startButton } from './start-form.mjs';

const TITLE = process.env.TITLE || '';

await run({ name: 'counter-receipt', failureScreenshot: 'receipt-failure.png', requires: ['TITLE'] }, async (page) => {
  await login('clerk1');
  const form = await openStartForm();

  step('fill the start form for a visit');
  await chooseSelectOption(form, '信访渠道', '来访');
  const receivedOn = await pickToday(form, '收到日期');
  await fillText(form, '信访人姓名', '赵大爷');
  await fillText(form, '联系电话', '13912345678');
  await fillText(form, '信访人数', '1');
  await fillText(form, '通讯地址', '深圳市福田区福华路 1 号');
  await chooseSelectOption(form, '事项发生地', '福田区');
  await chooseSelectOption(form, '事项类别', '住房和城乡建设');
  await fillText(form, '信访事项标题', TITLE);
  await fillText(form, '信访事项内容', '小区电梯停用三个月无人维修，老人上下楼困难。');
  log(`收到日期 ${receivedOn}`);
  await screenshot('receipt-1-start-form.png');

  step('a refusal of the server reads as one Chinese sentence');
  // the pattern of the form accepts it, the check digit is wrong: the server refuses the registration
  await fillText(form, '居民身份证号', '110105194912310021');
  const refusedAnswer = page.waitForResponse((r) => /\/submit-form$/.test(new URL(r.url()).pathname)
      && r.request().method() === 'POST');
  refusedAnswer.catch(() => {});
  await startButton().click();
  const refusedStatus = (await refusedAnswer).status();
  const refusal = page.locator('.notifications .alert', { hasText: '登记未能完成' }).first();
  await refusal.waitFor({ state: 'visible' });
  const refusalText = (await refusal.innerText()).replace(/[×\s]+/g, ' ').trim();
  if (refusedStatus !== 400 || !refusalText.includes('身份证号码无效')
      || /[{}":]|Cannot|Exception|[A-Za-z]{4,}/.test(refusalText)) {
    throw new Error(`the refusal (HTTP ${refusedStatus}) reads: ${refusalText}`);
  }
  await screenshot('receipt-0-refused.png');
  log(`refusal: ${refusalText}`);
  await refusal.locator('button.close:visible').click();
  await fillText(form, '居民身份证号', '');

  step('register: the success message points to 登记回执');
  const started = page.waitForResponse((r) => /\/process-definition\/[^/]+\/submit-form$/.test(new URL(r.url()).pathname)
      && r.request().method() === 'POST');
  started.catch(() => {});
  await startButton().click();
  const response = await started;
  if (!response.ok()) {
    throw new Error(`the start form answered HTTP ${response.status()}: ${(await response.text()).slice(0, 300)}`);
  }
  const success = page.locator('.notifications .alert', { hasText: '信访事项已登记' });
  await success.waitFor({ state: 'visible', timeout: 5_000 });
  const successText = (await success.innerText()).replace(/\s+/g, ' ').trim();
  if (!successText.includes('“登记回执”') || !successText.includes('查询码') || successText.includes('<')) {
    throw new Error(`the success message does not point to the receipt: ${successText}`);
  }
  await page.locator('.modal-content').waitFor({ state: 'detached' });
  await screenshot('receipt-2-registered.png');
  log(`success message: ${successText}`);

  step('open 登记回执: the registration is listed with its case number');
  await page.locator('[cam-widget-header] li.xf-registration-receipts a').click();
  const panel = page.locator('#xf-receipts');
  const row = panel.locator('tr', { hasText: TITLE });
  await row.waitFor({ state: 'visible' }).catch(async () => {
    throw new Error(`登记回执 does not list "${TITLE}"; it reads: ${(await panel.innerText()).replace(/\s+/g, ' ')}`);
  });
  const caseNumber = (await row.locator('.xf-case-number').innerText()).trim();
  const rowText = await row.innerText();
  if (!/^XF\d{4}-\d{8}$/.test(caseNumber) || !rowText.includes('来访') || !rowText.includes('赵大爷')) {
    throw new Error(`the registration reads: ${rowText.replace(/\s+/g, ' ')}`);
  }
  await screenshot('receipt-3-list.png');

  step('open the receipt');
  const opened = page.context().waitForEvent('page');
  await row.locator('a.xf-receipt-link').click();
  const receipt = await opened;
  await receipt.waitForLoadState('domcontentloaded');
  const receiptText = await receipt.locator('body').innerText();
  // printed in groups of four for reading it out (R5GT 994V BXUQ)
  const codeMatch = receiptText.match(/查询码\s*([A-Z0-9]{4}(?: ?[A-Z0-9]{4}){2})/);
  if (!receiptText.includes(caseNumber) || !codeMatch) {
    throw new Error(`the receipt (${receipt.url()}) does not show case number and query code: ${receiptText.slice(0, 400)}`);
  }
  const queryCode = codeMatch[1].replace(/ /g, '');
  await receipt.evaluate(() => document.fonts.ready);
  await receipt.screenshot({ path: `${process.env.SCREENSHOT_DIR || 'target/screenshots'}/receipt-4-receipt.png`, fullPage: true });
  log(`receipt of ${caseNumber} with query code ${queryCode}`);
  await receipt.close();

  step('the query code opens the case in the portal');
  await page.goto(`${BASE_URL}/portal/case.html#code=${queryCode}`);
  const view = page.locator('#case-view');
  await until('the portal to show the case', async () => (await view.innerText()).includes(caseNumber))
    .catch(async (e) => { throw new Error(`${e.message}; the portal reads: ${(await page.locator('body').innerText()).slice(0, 300)}`); });
  if ((await page.locator('#case-title').textContent()).trim() !== TITLE) {
    throw new Error(`the portal shows the title ${await page.locator('#case-title').textContent()}`);
  }
  await screenshot('receipt-5-portal.png');
  return { caseNumber, queryCode };
});
