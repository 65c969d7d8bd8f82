// 我要反映: the report form, its client-side checks (the server checks everything again) and the receipt with the
// tracking number and the one-time query code.
import { ApiError, submitReport } from './api.js';
import { $, clearErrors, element, formatBytes, formatWhen, hide, show, showFailure } from './dom.js';

// the server's own minimum (IntakeRules.MIN_TEXT_LENGTH) until the form's limits name one
const MIN_DESCRIPTION_LENGTH = 5;
const EXTENSION_TYPES = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', heic: 'image/heic',
  pdf: 'application/pdf', txt: 'text/plain',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  mp3: 'audio/mpeg', mp4: 'video/mp4',
};
const TYPE_NAMES = {
  'image/jpeg': 'JPG 照片', 'image/png': 'PNG 图片', 'image/gif': 'GIF 图片', 'image/webp': 'WebP 图片', 'image/heic': 'HEIC 照片',
  'application/pdf': 'PDF 文档', 'text/plain': '文本文件',
  'application/msword': 'Word 文档', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档',
  'application/vnd.ms-excel': 'Excel 表格', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel 表格',
  'audio/mpeg': 'MP3 录音', 'video/mp4': 'MP4 视频',
};

/** A fresh key per form fill: a double click or a retry of the same fill makes one report. */
function newIdempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function typeOf(file) {
  if (file.type) return file.type.toLowerCase();
  const extension = file.name.includes('.') ? file.name.split('.').pop().toLowerCase() : '';
  return EXTENSION_TYPES[extension] ?? '';
}

const typeNames = types => [...new Set(types.map(t => TYPE_NAMES[t] ?? t))].join('、');

export function setUpReport({ onFollow }) {
  const form = $('report-form');
  const alertNode = $('report-error');
  const submit = $('submit-report');
  const progress = $('report-progress');
  const fileInput = $('attachments');
  const fileList = $('attachment-list');
  const contact = $('contact');
  const description = $('description');
  const place = $('place');
  const department = $('departmentId');
  let limits = null;
  let replyWithinWorkingDays = null;
  let files = [];
  let idempotencyKey = newIdempotencyKey();
  let receipt = null;

  const anonymous = () => form.elements.anonymous.value !== 'false';

  function limitsText() {
    if (!limits) return '';
    const parts = [];
    if (limits.maxAttachments != null) parts.push(`最多 ${limits.maxAttachments} 个文件`);
    if (limits.maxAttachmentBytes != null) parts.push(`每个不超过 ${formatBytes(limits.maxAttachmentBytes)}`);
    if (limits.maxTotalBytes != null) parts.push(`合计不超过 ${formatBytes(limits.maxTotalBytes)}`);
    return parts.length ? `${parts.join('，')}。` : '';
  }

  function updateCounter() {
    const length = [...description.value].length;
    $('description-count').textContent = limits?.maxTextLength ? `${length} / ${limits.maxTextLength} 字` : `${length} 字`;
  }

  /** The problems with the chosen files, per file and for the whole set. */
  function fileProblems() {
    const perFile = new Map();
    const overall = [];
    if (!limits) return { perFile, overall };
    const allowed = (limits.allowedTypes ?? []).map(t => t.toLowerCase());
    for (const file of files) {
      const reasons = [];
      if (allowed.length && !allowed.includes(typeOf(file))) reasons.push('类型不支持');
      if (limits.maxAttachmentBytes != null && file.size > limits.maxAttachmentBytes) {
        reasons.push(`超过 ${formatBytes(limits.maxAttachmentBytes)}`);
      }
      if (file.size === 0) reasons.push('是空文件');
      if (reasons.length) perFile.set(file, reasons);
    }
    if (limits.maxAttachments != null && files.length > limits.maxAttachments) {
      overall.push(`最多只能上传 ${limits.maxAttachments} 个文件，请移除 ${files.length - limits.maxAttachments} 个。`);
    }
    const total = files.reduce((sum, f) => sum + f.size, 0);
    if (limits.maxTotalBytes != null && total > limits.maxTotalBytes) {
      overall.push(`附件合计 ${formatBytes(total)}，超过 ${formatBytes(limits.maxTotalBytes)} 的上限。`);
    }
    if (perFile.size) {
      overall.unshift(`有 ${perFile.size} 个文件不能上传（${allowed.length ? `只接受${typeNames(allowed)}；` : ''}${limitsText()}），请移除。`);
    }
    return { perFile, overall };
  }

  function renderFiles() {
    const { perFile, overall } = fileProblems();
    fileList.replaceChildren(...files.map((file, index) => {
      const item = element('li');
      const reasons = perFile.get(file);
      if (reasons) item.className = 'bad';
      item.append(element('span', `${file.name}（${formatBytes(file.size)}）${reasons ? `：${reasons.join('，')}` : ''}`));
      const remove = element('button', '移除', 'button small');
      remove.type = 'button';
      remove.setAttribute('aria-label', `移除 ${file.name}`);
      remove.addEventListener('click', () => {
        files.splice(index, 1);
        renderFiles();
        fileInput.focus();
      });
      item.append(remove);
      return item;
    }));
    const errorNode = $('attachments-error');
    if (overall.length) {
      show(errorNode, overall.join(' '));
      fileInput.setAttribute('aria-invalid', 'true');
    } else {
      hide(errorNode);
      errorNode.textContent = '';
      fileInput.removeAttribute('aria-invalid');
    }
    return overall.length === 0;
  }

  /** Checks before sending; the server checks the same again. Returns false and marks the fields if any fails. */
  function check() {
    const errors = [];
    const text = description.value.trim();
    const minimum = limits?.minTextLength ?? MIN_DESCRIPTION_LENGTH;
    if (!text) errors.push({ field: 'description', message: '请填写问题描述。' });
    else if ([...text].length < minimum) errors.push({ field: 'description', message: `问题描述至少需要 ${minimum} 个字。` });
    else if (limits?.maxTextLength && [...text].length > limits.maxTextLength) {
      errors.push({ field: 'description', message: `问题描述不能超过 ${limits.maxTextLength} 字。` });
    }
    if (limits?.maxPlaceLength && [...place.value.trim()].length > limits.maxPlaceLength) {
      errors.push({ field: 'place', message: `发生地点不能超过 ${limits.maxPlaceLength} 字。` });
    }
    if (!anonymous()) {
      const phone = $('contact-phone').value.trim();
      const email = $('contact-email').value.trim();
      if (!phone && !email) errors.push({ field: 'contact', message: '留下联系方式时，电话和电子邮箱至少填写一项。' });
      if (phone && !/^[0-9+\-\s()]{5,20}$/.test(phone)) errors.push({ field: 'contact.phone', message: '电话号码格式不正确。' });
      if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push({ field: 'contact.email', message: '电子邮箱格式不正确。' });
    }
    const filesOk = renderFiles();
    if (!errors.length && filesOk) return true;
    const failure = new ApiError(400, '请按提示修改后再提交。', errors);
    showFailure(form, alertNode, failure);
    if (!filesOk) $('attachments-error').hidden = false;
    return false;
  }

  function reportOf() {
    const report = {
      description: description.value.trim(),
      place: place.value.trim() || null,
      departmentId: department.value || null,
      anonymous: anonymous(),
      contact: null,
    };
    if (!report.anonymous) {
      const value = id => $(id).value.trim() || null;
      report.contact = { name: value('contact-name'), phone: value('contact-phone'), email: value('contact-email') };
    }
    return report;
  }

  function showReceipt(body, report, sentFiles, replayed) {
    receipt = body;
    $('receipt-number').textContent = body.trackingNumber ?? '';
    // a repeated submission (same idempotency key: the first answer was lost) names the same problem and its code
    $('receipt-code').textContent = body.queryCode ?? '—';
    $('copy-codes').hidden = !body.queryCode;
    $('receipt-once').hidden = !body.queryCode;
    $('receipt-replayed').hidden = !replayed;
    $('copy-result').textContent = '';
    const due = body.replyDueBy ? `我们将在 ${formatWhen(body.replyDueBy)} 前答复` : '';
    const within = replyWithinWorkingDays ? `（${replyWithinWorkingDays} 个工作日内）` : '';
    $('receipt-due').textContent = due ? `${due}${within}。` : '';
    $('receipt-description').textContent = report.description;
    $('receipt-place').textContent = report.place ?? '未填写';
    $('receipt-department').textContent = report.departmentId
      ? department.selectedOptions[0]?.textContent ?? report.departmentId : '未指定';
    $('receipt-attachments').textContent = sentFiles.length ? sentFiles.map(f => f.name).join('、') : '无';
    hide(form);
    show($('receipt'));
    $('receipt').focus();
    $('receipt').scrollIntoView({ block: 'start' });
  }

  function resetForm() {
    form.reset();
    files = [];
    renderFiles();
    clearErrors(form, alertNode);
    contact.hidden = true;
    updateCounter();
    idempotencyKey = newIdempotencyKey();
    receipt = null;
    // the query code leaves the page once the reporter moves on
    $('receipt-number').textContent = '';
    $('receipt-code').textContent = '';
    hide($('receipt'));
    show(form);
    progress.textContent = '';
  }

  async function copyCodes() {
    if (!receipt?.queryCode) return;
    const text = `受理编号：${receipt.trackingNumber}\n查询码：${receipt.queryCode}`;
    const result = $('copy-result');
    try {
      await navigator.clipboard.writeText(text);
      result.textContent = '已复制，请粘贴保存到安全的地方。';
    } catch {
      const range = document.createRange();
      range.selectNodeContents($('receipt-code'));
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      let copied = false;
      try {
        copied = document.execCommand('copy');
      } catch {
        copied = false;
      }
      result.textContent = copied ? '已复制查询码，请粘贴保存到安全的地方。' : '无法自动复制，查询码已选中，请长按复制或手动抄写。';
    }
  }

  form.elements.anonymous.forEach(radio => radio.addEventListener('change', () => {
    contact.hidden = anonymous();
    if (contact.hidden) {
      for (const id of ['contact-error', 'contact.name-error', 'contact.phone-error', 'contact.email-error']) hide($(id));
    }
  }));
  description.addEventListener('input', updateCounter);
  fileInput.addEventListener('change', () => {
    files = files.concat([...fileInput.files]);
    fileInput.value = '';
    renderFiles();
  });

  let sending = false;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (sending) return;
    clearErrors(form, alertNode);
    if (!check()) return;
    sending = true;
    submit.disabled = true;
    submit.textContent = '正在提交…';
    progress.textContent = files.length ? '正在上传附件并提交，请稍候…' : '正在提交，请稍候…';
    const report = reportOf();
    const sent = files.slice();
    try {
      const { status, body } = await submitReport(report, sent, idempotencyKey, limitsText());
      progress.textContent = '';
      showReceipt(body, report, sent, status === 200);
    } catch (error) {
      progress.textContent = '';
      showFailure(form, alertNode, error instanceof ApiError ? error : new ApiError(0, '提交失败，请稍后重试。'));
    } finally {
      sending = false;
      submit.disabled = false;
      submit.textContent = '提交反映';
    }
  });

  $('copy-codes').addEventListener('click', copyCodes);
  $('receipt-new').addEventListener('click', () => {
    resetForm();
    description.focus();
  });
  $('receipt-follow').addEventListener('click', () => {
    const { trackingNumber, queryCode } = receipt ?? {};
    onFollow(trackingNumber, queryCode);
  });

  updateCounter();

  return {
    /** Applies GET /public/api/form: departments, limits, the reply time. */
    configure(formData) {
      limits = formData.limits ?? null;
      replyWithinWorkingDays = formData.replyWithinWorkingDays ?? null;
      for (const { id, name } of formData.departments ?? []) {
        const option = element('option', name);
        option.value = id;
        department.append(option);
      }
      const allowed = limits?.allowedTypes ?? [];
      if (allowed.length) {
        const extensions = Object.entries(EXTENSION_TYPES).filter(([, t]) => allowed.includes(t)).map(([e]) => `.${e}`);
        fileInput.accept = [...allowed, ...extensions].join(',');
      }
      const hint = [allowed.length ? `可上传${typeNames(allowed)}` : '', limitsText()].filter(Boolean).join('；');
      $('attachments-hint').textContent = hint ? `${hint}（选填）` : '选填';
      updateCounter();
    },
  };
}
