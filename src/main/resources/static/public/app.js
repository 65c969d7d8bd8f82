// The public complaint page: two views, chosen by the address's fragment (#report, #status).
import { loadForm } from './api.js';
import { $, show } from './dom.js';
import { setUpReport } from './report.js';
import { setUpStatus } from './status.js';

const VIEWS = ['report', 'status'];

function showView(name) {
  const view = VIEWS.includes(name) ? name : 'report';
  for (const each of VIEWS) {
    $(`view-${each}`).hidden = each !== view;
    const tab = $(`tab-${each}`);
    if (each === view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  document.title = `${view === 'status' ? '查询进度' : '我要反映'} · 作风问题反映 · 清风`;
}

const currentView = () => location.hash.replace(/^#/, '');

const status = setUpStatus();
const report = setUpReport({
  onFollow(trackingNumber, queryCode) {
    // only the view's name goes into the address and history; the query code stays in the page's memory
    history.pushState(null, '', '#status');
    showView('status');
    status.follow(trackingNumber, queryCode);
  },
});

window.addEventListener('hashchange', () => showView(currentView()));
showView(currentView());

try {
  const formData = await loadForm();
  report.configure(formData);
  status.configure(formData);
} catch (error) {
  show($('page-error'), `表单加载失败：${error.message}您仍可填写并提交，或刷新页面重试。`);
}
