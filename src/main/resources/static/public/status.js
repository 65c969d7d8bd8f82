// 查询进度 and 评价: the reporter's view of a problem by tracking number and query code, and the rating once it is
// closed. Everything the server sends is shown with textContent.
import { ApiError, loadStatus, rate } from './api.js';
import { $, clearErrors, element, formatWhen, hide, show, showFailure } from './dom.js';

const SCORE_TEXT = { 1: '很不满意', 2: '不满意', 3: '一般', 4: '满意', 5: '很满意' };

export function setUpStatus() {
  const form = $('status-form');
  const alertNode = $('status-error');
  const numberInput = $('tracking-number');
  const codeInput = $('query-code');
  const progress = $('progress');
  const ratingForm = $('rating-form');
  const ratingAlert = $('rating-error');
  const stars = [...ratingForm.querySelectorAll('.star-choices label')];
  // kept in memory only: the query code is never written to the address, storage or cookies
  let current = null;
  let maxCommentLength = null;

  function litUpTo(score) {
    stars.forEach((label, index) => label.classList.toggle('lit', index < score));
    $('score-text').textContent = score ? `${score} 星：${SCORE_TEXT[score]}` : '';
  }

  function selectedScore() {
    const checked = ratingForm.querySelector('input[name="score"]:checked');
    return checked ? Number(checked.value) : 0;
  }

  function render(status) {
    $('progress-number').textContent = status.trackingNumber ?? current.trackingNumber;
    const merged = $('progress-merged');
    if (status.mergedInto) {
      show(merged, `您反映的问题与 ${status.mergedInto} 反映的是同一问题，已合并办理。以下是合并后问题的进度。`);
    } else {
      hide(merged);
    }
    $('progress-stage').textContent = status.stageLabel ?? status.stage ?? '';
    $('progress-received').textContent = formatWhen(status.receivedAt) || '—';
    $('progress-reply-due').textContent = status.replyDueBy ? `${formatWhen(status.replyDueBy)} 前` : '—';
    $('progress-deadline').textContent = status.deadline ? `${formatWhen(status.deadline)} 前` : '暂未确定';
    const replies = Array.isArray(status.replies) ? status.replies : [];
    $('progress-replies').replaceChildren(...replies.map(reply => {
      const item = element('li');
      const time = element('time', formatWhen(reply.at));
      if (reply.at) time.dateTime = reply.at;
      item.append(time, element('p', reply.text));
      return item;
    }));
    $('progress-no-replies').hidden = replies.length > 0;

    const rating = status.rating;
    if (rating) {
      $('rating-done-stars').textContent = '★'.repeat(rating.score) + '☆'.repeat(Math.max(0, 5 - rating.score));
      $('rating-done-score').textContent = `${rating.score} 星：${SCORE_TEXT[rating.score] ?? ''}`;
      $('rating-done-comment').textContent = rating.comment ?? '';
      $('rating-done-at').textContent = rating.ratedAt ? `评价时间：${formatWhen(rating.ratedAt)}` : '';
      show($('rating-done'));
    } else {
      hide($('rating-done'));
    }
    if (status.canRate && !rating) {
      show(ratingForm);
    } else {
      hide(ratingForm);
    }
    show(progress);
  }

  async function query({ focus = true } = {}) {
    clearErrors(form, alertNode);
    const trackingNumber = numberInput.value.trim().toUpperCase();
    const queryCode = codeInput.value.trim().toUpperCase();
    const errors = [];
    if (!trackingNumber) errors.push({ field: 'tracking-number', message: '请填写受理编号。' });
    if (!queryCode) errors.push({ field: 'query-code', message: '请填写查询码。' });
    if (errors.length) {
      hide(progress);
      showFailure(form, alertNode, new ApiError(400, '请填写受理编号和查询码。', errors));
      return;
    }
    const button = $('submit-status');
    button.disabled = true;
    $('refresh-status').disabled = true;
    try {
      const status = await loadStatus(trackingNumber, queryCode);
      current = { trackingNumber, queryCode };
      render(status);
      if (focus) progress.focus();
    } catch (error) {
      hide(progress);
      current = null;
      showFailure(form, alertNode, error instanceof ApiError ? error : new ApiError(0, '查询失败，请稍后重试。'));
    } finally {
      button.disabled = false;
      $('refresh-status').disabled = false;
    }
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    query();
  });
  $('refresh-status').addEventListener('click', () => query({ focus: false }));

  for (const input of ratingForm.querySelectorAll('input[name="score"]')) {
    input.addEventListener('change', () => litUpTo(selectedScore()));
  }
  stars.forEach((label, index) => {
    label.addEventListener('pointerenter', () => litUpTo(index + 1));
    label.addEventListener('pointerleave', () => litUpTo(selectedScore()));
  });

  let sending = false;
  ratingForm.addEventListener('submit', async event => {
    event.preventDefault();
    if (sending || !current) return;
    clearErrors(ratingForm, ratingAlert);
    const score = selectedScore();
    const comment = $('rating-comment').value.trim();
    if (!score) {
      showFailure(ratingForm, ratingAlert, new ApiError(400, '请选择 1 至 5 星。', [{ field: 'score', message: '请点选星级。' }]));
      return;
    }
    if (maxCommentLength && [...comment].length > maxCommentLength) {
      showFailure(ratingForm, ratingAlert, new ApiError(400, '请按提示修改后再提交。',
        [{ field: 'comment', message: `意见和建议不能超过 ${maxCommentLength} 字。` }]));
      return;
    }
    sending = true;
    const button = $('submit-rating');
    button.disabled = true;
    try {
      await rate(current.trackingNumber, current.queryCode, score, comment);
      ratingForm.reset();
      litUpTo(0);
      await query({ focus: false });
      $('rating-done').focus?.();
    } catch (error) {
      showFailure(ratingForm, ratingAlert, error instanceof ApiError ? error : new ApiError(0, '评价提交失败，请稍后重试。'));
    } finally {
      sending = false;
      button.disabled = false;
    }
  });

  return {
    /** Applies the limits of GET /public/api/form. */
    configure(formData) {
      maxCommentLength = formData.limits?.maxCommentLength ?? null;
      if (maxCommentLength) $('comment-hint').textContent = `选填，不超过 ${maxCommentLength} 字。`;
    },
    /** Opens the progress of a problem just reported, with its number and code filled in. */
    follow(trackingNumber, queryCode) {
      numberInput.value = trackingNumber ?? '';
      codeInput.value = queryCode ?? '';
      if (trackingNumber && queryCode) query();
    },
  };
}
