// Calls to /public/api. Every failure becomes an ApiError carrying a Chinese message for the reporter and the
// field errors the server named; texts from the server are only ever shown with textContent.

const API = new URL('api/', document.baseURI.replace(/[^/]*$/, '')).pathname;

export class ApiError extends Error {
  constructor(status, message, errors = [], retryAfter = null) {
    super(message);
    this.status = status;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }
}

const hasChinese = text => typeof text === 'string' && /[\u3400-\u9fff]/.test(text);

function waitText(seconds) {
  if (!Number.isFinite(seconds) || seconds <= 0) return '稍后';
  if (seconds < 60) return `${Math.ceil(seconds)} 秒后`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} 分钟后`;
  return `${Math.ceil(seconds / 3600)} 小时后`;
}

/** The reporter-facing reason of a failed call: the server's own Chinese message where it gave one. */
function failure(response, body, limitsText) {
  const status = response.status;
  const errors = Array.isArray(body?.errors) ? body.errors.filter(e => e && typeof e.message === 'string') : [];
  const said = hasChinese(body?.message) ? body.message : null;
  switch (status) {
    case 400:
      return new ApiError(status, said ?? '提交的内容有误，请按提示修改后再提交。', errors);
    case 404:
      return new ApiError(status, said ?? '没有找到这件反映，请核对受理编号和查询码。', errors);
    case 409:
      return new ApiError(status, said ?? '当前不能进行此操作，请刷新后再试。', errors);
    case 413:
      return new ApiError(status, said ?? `附件太大或数量太多，未能提交。${limitsText ?? ''}请删减附件后重试。`, errors);
    case 415:
      return new ApiError(status, said ?? '附件类型不受支持，未能提交。请只上传允许的照片或文档格式。', errors);
    case 429: {
      const seconds = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
      const retryAfter = Number.isFinite(seconds) ? seconds : null;
      const wait = `提交过于频繁，请${waitText(retryAfter)}再试。`;
      return new ApiError(status, said ? `${said}（${wait}）` : wait, errors, retryAfter);
    }
    default:
      if (status >= 500) {
        return new ApiError(status, '服务器暂时无法处理，请稍后重试。重复提交同一份反映不会重复受理。', errors);
      }
      return new ApiError(status, said ?? `请求未能完成（${status}），请稍后重试。`, errors);
  }
}

async function call(path, options = {}, limitsText = null) {
  let response;
  try {
    response = await fetch(API + path, {
      credentials: 'same-origin',
      cache: 'no-store',
      ...options,
      headers: { Accept: 'application/json', ...(options.headers ?? {}) },
    });
  } catch {
    throw new ApiError(0, '网络连接失败，请检查网络后重试。重复提交同一份反映不会重复受理。');
  }
  let body = null;
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = null;
    }
  }
  if (!response.ok) throw failure(response, body, limitsText);
  return { status: response.status, body };
}

export async function loadForm() {
  return (await call('form')).body;
}

/** Sends a report; the same idempotency key always yields the same tracking number. */
export async function submitReport(report, files, idempotencyKey, limitsText) {
  const data = new FormData();
  data.append('report', new Blob([JSON.stringify(report)], { type: 'application/json' }));
  for (const file of files) data.append('attachments', file, file.name);
  return call('reports', { method: 'POST', body: data, headers: { 'Idempotency-Key': idempotencyKey } }, limitsText);
}

export async function loadStatus(trackingNumber, queryCode) {
  return (await call(`reports/${encodeURIComponent(trackingNumber)}`, { headers: { 'X-Query-Code': queryCode } })).body;
}

export async function rate(trackingNumber, queryCode, score, comment) {
  return call(`reports/${encodeURIComponent(trackingNumber)}/rating`, {
    method: 'POST',
    headers: { 'X-Query-Code': queryCode, 'Content-Type': 'application/json' },
    body: JSON.stringify({ score, comment }),
  });
}
