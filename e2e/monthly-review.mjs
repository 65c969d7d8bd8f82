// The demo's monthly ledger review in Camunda Tasklist, in headless Chromium: the canteen's supervising leader holds
// the interview and decides accountability, the party committee opens the bulletin document from its task and
// gives its opinion, and the work-style office starts an extra review by hand. Screenshots go to target/e2e/.
// Usage: QINGFENG_URL=http://localhost:8080 node e2e/monthly-review.mjs
import { base, browser, completeTask, engine, login, openTask, selectOption, ui } from './tasklist.mjs';

async function api(path, user) {
  const auth = Buffer.from(`${user}:qingfeng`).toString('base64');
  const response = await fetch(`${base}${path}`, { headers: { Authorization: `Basic ${auth}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

async function waitFor(what, check) {
  for (let i = 0; i < 60; i++) {
    const value = await check();
    if (value) return value;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

try {
  // the demo starts last month's review; the canteen failed it
  const review = await waitFor('the demo review',
    async () => (await engine('/process-instance?processDefinitionKey=monthlyLedgerReview'))[0]);
  const month = (await engine(`/process-instance/${review.id}/variables/reviewMonth`)).value;
  const canteen = await waitFor('the canteen interview', async () => {
    for (const i of await engine(`/process-instance?superProcessInstance=${review.id}`)) {
      if ((await engine(`/process-instance/${i.id}/variables/departmentId`)).value === 'canteen') return i;
    }
    return null;
  });

  // 分管领导 sunli schedules and holds the interview, deciding 批评教育
  let page = await login('sunli');
  let [task] = await engine(`/task?processInstanceId=${canteen.id}`);
  expect(task.name === '安排约谈' && task.assignee === 'sunli', `sunli should schedule the interview, found ${task.name}/${task.assignee}`);
  await openTask(page, task);
  await page.waitForSelector('text=整改率未达标');
  const date = page.locator('input[id*="Field_interviewTime"]').first();
  await date.fill('2030-01-07');
  await date.press('Enter');
  const time = page.locator('input[id*="Field_interviewTime"]').nth(1);
  await time.fill('10:00');
  await time.press('Enter');
  await page.fill('[id$="Field_interviewPlace"]', '三楼会议室');
  await completeTask(page, '安排约谈（整改率未达标）');
  [task] = await engine(`/task?processInstanceId=${canteen.id}`);
  expect(task?.name === '开展约谈并记录', `the interview should be held next, found ${task?.name}`);
  await openTask(page, task);
  await page.fill('[id$="Field_interviewFindings"]', '食堂高峰排队问题整改迟缓');
  await page.fill('[id$="Field_interviewCommitments"]', '一周内增开窗口');
  await selectOption(page, 'accountabilityMeasure', '批评教育');
  await page.fill('[id$="Field_accountabilityReason"]', '整改率未达标');
  await completeTask(page, '开展约谈并记录（整改率未达标）');
  await page.context().close();
  const measures = await api(`/api/supervision/accountability?year=${new Date().getFullYear()}`, 'zhoumin');
  expect(measures.some(m => m.department_id === 'canteen' && m.measure === 'CRITICISM_EDUCATION'),
    'the interview\'s accountability should be in the ledger');
  console.log(`ok sunli: interviewed the canteen's head for ${month}`);

  // 党委 zhangwei opens the bulletin from the task and gives the committee's opinion
  page = await login('zhangwei');
  [task] = await engine(`/task?processInstanceId=${review.id}&taskDefinitionKey=reviewBulletinUserTask`);
  await openTask(page, task);
  const href = await page.locator('a:has-text("下载通报")').getAttribute('href');
  expect(href?.startsWith('/api/bulletins/'), `the form should link to the bulletin, links to ${href}`);
  const download = await page.evaluate(async url => {
    const response = await fetch(url);
    return { status: response.status, type: response.headers.get('content-type'), size: (await response.arrayBuffer()).byteLength };
  }, href);
  expect(download.status === 200 && download.type.includes('spreadsheetml') && download.size > 1000,
    `the bulletin should download from the Tasklist session, got ${JSON.stringify(download)}`);
  await page.fill('[id$="Field_reviewOpinion"]', '同意通报，督促未达标科室限期整改');
  await completeTask(page, '党委审议月度通报');
  await page.context().close();
  console.log(`ok zhangwei: reviewed the bulletin ${href} (${download.size} bytes)`);

  // 作风办 zhoumin starts an extra review of the month by hand
  page = await login('zhoumin');
  await page.click(`text=${ui.startProcess}`);
  await page.click('text=月度台账审核');
  await page.fill('[id$="Field_reviewMonth"]', month);
  await page.click(`.modal button:has-text("${ui.start}")`);
  await page.waitForSelector('.modal', { state: 'detached' });
  await page.context().close();
  const reviews = await waitFor('the second review', async () => {
    const all = await engine('/history/process-instance?processDefinitionKey=monthlyLedgerReview');
    return all.length >= 2 ? all : null;
  });
  console.log(`ok zhoumin: started an extra review of ${month} (${reviews.length} reviews)`);
  console.log('1 passed, 0 failed');
} catch (e) {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
} finally {
  await browser.close();
}
