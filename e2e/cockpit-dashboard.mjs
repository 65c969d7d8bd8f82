// The ledger dashboard in Camunda Cockpit, in headless Chromium: the party secretary logs in to Cockpit, the
// dashboard's figures for the seeded demo data equal the ledger API's, a figure opens the list behind it, a problem
// opens its process instance, and the instance's 问题台账 tab shows its ledger record and timeline; a process that is
// not a problem's gets a short note instead. Screenshots go to target/e2e/.
// Usage: QINGFENG_URL=http://localhost:8080 node e2e/cockpit-dashboard.mjs
import { base, browser, engine, shots } from './tasklist.mjs';

const user = 'zhangwei';

async function api(path) {
  const auth = Buffer.from(`${user}:qingfeng`).toString('base64');
  const response = await fetch(`${base}${path}`, { headers: { Authorization: `Basic ${auth}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const percent = rate => (rate == null ? '—' : `${(rate * 100).toFixed(1)}%`);

async function loginToCockpit() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', error => console.error(`page error: ${error.message}`));
  await page.goto(`${base}/camunda/app/cockpit/default/`);
  await page.fill('input[type=text]', user);
  await page.fill('input[type=password]', 'qingfeng');
  await page.click('button[type=submit]');
  return page;
}

async function text(page, selector) {
  return (await page.locator(selector).first().textContent()).trim();
}

/** Opens the list behind a figure and checks it holds as many problems as the figure says. */
async function listBehind(page, selector) {
  const figure = await text(page, selector);
  await page.click(selector);
  await page.waitForSelector('#qf-list [data-list-total]');
  const total = await text(page, '#qf-list [data-list-total]');
  expect(total === figure, `the list behind ${selector} should hold ${figure} problems, it holds ${total}`);
  return Number(total);
}

/** Each department's figures on the dashboard as /api/ledger/rates gives them for the month. */
async function sameRates(page, month) {
  const rates = await api(`/api/ledger/rates?month=${month}`);
  for (const rate of rates) {
    for (const [field, shown] of [['due', rate.due], ['closed', rate.closed], ['closedOnTime', rate.closedOnTime],
      ['rectificationRate', percent(rate.rectificationRate)], ['onTimeRate', percent(rate.onTimeRate)],
      ['open', rate.open], ['overdue', rate.overdue]]) {
      const cell = await text(page, `[data-dept="${rate.departmentId}"][data-field="${field}"]`);
      expect(cell === String(shown), `${rate.departmentName} ${month} ${field}: dashboard ${cell}, ledger API ${shown}`);
    }
  }
  return rates;
}

function previous(month) {
  const [year, m] = month.split('-').map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

let page;
try {
  page = await loginToCockpit();
  await page.waitForSelector('#qf-dashboard [data-chart="rates"] canvas', { timeout: 30000 });
  for (const chart of ['rates', 'work', 'trend', 'categories', 'channels']) {
    expect(await page.locator(`[data-chart="${chart}"] canvas`).count() === 1, `the ${chart} chart should be drawn`);
  }
  const month = await page.inputValue('#qf-month');

  const rates = await sameRates(page, month);
  expect(rates.some(r => r.due > 0), `the demo data should have problems due in ${month}`);
  const sum = field => rates.reduce((total, r) => total + r[field], 0);
  expect(await text(page, '[data-total="due"]') === String(sum('due')), 'total due should be the departments\' sum');

  // overdue and open work: the ledger list's totals
  const overdue = (await api('/api/ledger/problems?overdue=true&size=1')).total;
  expect(await text(page, '[data-total="overdue"]') === String(overdue),
    `overdue: dashboard ${await text(page, '[data-total="overdue"]')}, ledger list ${overdue}`);
  const open = (await api('/api/ledger/problems?status=REGISTERED&size=1')).total;
  expect(await text(page, '[data-total="open"]') === String(open), `open: the ledger list has ${open}`);
  const openCells = await page.locator('[data-work$=":open"]').allTextContents();
  expect(openCells.reduce((s, n) => s + Number(n), 0) === open, `open work should add up to the ledger's ${open}`);
  const overdueCells = await page.locator('[data-work$=":overdue"]').allTextContents();
  expect(overdueCells.reduce((s, n) => s + Number(n), 0) === overdue, `overdue work should add up to the ledger's ${overdue}`);

  // the month before, chosen in the dashboard: a closed month, answered from its frozen figures
  const before = previous(month);
  await page.fill('#qf-month', before);
  await page.waitForSelector(`#qf-dashboard h3:has-text("各科室整改率与按期整改率（${before}）")`);
  await sameRates(page, before);
  await page.fill('#qf-month', month);
  await page.waitForSelector(`#qf-dashboard h3:has-text("各科室整改率与按期整改率（${month}）")`);
  await page.waitForSelector('#qf-dashboard [data-chart="rates"] canvas');

  // the whole dashboard, on a viewport tall enough for Cockpit's scrolling page
  await page.setViewportSize({ width: 1400, height: 5200 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${shots}/台账看板.png`, fullPage: true });
  await page.setViewportSize({ width: 1400, height: 1100 });

  // a figure opens the list behind it: a department's problems due by the month's end, then the overdue ones
  const busy = rates.find(r => r.due > 0);
  await listBehind(page, `[data-dept="${busy.departmentId}"][data-field="due"]`);
  expect(overdue > 0, 'the demo data should have overdue problems');
  const listed = await listBehind(page, '[data-total="overdue"]');
  await page.locator('#qf-list').screenshot({ path: `${shots}/台账看板-逾期清单.png` });
  const rows = await page.locator('#qf-list tbody tr').count();
  expect(rows === Math.min(listed, 50), `the list should show its ${listed} problems, it shows ${rows}`);

  // the first overdue problem opens its process instance; the 问题台账 tab shows its record and timeline
  const link = page.locator('#qf-list a[href^="#/process-instance/"]').first();
  const number = (await link.textContent()).trim();
  await link.click();
  await page.waitForURL(/#\/process-instance\/[^/]+\/runtime/);
  await page.click('text="问题台账"');
  await page.waitForSelector(`#qf-problem-tab [data-problem="${number}"]`);
  const detail = await api(`/api/ledger/problems/${number}`);
  expect(await text(page, '#qf-problem-tab [data-field="department"]') === detail.problem.departmentName,
    'the tab should show the problem\'s department');
  const events = await page.locator('#qf-problem-tab table').nth(1).locator('tbody tr').count();
  expect(events === detail.timeline.length, `the timeline should have ${detail.timeline.length} entries, it has ${events}`);
  await page.setViewportSize({ width: 1400, height: 2400 });
  await page.screenshot({ path: `${shots}/问题台账页签.png`, fullPage: true });
  await page.setViewportSize({ width: 1400, height: 1100 });

  // another process's instance: the tab only says there is no ledger record
  const [review] = await engine('/process-instance?processDefinitionKey=monthlyLedgerReview&maxResults=1');
  if (review) {
    await page.goto(`${base}/camunda/app/cockpit/default/#/process-instance/${review.id}/runtime`);
    await page.click('text="问题台账"');
    await page.waitForSelector('#qf-problem-tab >> text=不是问题闭环流程');
  }
  console.log(`cockpit dashboard: ${rates.length} departments for ${month} as the ledger API has them, `
    + `${overdue} overdue, problem ${number} opened with its tab`);
} catch (e) {
  if (page) await page.screenshot({ path: `${shots}/台账看板-失败.png`, fullPage: true }).catch(() => {});
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
