// Script and HTML typed into a report, and into a department's reply to it, are shown as text in Cockpit: a 作风办
// officer opens the problem's process instance (its Variables tab and the 问题台账 tab) and the ledger dashboard's
// list that holds the problem. The texts carry <img onerror>, <script> and <b> elements with marker ids, alert()
// calls and an AngularJS expression (Cockpit is an AngularJS app). A failure is: a dialog; an alert() the page's
// sandbox (CSP) swallowed or anything the CSP refused, which means script or markup from a text reached the page; an
// element with a marker id in the page; or a text that is not shown as the very characters typed. Cockpit CE has no history view of an
// instance, so the runtime view is where the values are shown.
// Usage: QINGFENG_URL=http://localhost:8080 node e2e/xss-cockpit.mjs
import { base, browser, shots } from './tasklist.mjs';

const viewer = 'zhoumin';

/** A text that is harmless only if shown as text; `field` names its marker ids. The forms' length limits apply. */
function payload(label, field) {
  return `${label} <img src=x id=qfxss-${field}-img onerror="alert('${field}')">`
    + `<script id=qfxss-${field}-script>alert('${field}')</script><b id=qfxss-${field}-b>粗体</b>`
    + `{{constructor.constructor('alert(1)')()}}`;
}

const texts = {
  problemDescription: payload('窗口人员推诿（脚本注入测试）', 'description'),
  place: payload('二楼办事大厅', 'place'),
  // at most 50 characters
  responsiblePerson: '刘强<img src=x id=qfxss-person onerror=alert(4)>',
  returnReason: payload('此事不属于食堂', 'reply'),
};

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function rest(user, path, body) {
  const auth = Buffer.from(`${user}:qingfeng`).toString('base64');
  const response = await fetch(`${base}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${user} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

const variables = values => ({ variables: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])) });

async function completeTask(user, instanceId, taskKey, values) {
  const [task] = await rest(user, `/engine-rest/task?processInstanceId=${instanceId}&taskDefinitionKey=${taskKey}&maxResults=1`);
  expect(task, `${taskKey} should be open for ${user}`);
  await rest(user, `/engine-rest/task/${task.id}/submit-form`, variables(values));
}

/** The report as the hotline takes it, registered for the canteen, and returned by the canteen's head with a reason. */
async function reportAndReturn() {
  const started = await rest('wangfang', '/engine-rest/process-definition/key/problemLifecycle/submit-form', variables({
    channel: 'hotline', reporterType: 'staff', problemDescription: texts.problemDescription, place: texts.place }));
  await completeTask('wangfang', started.id, 'registerProblemUserTask', {
    registrationDecision: 'accept', category: 'attitude', severity: 'general', responsibleDepartment: 'canteen',
    responsiblePerson: texts.responsiblePerson });
  await completeTask('liuqiang', started.id, 'claimResponsibilityUserTask', {
    claimDecision: 'return', returnReason: texts.returnReason });
  return started;
}

/** Logs in; `ran` collects dialogs, and the alert() calls and CSP refusals the browser reports instead of running them. */
async function loginToCockpit(ran) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('dialog', dialog => { ran.push(`dialog ${dialog.message()}`); dialog.dismiss().catch(() => {}); });
  page.on('console', message => {
    if (/Ignored call to 'alert\(\)'|Content Security Policy|Refused to/.test(message.text())) ran.push(message.text());
  });
  await page.goto(`${base}/camunda/app/cockpit/default/`);
  await page.fill('input[type=text]', viewer);
  await page.fill('input[type=password]', 'qingfeng');
  await page.click('button[type=submit]');
  await page.waitForSelector('#qf-dashboard', { timeout: 60000 });
  return page;
}

/** Nothing typed became part of the page, nothing ran, and each expected text is on the page as typed. */
async function shownAsText(page, where, ran, expected) {
  await page.waitForTimeout(1000);
  const injected = await page.evaluate(() => [...document.querySelectorAll('[id^="qfxss-"]')].map(e => `<${e.tagName.toLowerCase()} id=${e.id}>`));
  const text = await page.evaluate(() => document.body.innerText);
  await page.screenshot({ path: `${shots}/xss-cockpit-${where}.png`, fullPage: true });
  expect(ran.length === 0, `${where}: script was called: ${ran.join(' | ')}`);
  expect(injected.length === 0, `${where}: the page holds elements made from the report: ${injected.join(' ')}`);
  for (const [name, value] of Object.entries(expected)) {
    expect(text.includes(value), `${where}: ${name} is not shown as the text typed`);
  }
}

let page;
let failed = 0;
const passed = [];
try {
  const instance = await reportAndReturn();
  const number = instance.businessKey;
  const ran = [];
  page = await loginToCockpit(ran);

  // the instance's variables: the report's texts, the registrar's and the department's
  await page.goto(`${base}/camunda/app/cockpit/default/#/process-instance/${instance.id}/runtime?tab=variables-tab`);
  await page.waitForSelector('text=returnReason', { timeout: 30000 });
  await page.waitForSelector('text=problemDescription');
  await shownAsText(page, 'variables', ran, texts);
  passed.push('variables tab');

  // the 问题台账 tab: the ledger record and its timeline
  await page.click('text="问题台账"');
  await page.waitForSelector(`#qf-problem-tab [data-problem="${number}"]`);
  const detail = await (await fetch(`${base}/api/ledger/problems/${number}`, {
    headers: { Authorization: `Basic ${Buffer.from(`${viewer}:qingfeng`).toString('base64')}` } })).json();
  const onTab = { problemDescription: texts.problemDescription, responsiblePerson: texts.responsiblePerson };
  if (detail.timeline.some(e => e.detail?.includes(texts.returnReason))) onTab.returnReason = texts.returnReason;
  await shownAsText(page, 'ledger-tab', ran, onTab);
  passed.push(`ledger tab (${Object.keys(onTab).join(', ')})`);

  // the dashboard: the canteen's open problems, a list that holds this one with its description
  await page.goto(`${base}/camunda/app/cockpit/default/#/dashboard`);
  await page.click('[data-dept="canteen"][data-field="open"]', { timeout: 30000 });
  await page.waitForSelector('#qf-list [data-list-total]');
  expect(await page.locator(`#qf-list a:text-is("${number}")`).count() === 1, `the canteen's open list should hold ${number}`);
  await page.locator('#qf-list').scrollIntoViewIfNeeded();
  await shownAsText(page, 'dashboard-list', ran, { problemDescription: texts.problemDescription });
  passed.push('dashboard list');

  console.log(`ok cockpit shows ${number}'s texts as text, nothing ran: ${passed.join('; ')}`);
} catch (e) {
  failed++;
  if (page) await page.screenshot({ path: `${shots}/xss-cockpit-失败.png`, fullPage: true }).catch(() => {});
  console.error(`FAILED cockpit (after ${passed.join('; ') || 'no check'}): ${e.message}`);
}
await browser.close();
console.log(`${1 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
