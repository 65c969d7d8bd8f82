// Shared by the browser tests: headless Chromium, Tasklist login as a demo user, the engine's REST API, form-js inputs.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const base = process.env.QINGFENG_URL ?? 'http://localhost:8080';
export const shots = 'target/e2e';
const password = 'qingfeng';
mkdirSync(shots, { recursive: true });

export const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

export async function login(user) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${base}/camunda/app/tasklist/default/`);
  await page.fill('input[type=text]', user);
  await page.fill('input[type=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('text=本组待办');
  return page;
}

export async function engine(path) {
  const auth = Buffer.from(`admin:admin`).toString('base64');
  const response = await fetch(`${base}/engine-rest${path}`, { headers: { Authorization: `Basic ${auth}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

export async function selectOption(page, key, label) {
  await page.click(`[id$="Field_${key}-display"]`);
  await page.click(`.fjs-dropdownlist-item:text-is("${label}")`);
}

/** Opens a task in the user's Tasklist, claims it if needed and waits until its form can be filled. */
export async function openTask(page, task) {
  await page.click('text=本组待办');
  await page.click(`a[href*="task=${task.id}"]`);
  const claim = page.locator('text="Claim"');
  await page.waitForSelector('.fjs-form');
  if (await claim.count()) await claim.first().click();
  await page.waitForSelector('.disabled-form', { state: 'detached' });
}

/** Completes the open task's form and waits until Tasklist has taken it away. */
export async function completeTask(page, screenshot) {
  await page.screenshot({ path: `${shots}/${screenshot}.png`, fullPage: true });
  await page.click('button:has-text("Complete")');
  await page.waitForSelector('text=Select a task in the list.');
}
