// 态势分析 (/dashboard/) in headless Chromium, as a leader uses it (cn.xinfang.browser.DashboardIT):
//  1. leader1, without a session, opens /dashboard/, is sent to the Welcome login, logs in and is back on
//     the dashboard; its charts are drawn (SVG), the ranking tables have Chinese headers and sort;
//  2. the same page in print media: no navigation, charts within an A4 page's width;
//  3. Welcome links 态势分析 for leader1; leader1 still cannot log in to Cockpit; an administrator follows
//     Cockpit's navigation item 态势分析 to the dashboard;
//  4. clerk1 logs in the same way and gets 无权查看 (403).
// Environment: BASE_URL, SCREENSHOT_DIR.

import {
  BASE_URL, log, page, run, screenshot, step, until,
} from './browser.mjs';

const PASSWORD = 'demo';
const SIGNIN = 'form[name="signinForm"]';

async function signIn(user) {
  step(`log in as ${user} on the login form`);
  const form = page.locator(SIGNIN);
  await form.waitFor({ state: 'visible' });
  await form.locator('input[ng-model="username"]').fill(user);
  await form.locator('input[ng-model="password"]').fill(PASSWORD);
  await form.locator('button[type="submit"]').click();
}

async function freshSession() {
  await page.context().clearCookies();
}

async function dashboardThroughLogin(user) {
  step(`${user} opens /dashboard/ without a session`);
  await page.goto(`${BASE_URL}/dashboard/`);
  await until('the Welcome login', () => page.url().includes('/camunda/app/welcome/'));
  const loginUrl = page.url();
  await signIn(user);
  step(`${user} is sent back to /dashboard/`);
  await until('the dashboard address after the login', () => new URL(page.url()).pathname === '/dashboard/', 30_000);
  return loginUrl;
}

async function chartDrawn(id) {
  return page.locator(`#${id} svg, #${id} canvas`).count();
}

async function tableHeaders(id) {
  return page.locator(`#${id} table thead th`).allInnerTexts();
}

await run({ name: 'dashboard', failureScreenshot: 'dashboard-failure.png' }, async () => {
  // 1. the leader, through the login and back
  await freshSession();
  const loginUrl = await dashboardThroughLogin('leader1');
  step('the dashboard loads its figures');
  await until('the page to finish loading', () => page.locator('body[data-loaded="true"]').count());
  const title = await page.locator('h1').innerText();
  const charts = {
    trend: await chartDrawn('trend'),
    heatmap: await chartDrawn('heatmap'),
    overdue: await chartDrawn('overdue'),
  };
  const unitHeaders = await tableHeaders('units');
  const districtHeaders = await tableHeaders('districts');
  const warningHeaders = await tableHeaders('warnings');
  const errors = await page.locator('.xf-empty').allInnerTexts();

  step('sort the unit ranking by 按期办结率');
  await page.locator('#units th[data-column="onTimeCompletionRate"] button').click();
  const sortedBy = await page.locator('#units th[aria-sort="descending"]').getAttribute('data-column');
  await screenshot('dashboard-1-leader.png');

  // 2. print: no navigation, charts within A4's width (about 680 CSS px between the margins)
  step('print media');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const print = await page.evaluate(() => ({
    navigation: getComputedStyle(document.querySelector('.xf-nav')).display,
    range: getComputedStyle(document.querySelector('.xf-range')).display,
    widestChart: Math.max(...[...document.querySelectorAll('.xf-chart')].map((c) => c.getBoundingClientRect().width)),
    widestSvg: Math.max(0, ...[...document.querySelectorAll('.xf-chart svg')].map((c) => c.getBoundingClientRect().width)),
  }));
  await screenshot('dashboard-2-print.png');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });

  // 3. Welcome's link, and Cockpit still closed to the leader
  step('Welcome links the dashboard');
  await page.goto(`${BASE_URL}/camunda/app/welcome/default/#!/welcome`);
  const link = page.locator('a[href="/dashboard/"]', { hasText: '态势分析' });
  await link.first().waitFor({ state: 'visible' });
  const welcomeLink = await link.first().innerText();
  await screenshot('dashboard-3-welcome.png');

  step('leader1 logs in to Cockpit');
  await freshSession();
  await page.goto(`${BASE_URL}/camunda/app/cockpit/default/`);
  const cockpitLogin = page.waitForResponse((r) => r.url().includes('/login/cockpit'));
  await signIn('leader1');
  const cockpitStatus = (await cockpitLogin).status();
  await page.locator('.notifications .alert-danger, .notifications .alert-error').first().waitFor({ state: 'visible' });
  const stillLogin = await page.locator(SIGNIN).isVisible();
  await screenshot('dashboard-4-cockpit-refused.png');

  // an administrator goes from Cockpit's navigation bar to the dashboard
  step('demo logs in to Cockpit and follows 态势分析');
  await freshSession();
  await page.goto(`${BASE_URL}/camunda/app/cockpit/default/`);
  await signIn('demo');
  const cockpitLink = page.locator('a[href="/dashboard/"]', { hasText: '态势分析' }).first();
  await cockpitLink.waitFor({ state: 'visible' });
  await cockpitLink.click();
  await until('the dashboard from Cockpit', () => page.locator('body[data-loaded="true"]').count());
  const fromCockpit = new URL(page.url()).pathname;

  // 4. a clerk of the bureau
  await freshSession();
  await dashboardThroughLogin('clerk1');
  step('clerk1 reads 无权查看');
  await page.locator('h1', { hasText: '无权查看' }).waitFor();
  const refusal = await page.locator('body').innerText();
  const refusedStatus = (await page.request.get(`${BASE_URL}/dashboard/`, { maxRedirects: 0 })).status();
  await screenshot('dashboard-5-clerk-refused.png');

  log(`charts ${JSON.stringify(charts)}, units ${unitHeaders.join('|')}`);
  return {
    loginUrl, title, charts, unitHeaders, districtHeaders, warningHeaders, errors, sortedBy, print,
    welcomeLink, cockpitStatus, stillLogin, fromCockpit, refusal, refusedStatus,
  };
});
