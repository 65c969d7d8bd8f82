// Small DOM helpers. Text only ever goes in through textContent, never as markup: reports and replies may hold
// anything, including HTML that must show as the characters it is.

export const $ = id => document.getElementById(id);

export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

export function show(node, text) {
  if (text !== undefined) node.textContent = text;
  node.hidden = false;
}

export function hide(node) {
  node.hidden = true;
}

/** Removes the field messages, the invalid marks and the form-level message of a form. */
export function clearErrors(form, alertNode) {
  for (const node of form.querySelectorAll('.field-error')) {
    node.textContent = '';
    node.hidden = true;
  }
  for (const node of form.querySelectorAll('[aria-invalid="true"]')) node.removeAttribute('aria-invalid');
  if (alertNode) hide(alertNode);
}

/** The message element of a field as the server names it: "contact.phone", "report.description", "attachments[1]". */
function errorNode(form, field) {
  if (typeof field !== 'string' || !field) return null;
  const name = field.replace(/^report\./, '').replace(/\[\d+\]/g, '');
  const candidates = [name];
  const dot = name.lastIndexOf('.');
  if (dot > 0) candidates.push(name.slice(0, dot));
  for (const candidate of candidates) {
    const node = form.querySelector(`[id="${CSS.escape(candidate)}-error"]`);
    if (node) return node;
  }
  return null;
}

/** Shows each field error next to its field; returns the messages that have no field on this form. */
export function showFieldErrors(form, errors) {
  const unplaced = [];
  let first = null;
  for (const { field, message } of errors) {
    const node = errorNode(form, field);
    if (!node) {
      unplaced.push(message);
      continue;
    }
    node.textContent = node.textContent ? `${node.textContent} ${message}` : message;
    node.hidden = false;
    const input = form.querySelector(`[aria-describedby~="${CSS.escape(node.id)}"]`);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      first ??= input.matches('fieldset') ? input.querySelector('input, select, textarea') : input;
    }
  }
  return { unplaced, first };
}

/** Shows a failure: field messages next to their fields, the rest (and the general reason) above the form. */
export function showFailure(form, alertNode, error) {
  const { unplaced, first } = showFieldErrors(form, error.errors ?? []);
  alertNode.textContent = '';
  alertNode.append(element('span', error.message));
  for (const message of unplaced) alertNode.append(element('span', message, 'alert-line'));
  alertNode.hidden = false;
  (first ?? alertNode).focus();
}

const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
});

/** "2026-03-16" as 2026年3月16日; an instant as its date and time in Beijing time. */
export function formatWhen(value) {
  if (!value) return '';
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) return `${Number(date[1])}年${Number(date[2])}月${Number(date[3])}日`;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? String(value) : shanghai.format(instant);
}

export function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}
