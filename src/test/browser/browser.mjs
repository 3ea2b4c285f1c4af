// What every browser test needs: one headless Debian Chromium with one page, a way to name steps, take
// screenshots and poll, and one way to end: exit code 0 and a last line "[<script>] RESULT {json}" that the
// Java side (cn.xinfang.browser.BrowserScript) parses, or exit code 1 with failure screenshot and diagnostics.
// tasklist.mjs adds the Tasklist gestures on top; the portal script uses this module directly.
//
// A script calls run() once, with its name and a main function that gets the page:
//
//   import { run } from './browser.mjs';
//   await run({ name: 'x', failureScreenshot: 'x-failure.png' }, async (page) => { ...; return {}; });
//
// Environment: BASE_URL, SCREENSHOT_DIR, optional CHROMIUM_PATH and OVERALL_TIMEOUT_MS.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR || 'target/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Whole run; the Java test waits a little longer than this. */
const OVERALL_TIMEOUT_MS = Number(process.env.OVERALL_TIMEOUT_MS || 150_000);
/** Any single wait for the page. */
export const STEP_TIMEOUT_MS = 20_000;

let scriptName = 'browser';
let failureScreenshot = 'failure.png';
let diagnose = async () => [];
let browser;
/** The one page of the run (a live binding: set once Chromium is up). */
export let page;
let currentStep = 'start';
const pageErrors = [];
const screenshots = [];

export function log(message) {
  console.log(`[${scriptName}] ${message}`);
}

/** Names what the script does now, so that a failure says where it happened. */
export function step(name) {
  currentStep = name;
}

/** Uncaught page errors, console errors and 5xx answers seen so far. */
export function browserErrors() {
  return [...pageErrors];
}

export async function screenshot(name) {
  const file = path.join(SCREENSHOT_DIR, name);
  // web fonts (the CJK glyphs) load late; a screenshot before they are ready shows empty boxes
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
  screenshots.push(name);
  log(`screenshot ${file}`);
}

/** Polls fn until it returns a truthy value; throws with description after timeoutMs. */
export async function until(description, fn, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) {
        return value;
      }
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${last ? ` (${last.message})` : ''}`);
}

async function launch(contextOptions) {
  step('launch Chromium');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // tall enough for the longest Tasklist form in one screenshot (the task pane scrolls on its own)
    viewport: { width: 1400, height: 1800 },
    ...contextOptions,
  });
  page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(30_000);
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') {
      pageErrors.push(`console: ${m.text()} ${m.location().url || ''}`.trim());
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 500) {
      pageErrors.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
    }
  });
}

async function closeBrowser() {
  if (browser) {
    const b = browser;
    browser = undefined;
    await Promise.race([b.close().catch(() => {}), new Promise((r) => setTimeout(r, 5_000))]);
  }
}

async function fail(error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[${scriptName}] FAILED at step "${currentStep}": ${message}`);
  if (page) {
    try {
      for (const line of await diagnose(page)) {
        console.error(`[${scriptName}] ${line}`);
      }
      console.error(`[${scriptName}] page URL: ${page.url()}`);
    } catch {
      // the page may be gone
    }
    try {
      await screenshot(failureScreenshot);
    } catch (e) {
      console.error(`[${scriptName}] could not take ${failureScreenshot}: ${e.message}`);
    }
  }
  if (pageErrors.length) {
    console.error(`[${scriptName}] browser errors:\n  ${pageErrors.slice(-10).join('\n  ')}`);
  }
  log(`RESULT ${JSON.stringify({ ok: false, step: currentStep, error: message, screenshots })}`);
  await closeBrowser();
  process.exit(1);
}

/**
 * Runs main(page) in a fresh browser under an overall watchdog and exits the process: 0 with main's
 * result (plus the screenshots taken) as the RESULT line, or 1 after fail().
 *
 * Options: name and failureScreenshot; requires, the environment variables besides BASE_URL the script
 * cannot do without; contextOptions for the browser context (viewport, timezoneId …); diagnose(page),
 * lines worth printing when the script fails.
 */
export async function run({ name, failureScreenshot: failureName, requires = [], contextOptions = {},
  diagnose: diagnoseFailure }, main) {
  scriptName = name;
  failureScreenshot = failureName;
  if (diagnoseFailure) {
    diagnose = diagnoseFailure;
  }
  const watchdog = setTimeout(() => {
    fail(new Error(`overall timeout of ${OVERALL_TIMEOUT_MS} ms exceeded`));
  }, OVERALL_TIMEOUT_MS);
  try {
    const missing = ['BASE_URL', ...requires].filter((v) => !process.env[v]);
    if (missing.length) {
      throw new Error(`${missing.join(' and ')} must be set`);
    }
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await launch(contextOptions);
    const result = (await main(page)) || {};
    await closeBrowser();
    clearTimeout(watchdog);
    log('OK');
    log(`RESULT ${JSON.stringify({ ...result, ok: true, screenshots })}`);
    process.exit(0);
  } catch (e) {
    clearTimeout(watchdog);
    await fail(e);
  }
}
