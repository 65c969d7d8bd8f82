// Shared by the browser tests: headless Chromium, Tasklist login as a demo user, the engine's REST API, form-js inputs.
// The browser asks for Simplified Chinese (QINGFENG_LOCALE, zh-CN by default), so Tasklist shows our zh.json; the
// button texts the tests click are read from the locale file the server hands out, so they follow its translations.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const base = process.env.QINGFENG_URL ?? 'http://localhost:8080';
export const shots = 'target/e2e';
export const locale = process.env.QINGFENG_LOCALE ?? 'zh-CN';
const password = 'qingfeng';
mkdirSync(shots, { recursive: true });

/** The labels an app shows to a browser whose first language is `browserLocale` (Camunda keeps "zh" of "zh-CN"). */
export async function labels(app, browserLocale = locale) {
  const language = browserLocale.split('-')[0].toLowerCase();
  const available = language === 'zh' ? 'zh' : 'en';
  const response = await fetch(`${base}/camunda/app/${app}/locales/${available}.json`);
  if (!response.ok) throw new Error(`${app} ${available}.json: ${response.status}`);
  return (await response.json()).labels;
}

const tasklist = await labels('tasklist');
/** Texts of the Tasklist controls the tests use, in the browser's language. */
export const ui = {
  startProcess: tasklist.START_PROCESS,
  start: tasklist.START,
  claim: tasklist.CLAIM_TASK,
  complete: tasklist.COMPLETE,
  selectTask: tasklist.SELECT_TASK_IN_LIST,
};
/** The filter listing the tasks of the user's department (see identity/TasklistFilters). */
export const departmentFilter = '本科室待办';

export const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

export async function login(user) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, locale });
  const page = await context.newPage();
  // a login form filled while the page is still booting can be lost; the second attempt starts from a fresh load
  for (let attempt = 1; ; attempt++) {
    try {
      await context.clearCookies();
      await page.goto(`${base}/camunda/app/tasklist/default/`);
      await page.fill('input[type=text]', user);
      await page.fill('input[type=password]', password);
      await page.click('button[type=submit]');
      // generous: on a busy machine the first Tasklist page of a fresh server can take a while
      await page.waitForSelector(`text=${departmentFilter}`, { timeout: 60000 });
      return page;
    } catch (e) {
      if (attempt === 2) throw e;
      console.log(`retrying the Tasklist login of ${user}`);
    }
  }
}

export async function engine(path) {
  const auth = Buffer.from(`admin:admin`).toString('base64');
  // the engine refuses unbounded REST queries (queryMaxResultsLimit); endpoints without paging ignore the parameter
  const paged = /[?&]maxResults=/.test(path) ? path : `${path}${path.includes('?') ? '&' : '?'}maxResults=2000`;
  const response = await fetch(`${base}/engine-rest${paged}`, { headers: { Authorization: `Basic ${auth}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

export async function selectOption(page, key, label) {
  await page.click(`[id$="Field_${key}-display"]`);
  await page.click(`.fjs-dropdownlist-item:text-is("${label}")`);
}

/** Opens a task in the user's Tasklist, claims it if needed and waits until its form can be filled. */
export async function openTask(page, task) {
  await page.click(`text=${departmentFilter}`);
  await page.click(`a[href*="task=${task.id}"]`);
  const claim = page.locator(`text="${ui.claim}"`);
  await page.waitForSelector('.fjs-form');
  if (await claim.count()) await claim.first().click();
  await page.waitForSelector('.disabled-form', { state: 'detached' });
}

/** Completes the open task's form and waits until Tasklist has taken it away. */
export async function completeTask(page, screenshot) {
  await page.screenshot({ path: `${shots}/${screenshot}.png`, fullPage: true });
  for (let attempt = 1; ; attempt++) {
    await page.click(`button:has-text("${ui.complete}")`);
    try {
      await page.waitForSelector(`text=${ui.selectTask}`, { timeout: attempt < 3 ? 15000 : 30000 });
      return;
    } catch (error) {
      // a click that lands while the form re-renders after a change sends nothing; a real refusal fails every time
      if (attempt >= 3) throw error;
    }
  }
}
