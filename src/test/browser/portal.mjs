// Browser test: a citizen uses the portal 网上信访 (/portal/) in headless Debian Chromium.
//
//   BASE_URL=http://localhost:8080 SCENARIO=submit SCREENSHOT_DIR=target/screenshots node src/test/browser/portal.mjs
//
// SCENARIO picks what the citizen does (cn.xinfang.browser.PortalIT runs each and checks the case store):
//   submit   fills 提交信访事项 with markup in the title and content, double-clicks 提交, reads the case number
//            and query code, follows the link to 查询办理进度 and reads the title there
//   invalid  types an ID number whose format is wrong (refused in the page), then one whose check digit is
//            wrong (refused by the server), and reads the server's message beside the field
//   appeal   (QUERY_CODE of a replied case) tries an unknown code and a rate-limited one, reads the case, its
//            notices and opinion, rates the opinion and asks for review
// Throughout, no dialog may open (the markup's alert() calls), no Content-Security-Policy violation and no
// script error may happen. The script owns the Chinese and hostile texts and reports them in RESULT: a JVM
// under a non-UTF-8 locale would hand them to node garbled through the environment.
// Screenshots portal-*.png, or portal-failure.png.

import {
  BASE_URL, browserErrors, log, run, screenshot, step, until,
} from './browser.mjs';

const SCENARIO = process.env.SCENARIO || '';
const QUERY_CODE = process.env.QUERY_CODE || '';

const TITLE = '<script>alert(1)</script>楼上漏水<img src=x onerror=alert(2)>"><svg onload=alert(3)>';
const CONTENT = '楼上住户管道渗漏三个月，多次协商未果。\n'
  + '<iframe src="javascript:alert(4)"></iframe></p><p onclick="alert(5)">点击</p>\n'
  + '&lt;b&gt;这不是粗体&lt;/b&gt; 请求有关部门协调处理。';
const COMMENT = '答复及时，但<b>赔偿</b>偏低';
const REASON = '赔偿数额过低，请求复查。<script>alert(6)</script>';
/** 110105194912310021 is well formed, but its check character is X */
const BAD_CHECK_DIGIT = '110105194912310021';
/** The elements that would mean a value had become markup. */
const MARKUP = 'script, img, svg, iframe, [onerror], [onload], [onclick]';

const dialogs = [];
const cspViolations = [];

function watch(page) {
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) {
      cspViolations.push(m.text());
    }
  });
}

/** Fails on anything the page should never do; called at the end of every scenario. */
function expectNothingRan() {
  if (dialogs.length) {
    throw new Error(`a dialog opened: ${dialogs.join(' | ')}`);
  }
  if (cspViolations.length) {
    throw new Error(`Content-Security-Policy violations: ${cspViolations.join(' | ')}`);
  }
  const scriptErrors = browserErrors().filter((e) => e.startsWith('pageerror:'));
  if (scriptErrors.length) {
    throw new Error(`script errors: ${scriptErrors.join(' | ')}`);
  }
}

async function expectText(locator, expected, description) {
  await until(`${description} to read "${expected}"`, async () => (await locator.textContent()).includes(expected))
    .catch(async (e) => { throw new Error(`${e.message}; it reads "${await locator.textContent()}"`); });
}

async function markupIn(page, selector) {
  return page.locator(selector).evaluate((root, query) => root.querySelectorAll(query).length, MARKUP);
}

/** The POST bodies the page sent to /api/petitions. */
function registrations(page) {
  const bodies = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/petitions') {
      bodies.push(JSON.parse(r.postData() || '{}'));
    }
  });
  return bodies;
}

async function fillPetition(page, idNumber) {
  await page.getByLabel('姓名').fill('张三');
  await page.getByLabel('身份证号').fill(idNumber);
  await page.getByLabel('联系电话').fill('13800138000');
  await page.getByLabel('信访人数').fill('1');
  await page.getByLabel('通信地址').fill('深圳市福田区福华路 1 号');
  await page.getByLabel('问题发生地').selectOption({ label: '福田区' });
  await page.getByLabel('事项类别').selectOption({ label: '住房和城乡建设' });
  await page.getByLabel('标题').fill(TITLE);
  await page.getByLabel('具体内容').fill(CONTENT);
}

async function submit(page) {
  step('open the portal at /portal');
  await page.goto(`${BASE_URL}/portal`);
  if (new URL(page.url()).pathname !== '/portal/') {
    throw new Error(`/portal should lead to /portal/, the browser is at ${page.url()}`);
  }
  await page.getByRole('heading', { level: 1, name: '提交信访事项' }).waitFor();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  if (!csp.includes("script-src 'self'") || (await page.evaluate(() => document.documentElement.lang)) !== 'zh-CN') {
    throw new Error(`the page needs lang="zh-CN" and a CSP with script-src 'self'; CSP: ${csp}`);
  }
  const sent = registrations(page);

  step('submit the empty form: the page asks for the required fields');
  await page.getByRole('button', { name: '提交信访事项' }).click();
  await expectText(page.locator('#f-name-error'), '请填写姓名', 'the error beside 姓名');
  await expectText(page.locator('#f-district-error'), '请选择问题发生地', 'the error beside 问题发生地');
  if (sent.length) {
    throw new Error('an incomplete form reached the server');
  }

  step('fill the form with markup in title and content');
  await fillPetition(page, '11010519491231002X');
  await screenshot('portal-1-form.png');

  step('double-click 提交信访事项');
  await page.getByRole('button', { name: '提交信访事项' }).dblclick();
  const confirmation = page.locator('#confirmation');
  await confirmation.waitFor({ state: 'visible' });
  const caseNumber = (await page.locator('#confirmation-case-number').textContent()).trim();
  const queryCode = (await page.locator('#confirmation-query-code').textContent()).trim();
  if (!/^XF\d{4}-\d{8}$/.test(caseNumber) || !/^[A-Z0-9]{12}$/.test(queryCode)) {
    throw new Error(`the confirmation shows case number "${caseNumber}" and query code "${queryCode}"`);
  }
  await expectText(confirmation, '请立即抄写或截图保存查询码', 'the confirmation');
  const follow = page.getByRole('link', { name: '查看办理进度' });
  const href = await follow.getAttribute('href');
  if (href !== `case.html#code=${queryCode}`) {
    throw new Error(`查看办理进度 links to ${href}`);
  }
  const requestIds = [...new Set(sent.map((b) => b.requestId))];
  if (requestIds.length !== 1 || !/^[0-9a-f-]{36}$/.test(requestIds[0])) {
    throw new Error(`every registration of one form must carry its one requestId; sent ${JSON.stringify(requestIds)}`);
  }
  log(`registered ${caseNumber} in ${sent.length} request(s) with requestId ${requestIds[0]}`);
  await screenshot('portal-2-confirmation.png');

  step('follow the case');
  await follow.click();
  await page.locator('#case-view').waitFor({ state: 'visible' });
  if (page.url().includes('code=')) {
    throw new Error(`the query code stays in the address bar: ${page.url()}`);
  }
  const titleShown = await page.locator('#case-title').textContent();
  await expectText(page.locator('#case-summary'), '已登记，待分流', 'the status');
  const markup = await markupIn(page, '#case-view');
  if (titleShown !== TITLE || markup) {
    throw new Error(`the title reads "${titleShown}" and ${markup} element(s) came from the data`);
  }
  await screenshot('portal-3-registered.png');

  step('我提交的材料: a page that only calls itself a PDF is refused beside the field');
  const attachments = page.locator('#case-attachments');
  await expectText(attachments, '暂无', 'the empty list of materials');
  const file = page.locator('#f-attachment-file');
  const upload = page.locator('#attachment-form button[type=submit]');
  await file.setInputFiles({
    name: 'evidence.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(7)</script></html>'),
  });
  await upload.click();
  const fileError = page.locator('#f-attachment-file-error');
  await until('the refusal beside 选择文件', async () => (await fileError.textContent()).trim() !== '');
  const attachmentRefusal = (await fileError.textContent()).trim();
  await expectText(attachments, '暂无', 'the list, unchanged');

  step('a scan in PDF is added and listed');
  await file.setInputFiles({
    name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n'),
  });
  await upload.click();
  await expectText(attachments, 'scan.pdf', 'the list of materials');
  const attachmentShown = (await attachments.textContent()).trim();
  await screenshot('portal-3-attachment.png');
  expectNothingRan();
  return {
    caseNumber, queryCode, requestId: requestIds[0], registrations: sent.length, title: TITLE, content: CONTENT,
    titleShown, attachmentRefusal, attachmentShown,
  };
}

async function invalid(page) {
  step('open index.html');
  await page.goto(`${BASE_URL}/portal/index.html`);
  const sent = registrations(page);
  const idError = page.locator('#f-idNumber-error');

  step('an ID number of the wrong format is refused in the page');
  await fillPetition(page, '12345');
  await page.getByRole('button', { name: '提交信访事项' }).click();
  await expectText(idError, '身份证号应为 18 位', 'the error beside 身份证号');
  if (sent.length) {
    throw new Error('a malformed ID number reached the server');
  }

  step('an ID number with a wrong check digit is refused by the server');
  await page.getByLabel('身份证号').fill(BAD_CHECK_DIGIT);
  const answered = page.waitForResponse((r) => r.request().method() === 'POST'
    && new URL(r.url()).pathname === '/api/petitions');
  await page.getByRole('button', { name: '提交信访事项' }).click();
  const response = await answered;
  const refusal = await response.json();
  await expectText(idError, refusal.error, 'the error beside 身份证号');
  const placement = await page.getByLabel('身份证号').evaluate((input) => ({
    besideField: input.closest('.field').contains(document.getElementById('f-idNumber-error')),
    describedBy: input.getAttribute('aria-describedby').split(' ').includes('f-idNumber-error'),
    invalid: input.getAttribute('aria-invalid') === 'true',
    focused: document.activeElement === input,
  }));
  if (Object.values(placement).includes(false) || await page.locator('#confirmation').isVisible()) {
    throw new Error(`the refusal must sit beside the focused ID field, no confirmation: ${JSON.stringify(placement)}`);
  }
  await screenshot('portal-4-invalid-id.png');
  expectNothingRan();
  return {
    idNumber: BAD_CHECK_DIGIT, status: response.status(), field: refusal.field, shownError: await idError.textContent(),
    requestId: sent[0].requestId, registrations: sent.length,
  };
}

/** The text of the summary's entry with that term, e.g. 当前期限. */
async function summary(page, term) {
  return (await page.locator('#case-summary div', { has: page.locator('dt', { hasText: term }) })
    .locator('dd').textContent()).trim();
}

async function appeal(page) {
  const status = page.locator('#page-status');
  const lookup = async (code) => {
    await page.getByLabel('查询码').fill(code);
    await page.getByRole('button', { name: '查询', exact: true }).click();
  };

  step('an unknown query code');
  await page.goto(`${BASE_URL}/portal/case.html`);
  await lookup('ZZZZ ZZZZ ZZZZ');
  await expectText(status, '查询码不存在', 'the status line');

  step('a look-up refused for too many wrong codes');
  await page.route('**/api/petitions/WAITWAITWAIT', (route) => route.fulfill({
    status: 429, headers: { 'Retry-After': '42' }, contentType: 'application/json',
    body: JSON.stringify({ error: '查询码错误次数过多，请稍后再试（42 秒后）' }),
  }));
  await lookup('waitwaitwait');
  await expectText(status, '请在 42 秒后再试', 'the status line');

  step('open the case from its link');
  await page.goto(`${BASE_URL}/portal/case.html#code=${QUERY_CODE}`);
  await expectText(page.locator('#case-summary'), '已答复', 'the status');
  if (page.url().includes('code=')) {
    throw new Error(`the query code stays in the address bar: ${page.url()}`);
  }
  const titleShown = await page.locator('#case-title').textContent();
  const bodies = page.locator('#case-notices .notice-body');
  const noticesQuotingTitle = (await bodies.allTextContents()).filter((b) => b.includes(TITLE)).length;
  const opinionNotice = page.locator('#case-notices .notice', { hasText: '信访处理意见书' }).locator('.notice-body');
  const opinionLines = (await opinionNotice.innerText()).split('\n').filter((l) => l.trim()).length;
  const quotesContent = (await opinionNotice.textContent()).includes(CONTENT);
  const markup = await markupIn(page, '#case-view');
  if (titleShown !== TITLE || markup || !quotesContent) {
    throw new Error(`title "${titleShown}", ${markup} element(s) from the data, opinion quotes the content: ${quotesContent}`);
  }
  const evaluation = page.locator('#evaluation-form');
  const review = page.locator('#review-form');
  await evaluation.waitFor({ state: 'visible' });
  await review.waitFor({ state: 'visible' });
  if (await page.locator('#re-review-form').isVisible()) {
    throw new Error('re-review is offered before any review opinion');
  }
  const evaluationUntil = await evaluation.locator('[data-until]').textContent();
  const reviewUntil = await review.locator('[data-until]').textContent();
  const deadlineReplied = await summary(page, '当前期限');
  await screenshot('portal-5-replied.png');

  step('rate the opinion');
  await evaluation.getByRole('button', { name: '提交评价' }).click();
  await expectText(evaluation.locator('.error').first(), '请选择满意度', 'the error beside 满意度');
  await evaluation.getByLabel('基本满意').check();
  await evaluation.getByLabel('评价意见').fill(COMMENT);
  await evaluation.getByRole('button', { name: '提交评价' }).click();
  await expectText(status, '评价已提交', 'the status line');
  await evaluation.waitFor({ state: 'hidden' });
  await expectText(page.locator('#case-opinions'), '您的评价：基本满意', 'the opinion');

  step('ask for review');
  await review.getByLabel('复查理由').fill(REASON);
  await review.getByRole('button', { name: '提交复查请求' }).click();
  await expectText(status, '复查请求已提交', 'the status line');
  await expectText(page.locator('#case-summary'), '复查中', 'the status');
  await review.waitFor({ state: 'hidden' });
  const deadlineInReview = await summary(page, '当前期限');
  if (await markupIn(page, '#case-view')) {
    throw new Error('markup from the data appeared after the review request');
  }
  await screenshot('portal-6-in-review.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot('portal-7-phone.png');
  expectNothingRan();
  return {
    titleShown, noticesQuotingTitle, opinionLines, evaluationUntil, reviewUntil, deadlineReplied, deadlineInReview,
    comment: COMMENT, reason: REASON,
  };
}

const SCENARIOS = { submit, invalid, appeal };

await run({
  name: 'portal',
  failureScreenshot: 'portal-failure.png',
  requires: ['SCENARIO', ...(SCENARIO === 'appeal' ? ['QUERY_CODE'] : [])],
  // a citizen abroad: dates must still be Beijing's (a deadline ends 23:59:59 there, already tomorrow here)
  contextOptions: { viewport: { width: 1280, height: 900 }, timezoneId: 'Pacific/Auckland' },
}, async (page) => {
  const scenario = SCENARIOS[SCENARIO];
  if (!scenario) {
    throw new Error(`SCENARIO must be one of ${Object.keys(SCENARIOS).join(', ')}`);
  }
  watch(page);
  return scenario(page);
});
