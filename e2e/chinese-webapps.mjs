// The Camunda webapps speak the browser's language: logs in to Welcome, Tasklist, Cockpit and Admin in headless
// Chromium once as a browser set to Simplified Chinese (zh-CN) and once as an English one (en-US), and checks the login
// page and the main menu of each app. Screenshots go to target/e2e/.
// Usage: QINGFENG_URL=http://localhost:8080 node e2e/chinese-webapps.mjs
import { base, browser, shots } from './tasklist.mjs';

// Welcome lists only the apps the user may open (authorization is on): the administrator sees all three
const users = { welcome: ['admin', 'admin'], tasklist: ['zhoumin', 'qingfeng'], cockpit: ['admin', 'admin'],
  admin: ['admin', 'admin'] };

// what each app must show, and must not show, after login
const expected = {
  'zh-CN': {
    login: { button: '登录', username: '用户名', password: '密码', footer: '日期和时间按本地时区显示：' },
    welcome: ['应用', '流程监控', '任务办理', '系统管理'],
    tasklist: ['发起流程', '本科室待办', '即将超期', '请在列表中选择一项任务。'],
    cockpit: ['流程', '决策', '人工任务', '运行中的流程实例'],
    admin: ['用户', '用户组', '租户', '授权', '系统'],
    absent: ['Log in', 'Start process', 'Select a task in the list.', 'Human Tasks', 'Authorizations', 'Log out'],
  },
  'en-US': {
    login: { button: 'Log in', username: 'Username', password: 'Password', footer: 'Date and Time displayed in local timezone:' },
    welcome: ['Applications', 'Cockpit', 'Tasklist', 'Admin'],
    tasklist: ['Start process', '本科室待办', 'Select a task in the list.'],
    cockpit: ['Processes', 'Decisions', 'Human Tasks', 'Running Process Instances'],
    admin: ['Users', 'Groups', 'Tenants', 'Authorizations', 'System'],
    absent: ['登录', '发起流程', '请在列表中选择一项任务。', '人工任务', '退出登录'],
  },
};

async function visibleText(page, text, exact = true) {
  await page.getByText(text, { exact }).first().waitFor({ state: 'visible', timeout: 30000 })
    .catch(() => { throw new Error(`"${text}" not shown`); });
}

async function check(app, locale) {
  const want = expected[locale];
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale });
  const page = await context.newPage();
  try {
    await page.goto(`${base}/camunda/app/${app}/default/`);
    await page.locator(`button[type=submit]:has-text("${want.login.button}")`).waitFor({ timeout: 30000 })
      .catch(() => { throw new Error(`login button "${want.login.button}" not shown`); });
    await page.locator(`input[type=text][placeholder="${want.login.username}"]`).waitFor();
    await page.locator(`input[type=password][placeholder="${want.login.password}"]`).waitFor();
    await visibleText(page, want.login.footer, false);
    await page.screenshot({ path: `${shots}/webapp-${app}-login-${locale}.png` });
    const [user, password] = users[app];
    await page.fill('input[type=text]', user);
    await page.fill('input[type=password]', password);
    await page.click('button[type=submit]');
    // Tasklist adds a count to a filter's name, "即将超期 (2)", so its texts only need to be part of what is shown
    for (const text of want[app]) await visibleText(page, text, app !== 'tasklist');
    await page.waitForLoadState('networkidle');
    const body = await page.locator('body').innerText();
    for (const text of want.absent) {
      if (body.includes(text)) throw new Error(`"${text}" shown in the ${locale} ${app}`);
    }
    await page.screenshot({ path: `${shots}/webapp-${app}-${locale}.png` });
    console.log(`ok ${app} ${locale}`);
  } finally {
    await context.close();
  }
}

let failed = 0;
let passed = 0;
try {
  for (const locale of Object.keys(expected)) {
    for (const app of ['welcome', 'tasklist', 'cockpit', 'admin']) {
      try {
        await check(app, locale);
        passed++;
      } catch (e) {
        console.error(`FAILED ${app} ${locale}:`, e.message);
        failed++;
      }
    }
  }
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
if (failed) process.exitCode = 1;
