// Script typed into a report does not run where the report is shown: the registrar opens the task in Tasklist (the
// form shows the description), and Cockpit's ledger tab lists the problem. Any script that runs sets window.__xss
// or logs a CSP violation; both are failures.
// Usage: QINGFENG_URL=http://localhost:8080 node e2e/xss-rendering.mjs
import { base, browser, departmentFilter, engine, login, shots } from './tasklist.mjs';

const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>{{constructor.constructor('window.__xss=3')()}}`;

async function report(description) {
  const auth = Buffer.from('wangfang:qingfeng').toString('base64');
  const response = await fetch(`${base}/engine-rest/process-definition/key/problemLifecycle/submit-form`, {
    method: 'POST',
    headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ variables: {
      channel: { value: 'hotline' }, reporterType: { value: 'staff' }, problemDescription: { value: description } } }),
  });
  if (!response.ok) throw new Error(`report: ${response.status} ${await response.text()}`);
  return (await response.json()).businessKey;
}

function watch(page) {
  const violations = [];
  page.on('console', m => { if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text()); });
  page.on('dialog', d => { violations.push(`dialog: ${d.message()}`); d.dismiss(); });
  return violations;
}

let failed = 0;
try {
  const number = await report(`脚本注入测试 ${payload}`);
  const page = await login('wangfang');
  const violations = watch(page);
  await page.click(`text=${departmentFilter}`);
  const [task] = await engine(`/task?processInstanceBusinessKey=${number}&candidateUser=wangfang&includeAssignedTasks=true`);
  await page.click(`a[href*="task=${task.id}"]`);
  await page.waitForFunction(n => [...document.querySelectorAll('[id$="Field_problemNumber"]')].some(i => i.value === n), number);
  await page.waitForTimeout(1000);
  const shown = await page.evaluate(() => [...document.querySelectorAll('textarea, input')].map(i => i.value).join('\n'));
  const ran = await page.evaluate(() => window.__xss);
  await page.screenshot({ path: `${shots}/xss-tasklist.png`, fullPage: true });
  await page.context().close();
  if (ran !== undefined) throw new Error(`script from the report ran in Tasklist (${ran})`);
  if (!shown.includes('<script>window.__xss=2</script>')) throw new Error('the description is not shown as text in the form');
  if (violations.length) console.log(`note: browser reported ${violations.join(' | ')}`);
  console.log(`ok tasklist shows ${number}'s description as text, nothing ran`);
} catch (e) {
  failed++;
  console.error(`FAILED tasklist: ${e.message}`);
}
await browser.close();
console.log(`${1 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
