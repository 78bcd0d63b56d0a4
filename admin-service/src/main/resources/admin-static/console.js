// The console's glue for htmx, loaded by every page (no inline script anywhere: the CSP is default-src 'self').
// - every htmx request carries the session's CSRF token in the header the page names (<meta name="_csrf">);
// - a refusal (4xx/5xx problem+json) is shown next to the form or button that sent it, in the Korean `detail` the
//   server wrote, with its stable code; never as HTML, always as text;
// - small form behaviours: the refund form's partial amount and 기타 reason.
'use strict';

(function () {
  function csrf() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header && token.content ? { name: header.content, value: token.content } : null;
  }

  // Where a problem of this element is shown: the nearest [data-problem] inside its form or section, else the page's.
  function problemSlot(elt) {
    const scope = elt && elt.closest ? elt.closest('[data-problem-scope], form, section') : null;
    const own = scope ? scope.querySelector('[data-problem]') : null;
    return own || document.getElementById('problem');
  }

  function show(slot, message, code) {
    if (!slot) return;
    slot.textContent = message || '';
    slot.hidden = !message;
    if (code) slot.dataset.code = code; else delete slot.dataset.code;
  }

  function problemOf(xhr) {
    let body = null;
    try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
    if (body && typeof body === 'object') {
      return { message: (body.detail || '요청이 거절되었습니다') + (body.code ? ' [' + body.code + ']' : ''), code: body.code };
    }
    if (xhr.status === 403) return { message: '권한이 없습니다 [ACCESS_DENIED]', code: 'ACCESS_DENIED' };
    return { message: '요청이 실패했습니다 (HTTP ' + xhr.status + ')', code: null };
  }

  document.addEventListener('htmx:configRequest', function (event) {
    const token = csrf();
    if (token) event.detail.headers[token.name] = token.value;
  });

  document.addEventListener('htmx:beforeRequest', function (event) {
    const slot = problemSlot(event.detail.elt);
    if (slot && slot.id !== 'problem') show(slot, null, null);
  });

  document.addEventListener('htmx:responseError', function (event) {
    const xhr = event.detail.xhr;
    if (xhr.status === 401 && !xhr.getResponseHeader('HX-Redirect')) {
      location.assign('/login?expired');
      return;
    }
    const problem = problemOf(xhr);
    show(problemSlot(event.detail.elt), problem.message, problem.code);
  });

  document.addEventListener('htmx:sendError', function (event) {
    show(problemSlot(event.detail.elt), 'admin-service에 연결할 수 없습니다. 잠시 후 다시 시도하세요.', 'NETWORK');
  });

  // <input data-enabled-by="name=value">: enabled (and required) only while that radio/select has that value
  function syncEnabled(root) {
    (root || document).querySelectorAll('[data-enabled-by]').forEach(function (input) {
      const [name, value] = input.dataset.enabledBy.split('=');
      const form = input.form || input.closest('form');
      if (!form) return;
      const field = form.elements[name];
      const current = field ? (field.value !== undefined ? field.value : '') : '';
      const on = current === value;
      input.disabled = !on;
      input.required = on && input.dataset.requiredWhenEnabled === 'true';
    });
  }

  document.addEventListener('change', function (event) {
    if (event.target.form) syncEnabled(event.target.form);
  });
  document.addEventListener('htmx:afterSwap', function (event) { syncEnabled(event.detail.target); });
  document.addEventListener('DOMContentLoaded', function () { syncEnabled(document); });
})();
