// Shared helpers of the demo storefront pages. Plain JS, no build step.
const won = (n) => (n == null ? '-' : Number(n).toLocaleString('ko-KR') + '원');

// The checkout's token opens this payment to this browser only: checkout returns it once, and confirm, fail and
// progress present it (X-Checkout-Token). Kept in sessionStorage: the tab that checked out is the tab Toss sends back.
function rememberCheckout(checkout) {
  sessionStorage.setItem('lastOrderId', checkout.orderId);
  sessionStorage.setItem('checkoutToken:' + checkout.orderId, checkout.checkoutToken);
}

function checkoutToken(orderId) {
  return orderId ? sessionStorage.getItem('checkoutToken:' + orderId) : null;
}

async function api(path, options = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (options.orderId && checkoutToken(options.orderId)) headers['X-Checkout-Token'] = checkoutToken(options.orderId);
  const { orderId, ...rest } = options;
  const response = await fetch(path, { headers, ...rest });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  return { status: response.status, ok: response.ok, body };
}

function problemText(body) {
  if (!body) return '알 수 없는 오류';
  return `${body.detail || body.title || '오류'} (${body.code || body.status})`;
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error('결제창 스크립트를 불러오지 못했습니다: ' + src));
    document.head.appendChild(s);
  });
}

const STATUS_LABELS = {
  READY: ['결제 대기', 'wait'], IN_PROGRESS: ['승인 요청 중', 'wait'], OUTCOME_UNKNOWN: ['승인 결과 확인 중', 'wait'],
  MANUAL_REVIEW: ['수동 확인 필요', 'bad'], DONE: ['결제 완료', 'ok'], ABORTED: ['결제 실패', 'bad'],
  EXPIRED: ['결제 시간 만료', 'bad'], CANCELED: ['전액 환불', 'bad'], PARTIAL_CANCELED: ['부분 환불', 'wait'],
  WAITING_FOR_DEPOSIT: ['입금 대기', 'wait'], CREATED: ['주문 생성', 'ok'], FAILED: ['주문 실패', 'bad'],
  PARTIALLY_REFUNDED: ['부분 환불', 'wait'],
};

function badge(status) {
  const [label, kind] = STATUS_LABELS[status] || [status || '대기 중', 'wait'];
  return `<span class="badge ${kind}" data-status="${status || ''}">${label}</span>`;
}

// Polls the saga's progress for an order and renders it into `target` until it reaches an end state.
async function followOrder(orderId, target) {
  const render = (p) => {
    const pay = p.payment, order = p.order, st = p.settlement;
    target.innerHTML = `
      <ul class="steps">
        <li><span>결제</span><span>${badge(pay.status)} ${won(pay.amount)}</span></li>
        ${pay.virtualAccount && pay.status === 'WAITING_FOR_DEPOSIT' ? `<li id="virtual-account"><span>입금 계좌</span>
          <span>은행 ${pay.virtualAccount.bankCode} · ${pay.virtualAccount.accountNumber} ·
          ${new Date(pay.virtualAccount.dueAt).toLocaleString('ko-KR')}까지</span></li>` : ''}
        <li><span>주문</span><span id="order-status">${order ? badge(order.status) : badge(null)}
          ${order && order.failureDetail ? ' ' + order.failureDetail : ''}</span></li>
        <li><span>정산</span><span id="settlement">${st ? `매출 ${won(st.grossAmount)} · 수수료 ${won(st.feeAmount)} · 지급 예정 ${won(st.netAmount)}` : '대기 중'}</span></li>
      </ul>
      <p><code>orderId ${pay.orderId}${pay.paymentKey ? ' · paymentKey ' + pay.paymentKey : ''}</code></p>`;
  };
  const done = (p) => {
    const pay = p.payment.status, order = p.order && p.order.status;
    if (['ABORTED', 'EXPIRED', 'MANUAL_REVIEW'].includes(pay)) return true;
    if (order === 'CREATED' && p.settlement) return true;
    return order === 'CANCELED' && pay === 'CANCELED' && p.settlement;
  };
  for (let i = 0; i < 600; i++) {
    const r = await api(`/api/v1/storefront/orders/${encodeURIComponent(orderId)}/progress`, { orderId });
    if (r.ok) {
      render(r.body);
      if (done(r.body)) return r.body;
    }
    await new Promise((res) => setTimeout(res, 1000));
  }
  return null;
}
