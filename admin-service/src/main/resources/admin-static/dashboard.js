// 정산 대시보드: daily and monthly settlement charts (Chart.js from WebJars). The numbers come from
// GET /finance/charts as JSON; nothing is inlined into the page (the CSP is default-src 'self').
'use strict';

(function () {
  const SERIES = [
    ['gross', '결제금액', '#3182f6'],
    ['refunds', '취소금액', '#f04452'],
    ['fees', '수수료', '#ff9f1c'],
    ['vat', '부가세', '#8b5cf6'],
    ['net', '정산금액', '#0a7a3f'],
  ];
  const won = (v) => Number(v).toLocaleString('ko-KR') + '원';

  function draw(canvas, data, type) {
    if (!canvas || !window.Chart) return;
    new window.Chart(canvas, {
      type: type,
      data: {
        labels: data.labels,
        datasets: SERIES.map(([key, label, color]) => ({
          label: label, data: data[key], borderColor: color, backgroundColor: color + '66', tension: 0.2,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        interaction: { mode: 'index', intersect: false },
        scales: { y: { ticks: { callback: (v) => won(v) } } },
        plugins: { tooltip: { callbacks: { label: (c) => c.dataset.label + ': ' + won(c.parsed.y) } } },
      },
    });
  }

  async function init() {
    const daily = document.getElementById('daily-chart');
    if (!daily) return;
    const error = document.getElementById('chart-error');
    try {
      const response = await fetch(daily.dataset.src, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      const body = await response.json();
      if (!response.ok) throw new Error((body && body.detail) || ('HTTP ' + response.status));
      draw(daily, body.daily, 'line');
      draw(document.getElementById('monthly-chart'), body.monthly, 'bar');
      document.body.dataset.chartsReady = 'true';
    } catch (e) {
      error.textContent = '차트를 그릴 수 없습니다: ' + e.message;
      error.hidden = false;
      document.body.dataset.chartsReady = 'error';
    }
  }

  document.addEventListener('DOMContentLoaded', init);
})();
