// The public complaint page on a phone: a citizen reports a problem with a photo and a document, keeps the tracking
// number and query code, follows the progress while the demo users carry the problem to closure through the engine's
// REST API (each step as the user whose job it is), then rates it. Checks on the way: one report per form fill even
// when the same submission is sent again, text that looks like HTML stays text (from the reporter and from staff),
// and the page runs under its strict Content-Security-Policy without a violation. Then the rating counts: the
// department's next problem is evaluated in Tasklist with the rating among the 群众评议 its form shows and pools.
// Screenshots go to target/e2e/.
// Usage: QINGFENG_URL=http://localhost:8080 node e2e/public-intake.mjs
import { deflateSync } from 'node:zlib';
import { base, browser, completeTask, engine, login, openTask, shots } from './tasklist.mjs';

const password = 'qingfeng';
const payload = '<img src=x onerror=alert(1)>';

/** Calls /engine-rest as a demo user, so the ledger records that person as the actor. */
async function engineAs(user, path, body) {
  const response = await fetch(`${base}/engine-rest${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
      'Content-Type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${user} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Waits until the user may work on the problem's task (steps after a completed one may run asynchronously). */
async function taskOf(user, number, taskKey) {
  for (let waited = 0; waited < 30000; waited += 500) {
    const tasks = await engineAs(user,
      `/task?processInstanceBusinessKey=${number}&maxResults=50`);
    const task = tasks.find(t => t.taskDefinitionKey === taskKey);
    if (task) return task;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`${user} has no ${taskKey} for ${number}`);
}

/** Completes a task through its form, as Tasklist does (submit-form checks the form's rules). */
async function complete(user, number, taskKey, values) {
  const task = await taskOf(user, number, taskKey);
  const variables = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }]));
  await engineAs(user, `/task/${task.id}/submit-form`, { variables });
  console.log(`ok ${user}: ${task.name}`);
}

// a small PNG (a 24x16 red and white flag) and a one-page PDF, made here rather than kept as binaries in git
function crc32(bytes) {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}
function png(width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push(...(y < height / 2 ? [200, 30, 30] : [255, 255, 255]));
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from(rows))), pngChunk('IEND', Buffer.alloc(0))]);
}
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n'
  + '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n'
  + '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n'
  + 'trailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const context = await browser.newContext({
  viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN',
});
const page = await context.newPage();
const problems = [];
page.on('dialog', dialog => {
  problems.push(`a dialog opened: ${dialog.message()}`);
  dialog.dismiss();
});
page.on('pageerror', error => problems.push(`page error: ${error.message}`));
page.on('console', message => {
  if (/Content[- ]Security[- ]Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
});
let sentReport = null;
page.on('request', request => {
  if (request.method() === 'POST' && request.url().endsWith('/public/api/reports')) {
    sentReport = { key: request.headers()['idempotency-key'] };
  }
});

/** Asks the page for the progress again (as the reporter would with 刷新进度) and returns the stage shown. */
async function refreshedStage() {
  await Promise.all([
    page.waitForResponse(r => r.url().includes('/public/api/reports/') && r.request().method() === 'GET'),
    page.click('#refresh-status'),
  ]);
  await page.waitForSelector('#refresh-status:not([disabled])');
  return page.textContent('#progress-stage');
}

/**
 * 群众评议 counts on the service recipients' side: the department's next problem is evaluated in Tasklist, whose form
 * shows the ratings counted (the one just given among them), asks for the survey's headcount once a survey rate is
 * entered, and shows the pooled rate that the decision then uses.
 */
async function ratingCountsInTheNextEvaluation() {
  const started = await engineAs('wangfang', '/process-definition/key/problemLifecycle/submit-form', { variables: {
    channel: { value: 'hotline' }, reporterType: { value: 'public' },
    problemDescription: { value: `食堂收费窗口不开票据（${Date.now()}）` } } });
  const next = started.businessKey;
  await complete('wangfang', next, 'registerProblemUserTask', { registrationDecision: 'accept', category: 'serviceQuality',
    severity: 'general', responsibleDepartment: 'canteen', responsiblePerson: '刘强' });
  await complete('liuqiang', next, 'claimResponsibilityUserTask', { claimDecision: 'accept' });
  await complete('huangli', next, 'planRectificationUserTask', { rectificationPlan: '收费窗口一律开具票据并公示' });
  await complete('huangli', next, 'implementRectificationUserTask', { progressAction: 'completed', progressReport: '已公示' });
  await complete('wangfang', next, 'verifyRectificationUserTask', { verificationDecision: 'pass', verificationFindings: '属实' });
  const task = await taskOf('zhoumin', next, 'evaluateSatisfactionUserTask');
  const counted = await engine(`/task/${task.id}/variables`);
  const ratings = counted.publicRatingCount.value;
  const satisfied = counted.publicRatingSatisfied.value;
  expect(ratings >= 1 && satisfied >= 1, `the rating just given should count: ${ratings} ratings, ${satisfied} satisfied`);

  const office = await login('zhoumin');
  try {
    await openTask(office, task);
    const shown = await office.inputValue('[id$="Field_reporterRatings"]');
    expect(shown.includes(`共${ratings}条`) && shown.includes(`满意（4–5分）${satisfied}条`), `群众评议 as counted: ${shown}`);
    expect(!shown.includes(payload), 'the form must show figures, not what reporters wrote');
    const respondents = office.locator('[id$="Field_recipientRespondents"]');
    expect(await respondents.count() === 0, '参评人数 is asked for only with a survey rate');
    // form-js applies a number field's input after a short delay; give each number field time to settle
    await office.fill('[id$="Field_internalSatisfaction"]', '95');
    await office.waitForTimeout(600);
    await office.fill('[id$="Field_recipientSatisfaction"]', '80');
    await office.waitForTimeout(600);
    await office.waitForSelector('text=服务对象综合满意度（提交后按此评定）：请填写服务对象测评参评人数');
    await respondents.fill('9');
    await office.waitForTimeout(600);
    const pooled = Math.floor((80 * 9 + satisfied * 100) * 10 / (9 + ratings)) / 10;
    await office.waitForSelector(`text=服务对象综合满意度（提交后按此评定）：${pooled}%，测评与群众评议按人数合并`);
    await office.fill('[id$="Field_evaluationNote"]', '内部20人，服务对象9人');
    await completeTask(office, '满意度测评-计入群众评议');
    const [instance] = await engine(`/process-instance?businessKey=${next}`);
    const used = await engine(`/process-instance/${instance.id}/variables/combinedRecipientSatisfaction`);
    expect(used.value === pooled, `the decision used ${used.value}%, the form showed ${pooled}%`);
    console.log(`ok zhoumin: ${next} evaluated with ${ratings} public ratings counted, service recipients ${pooled}%`);
  } finally {
    await office.context().close();
  }
}

try {
  // 我要反映 on a phone
  const opened = await page.goto(`${base}/public`);
  expect(opened.url().endsWith('/public/'), `/public should lead to /public/, got ${opened.url()}`);
  expect((opened.headers()['content-security-policy'] ?? '').includes("default-src 'self'"), 'the page comes without its CSP');
  await page.waitForSelector('#departmentId option[value="canteen"]', { state: 'attached' });

  const stamp = Date.now();
  const description = `食堂收费窗口不开具票据，工作人员称"没有发票" ${payload}（${stamp}）`;
  await page.fill('#description', description);
  await page.fill('#place', '机关食堂一楼收费窗口');
  await page.selectOption('#departmentId', 'canteen');
  await page.check('input[name="anonymous"][value="false"]');
  await page.fill('#contact-name', '张三');
  await page.fill('#contact-phone', '13812345678');

  // the page refuses what the server would refuse, before sending anything
  await page.setInputFiles('#attachments', [{ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('text') }]);
  await page.waitForSelector('#attachments-error:not([hidden])');
  await page.click('button[aria-label="移除 说明.txt"]');
  await page.waitForSelector('#attachments-error', { state: 'hidden' });
  // a file named like a photo that is none: only the server can tell (by content), answers 415, and nothing is kept
  await page.setInputFiles('#attachments', [{ name: '伪装.png', mimeType: 'image/png', buffer: Buffer.from('MZ not a picture') }]);
  const [refused] = await Promise.all([
    page.waitForResponse(r => r.url().endsWith('/public/api/reports') && r.request().method() === 'POST'),
    page.click('#submit-report'),
  ]);
  expect(refused.status() === 415, `a disguised file should be refused with 415, got ${refused.status()}`);
  await page.waitForSelector('#report-error:not([hidden])');
  const refusal = await page.textContent('#report-error');
  expect(/[\u4e00-\u9fff]/.test(refusal), `the refusal should be explained in Chinese: ${refusal}`);
  await page.screenshot({ path: `${shots}/公众反映-附件被拒.png`, fullPage: true });
  await page.click('button[aria-label="移除 伪装.png"]');
  console.log(`ok reporter: a disguised file is refused (${refusal})`);

  await page.setInputFiles('#attachments', [
    { name: '现场照片.png', mimeType: 'image/png', buffer: png(24, 16) },
    { name: '收费凭条.pdf', mimeType: 'application/pdf', buffer: pdf },
  ]);
  expect(await page.locator('#attachment-list li').count() === 2, 'two attachments should be listed');
  await page.screenshot({ path: `${shots}/公众反映-填写.png`, fullPage: true });

  // a double tap sends one report
  await page.dblclick('#submit-report');
  await page.waitForSelector('#receipt:not([hidden])', { timeout: 30000 });
  const number = (await page.textContent('#receipt-number')).trim();
  const code = (await page.textContent('#receipt-code')).trim();
  expect(/^ZF-\d{4}-\d{6}$/.test(number), `tracking number ${number}`);
  expect(/^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/.test(code), `query code ${code}`);
  await page.click('.summary summary');
  expect((await page.textContent('#receipt-description')) === description, 'the receipt should show the report as typed');
  expect(await page.locator('#receipt img').count() === 0, 'the report text became markup in the receipt');
  await page.screenshot({ path: `${shots}/公众反映-提交.png`, fullPage: true });
  console.log(`ok reporter: submitted ${number}`);

  // the same submission sent again with its idempotency key (a lost answer) is the same report, with the same code
  expect(sentReport?.key, 'the page sent no Idempotency-Key');
  const again = new FormData();
  again.append('report', new Blob([JSON.stringify({ description, place: '机关食堂一楼收费窗口', departmentId: 'canteen',
    anonymous: false, contact: { name: '张三', phone: '13812345678', email: null } })], { type: 'application/json' }));
  again.append('attachments', new Blob([png(24, 16)], { type: 'image/png' }), '现场照片.png');
  again.append('attachments', new Blob([pdf], { type: 'application/pdf' }), '收费凭条.pdf');
  const replay = await fetch(`${base}/public/api/reports`, {
    method: 'POST', body: again, headers: { 'Idempotency-Key': sentReport.key },
  });
  const replayed = await replay.json();
  expect(replay.status === 200 && replayed.trackingNumber === number && replayed.queryCode === code,
    `a replay should answer 200 with ${number} and the same code, got ${replay.status} ${JSON.stringify(replayed)}`);
  const started = await engine(`/process-instance?businessKey=${number}`);
  expect(started.length === 1, `expected one process for ${number}, found ${started.length}`);
  const sameText = await engine(`/history/process-instance?processDefinitionKey=problemLifecycle&variables=problemDescription_eq_${
    encodeURIComponent(description)}`);
  expect(sameText.length === 1, `the report was started ${sameText.length} times`);
  const attachments = await fetch(`${base}/api/intake/reports/${number}/attachments`, {
    headers: { Authorization: `Basic ${Buffer.from(`wangfang:${password}`).toString('base64')}` },
  }).then(r => r.json());
  expect(attachments.length === 2, `expected 2 stored attachments, found ${JSON.stringify(attachments)}`);
  console.log('ok one report for a double tap and a replay; 2 attachments stored');

  // 查询进度 from the receipt
  await page.click('#receipt-follow');
  await page.waitForSelector('#progress:not([hidden])');
  const reported = await page.textContent('#progress-stage');
  expect(await page.locator('#rating-form').isHidden(), 'an open problem cannot be rated');
  await page.screenshot({ path: `${shots}/公众反映-进度-已收到.png`, fullPage: true });
  console.log(`ok reporter: sees ${reported}`);

  // 登记: the registrar accepts it
  await complete('wangfang', number, 'registerProblemUserTask', { registrationDecision: 'accept', category: 'serviceQuality',
    severity: 'general', responsibleDepartment: 'canteen', responsiblePerson: '刘强' });

  // a fresh load knows nothing: the reporter enters number and code again; a wrong code is told apart from nothing
  await page.reload();
  await page.waitForSelector('#view-status:not([hidden])');
  await page.fill('#tracking-number', number);
  await page.fill('#query-code', 'AAAA-BBBB-CCCC');
  await page.click('#submit-status');
  await page.waitForSelector('#status-error:not([hidden])');
  expect(await page.locator('#progress').isHidden(), 'a wrong code must show nothing of the problem');
  await page.fill('#query-code', code.toLowerCase());
  await page.click('#submit-status');
  await page.waitForSelector('#progress:not([hidden])');
  const registered = await page.textContent('#progress-stage');
  expect(registered !== reported, `the stage should change after registration, still ${registered}`);
  expect((await page.textContent('#progress-replies')).length > 0, 'registration should give a public reply');
  await page.screenshot({ path: `${shots}/公众反映-进度.png`, fullPage: true });
  console.log(`ok reporter: after registration sees ${registered}`);

  // 整改 to 销号, each step by the demo user whose job it is
  await complete('liuqiang', number, 'claimResponsibilityUserTask', { claimDecision: 'accept' });
  await complete('huangli', number, 'planRectificationUserTask', { rectificationPlan: '收费窗口张贴开票提示，当班人员凭需开具票据' });
  await complete('huangli', number, 'implementRectificationUserTask', { progressAction: 'completed', progressReport: '提示已张贴，已补开票据' });
  const rectified = await refreshedStage();
  console.log(`ok reporter: during rectification sees ${rectified}`);
  await complete('wangfang', number, 'verifyRectificationUserTask', { verificationDecision: 'pass', verificationFindings: '现场核查属实' });
  // the headcount matters only when earlier ratings of the department are pooled with the survey
  await complete('zhoumin', number, 'evaluateSatisfactionUserTask', { internalSatisfaction: 95, recipientSatisfaction: 90,
    recipientRespondents: 10, evaluationNote: '内部20人，服务对象10人' });
  const officialReply = `您反映的问题已整改，收费窗口可开具票据。原文中的 ${payload} 按文字保存。感谢您的监督。`;
  await complete('zhoumin', number, 'closeProblemUserTask', { officialReply });

  // 评价 once closed; the staff's reply shows as the text it is
  let closed = '';
  for (let i = 0; i < 20 && (await page.locator('#rating-form').isHidden()); i++) {
    closed = await refreshedStage();
    if (await page.locator('#rating-form').isHidden()) await page.waitForTimeout(500);
  }
  expect(await page.locator('#rating-form').isVisible(), `a closed problem should be open to rating (stage ${closed})`);
  const replies = await page.locator('#progress-replies li p').allTextContents();
  expect(replies.includes(officialReply), `the official reply should show as text: ${JSON.stringify(replies)}`);
  expect(await page.locator('#progress img').count() === 0, 'the reply became markup');
  await page.screenshot({ path: `${shots}/公众反映-办结.png`, fullPage: true });
  console.log(`ok reporter: after closure sees ${closed} and the official reply`);

  await page.tap('label[for="score-5"]');
  await page.fill('#rating-comment', `整改及时，态度好 ${payload}`);
  await page.click('#submit-rating');
  await page.waitForSelector('#rating-done:not([hidden])');
  expect((await page.textContent('#rating-done-score')).startsWith('5'), 'the rating should show 5 stars');
  expect((await page.textContent('#rating-done-comment')).includes(payload), 'the rating comment should show as text');
  expect(await page.locator('#rating-form').isHidden(), 'a problem is rated once');
  await page.screenshot({ path: `${shots}/公众反映-评价.png`, fullPage: true });
  const secondRating = await fetch(`${base}/public/api/reports/${number}/rating`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Query-Code': code }, body: JSON.stringify({ score: 1 }),
  });
  expect(secondRating.status === 409, `a second rating should be refused with 409, got ${secondRating.status}`);
  console.log('ok reporter: rated 5 stars, once');

  await ratingCountsInTheNextEvaluation();

  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width <= 375, `the page should fit a 375px screen, is ${width}px wide`);
  expect(problems.length === 0, problems.join('\n'));
  console.log(`${number} reported on the public page, followed to closure and rated`);
  console.log('1 passed, 0 failed');
} catch (e) {
  await page.screenshot({ path: `${shots}/公众反映-失败.png`, fullPage: true }).catch(() => {});
  console.error(e);
  if (problems.length) console.error(problems.join('\n'));
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
} finally {
  await browser.close();
}
