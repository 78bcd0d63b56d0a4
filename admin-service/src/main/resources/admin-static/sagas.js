// 사가/데드레터 page of the console: recent sagas (refreshed every 3 s), dead letters with a replay button, search by orderId,
// and one order's detail (saga timeline + what payment, order and settlement services say). Plain DOM, no external scripts.
// Every value from the server is written with textContent, never as HTML.
// The page is served to signed-in operators only. Every state-changing call (POST) carries the session's CSRF token
// in the header the page names (<meta name="_csrf"> / <meta name="_csrf_header">, X-CSRF-TOKEN); a 401 means the
// session ran out (30 minutes idle), and the page goes back to the sign-in page.
'use strict';

const REFRESH_MS = 3000;
const ORDER_ID = /^[A-Za-z0-9_-]{6,64}$/;
const STATUS_LABELS = {
  APPROVED: '결제 승인 (주문 대기)',
  COMPLETED: '주문 완료',
  COMPENSATING: '보상 중 (환불 대기)',
  COMPENSATED: '보상 완료 (환불됨)',
  REFUNDED: '전액 환불',
  PARTIALLY_REFUNDED: '부분 환불',
};
const SERVICE_LABELS = { 'payment-service': '결제', 'order-service': '주문', 'settlement-service': '정산' };
// yyyy-MM-dd HH:mm:ss in Korean time, as everywhere in the console (the sv-SE locale writes ISO-like dates)
const timeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

const $ = (id) => document.getElementById(id);
let selectedOrderId = null;
let refreshTimer = null;

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function won(amount) {
  return typeof amount === 'number' ? amount.toLocaleString('ko-KR') + '원' : '-';
}

const shortTimeFormat = timeFormat;

function kstShort(instant) {
  const date = new Date(instant);
  return !instant || isNaN(date) ? '-' : shortTimeFormat.format(date);
}

function kst(instant) {
  if (!instant) return '-';
  const date = new Date(instant);
  return isNaN(date) ? String(instant) : timeFormat.format(date);
}

function badge(status) {
  return el('span', STATUS_LABELS[status] || status || '-', 'badge ' + (status || ''));
}

// The CSRF token of this page's session, as the header Spring Security reads it.
function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header && token.content ? { [header.content]: token.content } : {};
}

// The session ended (timeout or logout elsewhere): sign in again, then come back here.
function signInAgainIfSessionEnded(status) {
  if (status === 401) {
    location.assign('login?expired');
    return true;
  }
  return false;
}

function showError(node, message) {
  node.textContent = message || '';
  node.hidden = !message;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  signInAgainIfSessionEnded(response.status);
  let body = null;
  try { body = await response.json(); } catch (e) { /* not JSON */ }
  return { status: response.status, ok: response.ok, body };
}

function problemText(result) {
  const body = result.body || {};
  return (body.detail || '요청 실패') + (body.code ? ' [' + body.code + ']' : '') + ' (HTTP ' + result.status + ')';
}

// ---- list ---------------------------------------------------------------------------------------

async function loadList() {
  const status = $('status-filter').value;
  const url = 'api/v1/admin/sagas?limit=50' + (status ? '&status=' + encodeURIComponent(status) : '');
  try {
    const result = await getJson(url);
    if (!result.ok) { showError($('list-error'), problemText(result)); return; }
    showError($('list-error'), null);
    renderList(result.body.sagas || []);
    $('list-updated').textContent = '갱신: ' + timeFormat.format(new Date());
  } catch (e) {
    showError($('list-error'), 'admin-service에 연결할 수 없습니다: ' + e.message);
  }
}

function renderList(sagas) {
  const rows = $('saga-rows');
  rows.replaceChildren(...sagas.map((saga) => {
    const row = el('tr');
    row.dataset.orderId = saga.orderId;
    if (saga.orderId === selectedOrderId) row.classList.add('selected');
    const idCell = el('td');
    idCell.append(el('code', saga.orderId));
    const statusCell = el('td');
    statusCell.append(badge(saga.status));
    row.append(idCell, statusCell, el('td', won(saga.amount), 'num'), el('td', kstShort(saga.lastStepAt)),
      el('td', saga.stepCount, 'num'));
    row.addEventListener('click', () => openDetail(saga.orderId));
    return row;
  }));
  $('list-empty').hidden = sagas.length > 0;
}

// ---- dead letters --------------------------------------------------------------------------------

async function loadDeadLetters() {
  const status = $('dead-letter-status').value;
  const url = 'api/v1/admin/dead-letters?limit=50' + (status ? '&status=' + encodeURIComponent(status) : '');
  try {
    const result = await getJson(url);
    if (!result.ok) { showError($('dead-letter-error'), problemText(result)); return; }
    showError($('dead-letter-error'), null);
    renderDeadLetters(result.body.deadLetters || []);
  } catch (e) {
    showError($('dead-letter-error'), '데드레터를 불러오지 못했습니다: ' + e.message);
  }
}

function renderDeadLetters(deadLetters) {
  $('dead-letter-rows').replaceChildren(...deadLetters.map((letter) => {
    const origin = letter.origin || {};
    const cause = letter.cause || {};
    const row = el('tr');
    const keyCell = el('td');
    keyCell.append(el('code', letter.key || '-'));
    const causeCell = el('td', (cause.exceptionClass || '-').split('.').pop());
    causeCell.title = (cause.exceptionClass || '') + '\n' + (cause.message || '');
    const originText = (origin.topic || '?') + ' ' + (origin.partition ?? '?') + '@' + (origin.offset ?? '?')
      + (origin.consumerGroup ? ' · ' + origin.consumerGroup : '');
    const statusText = letter.status === 'REPLAYED'
      ? '재처리됨 ' + kstShort(letter.replayedAt) + ' (' + (letter.replayedBy || '-') + ')' : '미처리';
    const actionCell = el('td');
    if (letter.status === 'NEW' && document.body.dataset.canReplay === 'true') {
      const button = el('button', '재처리');
      button.type = 'button';
      button.addEventListener('click', () => replayDeadLetter(letter.id, button));
      actionCell.append(button);
    }
    row.append(el('td', letter.id, 'num'), el('td', kstShort(letter.receivedAt)), el('td', originText), keyCell,
      causeCell, el('td', statusText), actionCell);
    return row;
  }));
  $('dead-letter-empty').hidden = deadLetters.length > 0;
}

// Who replays is the signed-in operator (the server records the session's username); no body.
async function replayDeadLetter(id, button) {
  if (!confirm('데드레터 #' + id + '를 원래 토픽으로 다시 보낼까요?')) return;
  button.disabled = true;
  try {
    const response = await fetch('api/v1/admin/dead-letters/' + encodeURIComponent(id) + '/replay', {
      method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json', ...csrfHeaders() },
    });
    if (signInAgainIfSessionEnded(response.status)) return;
    let body = null;
    try { body = await response.json(); } catch (e) { /* not JSON */ }
    if (!response.ok) {
      showError($('dead-letter-error'), problemText({ status: response.status, body }));
    } else {
      showError($('dead-letter-error'), null);
      const note = $('dead-letter-result');
      note.textContent = '#' + id + ' 재처리 완료: ' + body.origin.topic + '로 다시 보냈습니다.';
      note.hidden = false;
    }
  } catch (e) {
    showError($('dead-letter-error'), '재처리 요청 실패: ' + e.message);
  } finally {
    button.disabled = false;
    loadDeadLetters();
  }
}

// ---- detail -------------------------------------------------------------------------------------

async function openDetail(orderId) {
  selectedOrderId = orderId;
  // A link to the detail (#order=...) that operators can share.
  history.replaceState(null, '', '#order=' + encodeURIComponent(orderId));
  document.querySelector('main').classList.add('with-detail');
  $('detail-panel').hidden = false;
  $('detail-order-id').textContent = orderId;
  $('detail-link').href = 'payments/' + encodeURIComponent(orderId);
  for (const row of $('saga-rows').children) row.classList.toggle('selected', row.dataset.orderId === orderId);
  await Promise.all([loadTimeline(orderId), loadOverview(orderId)]);
}

async function loadTimeline(orderId) {
  try {
    const result = await getJson('api/v1/admin/sagas/' + encodeURIComponent(orderId));
    if (orderId !== selectedOrderId) return;
    if (result.status === 404) {
      $('detail-status').replaceChildren();
      $('timeline').replaceChildren();
      showError($('timeline-error'), '이 주문의 사가 이벤트가 아직 없습니다.');
      return;
    }
    if (!result.ok) { showError($('timeline-error'), problemText(result)); return; }
    showError($('timeline-error'), null);
    $('detail-status').replaceChildren(badge(result.body.status));
    $('timeline').replaceChildren(...result.body.steps.map((step) => {
      const item = el('li', null, step.service);
      item.append(el('div', step.summary),
        el('div', kst(step.occurredAt) + ' · ' + (SERVICE_LABELS[step.service] || step.service) + ' · ' + step.eventType
          + ' · ' + (step.outcome || '-') + (step.reasonCode ? ' (' + step.reasonCode + ')' : ''), 'meta'));
      return item;
    }));
  } catch (e) {
    showError($('timeline-error'), '타임라인을 불러오지 못했습니다: ' + e.message);
  }
}

async function loadOverview(orderId) {
  try {
    const result = await getJson('api/v1/admin/orders/' + encodeURIComponent(orderId) + '/overview');
    if (orderId !== selectedOrderId) return;
    if (!result.ok) { showError($('overview-error'), problemText(result)); return; }
    showError($('overview-error'), null);
    const overview = result.body;
    const errors = overview.errors || {};
    renderCard('card-payment', overview.payment, errors['payment-service'], paymentFacts);
    renderCard('card-order', overview.order, errors['order-service'], orderFacts);
    renderCard('card-settlement', overview.settlement, errors['settlement-service'], settlementFacts);
  } catch (e) {
    showError($('overview-error'), '서비스 현황을 불러오지 못했습니다: ' + e.message);
  }
}

// The other services' response shapes may grow; read the fields defensively and always offer the raw JSON.
function pick(object, ...names) {
  for (const name of names) if (object && object[name] !== undefined && object[name] !== null) return object[name];
  return undefined;
}

function paymentFacts(payment) {
  return [
    ['상태', pick(payment, 'status')],
    ['결제 금액', won(pick(payment, 'totalAmount', 'amount'))],
    ['잔액', won(pick(payment, 'balanceAmount'))],
    ['결제 수단', pick(payment, 'method')],
    ['승인 시각', kst(pick(payment, 'approvedAt'))],
    ['paymentKey', pick(payment, 'paymentKey')],
  ];
}

function orderFacts(order) {
  return [
    ['상태', pick(order, 'status')],
    ['주문 금액', won(pick(order, 'totalAmount', 'amount'))],
    ['고객', pick(order, 'customerId')],
    ['생성 시각', kst(pick(order, 'createdAt'))],
  ];
}

function settlementFacts(settlement) {
  return [
    ['상태', pick(settlement, 'status')],
    ['매출(총액)', won(pick(settlement, 'grossAmount', 'gross', 'totalGrossAmount'))],
    ['수수료', won(pick(settlement, 'feeAmount', 'fee', 'totalFeeAmount'))],
    ['정산액(순액)', won(pick(settlement, 'netAmount', 'net', 'totalNetAmount'))],
    ['지급 예정일', pick(settlement, 'payoutDate', 'soldDate')],
  ];
}

function renderCard(id, data, error, facts) {
  const card = $(id);
  const list = card.querySelector('dl');
  const items = card.querySelector('ul.items');
  showError(card.querySelector('p.error'), error ? '조회 실패: ' + error : null);
  card.querySelector('pre').textContent = data ? JSON.stringify(data, null, 2) : '';
  card.querySelector('details').hidden = !data;
  if (!data) {
    list.replaceChildren(el('dt', '결과'), el('dd', error ? '-' : '기록 없음'));
    if (items) items.replaceChildren();
    return;
  }
  list.replaceChildren(...facts(data).filter(([, value]) => value !== undefined)
    .flatMap(([label, value]) => [el('dt', label), el('dd', value)]));
  if (items) {
    const lines = Array.isArray(data.items) ? data.items : [];
    items.replaceChildren(...lines.map((line) => el('li',
      (line.productName || line.productId) + ' × ' + line.quantity
      + (typeof line.unitPrice === 'number' ? ' (' + won(line.unitPrice) + ')' : ''))));
  }
}

// ---- wiring -------------------------------------------------------------------------------------

function scheduleRefresh() {
  clearInterval(refreshTimer);
  if (!$('auto-refresh').checked) return;
  refreshTimer = setInterval(() => {
    if (document.hidden) return;
    loadList();
    loadDeadLetters();
    if (selectedOrderId) loadTimeline(selectedOrderId);
  }, REFRESH_MS);
}

function init() {
  const filter = $('status-filter');
  for (const [value, label] of Object.entries(STATUS_LABELS)) {
    const option = el('option', label);
    option.value = value;
    filter.append(option);
  }
  filter.addEventListener('change', loadList);
  $('auto-refresh').addEventListener('change', scheduleRefresh);
  $('search').addEventListener('submit', (event) => {
    event.preventDefault();
    const orderId = $('search-order-id').value.trim();
    if (!ORDER_ID.test(orderId)) return;
    openDetail(orderId);
  });
  $('detail-reload').addEventListener('click', () => selectedOrderId && openDetail(selectedOrderId));
  $('detail-close').addEventListener('click', () => {
    selectedOrderId = null;
    history.replaceState(null, '', location.pathname + location.search);
    document.querySelector('main').classList.remove('with-detail');
    $('detail-panel').hidden = true;
    for (const row of $('saga-rows').children) row.classList.remove('selected');
  });
  $('dead-letter-status').addEventListener('change', loadDeadLetters);
  loadList();
  loadDeadLetters();
  scheduleRefresh();
  const linked = decodeURIComponent(location.hash.replace(/^#order=/, ''));
  if (location.hash.startsWith('#order=') && ORDER_ID.test(linked)) openDetail(linked);
}

document.addEventListener('DOMContentLoaded', init);
