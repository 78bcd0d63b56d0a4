/*
 * Toss Payments sandbox: a stand-in for the v1 payment-window SDK (https://js.tosspayments.com/v1/payment).
 *
 *   var tossPayments = TossPayments(clientKey);
 *   tossPayments.requestPayment('카드', { amount, orderId, orderName, customerName, successUrl, failUrl });
 *
 * requestPayment sends the browser to the sandbox's payment window. Like the real SDK it returns a Promise that never
 * resolves, because the page navigates away; it rejects only when a required parameter is missing.
 */
(function (window) {
  'use strict';

  var SANDBOX_ORIGIN = "__SANDBOX_ORIGIN__";
  var REQUIRED = ['amount', 'orderId', 'orderName', 'successUrl', 'failUrl'];
  var OPTIONAL = ['customerName'];

  function sdkError(code, message) {
    var error = new Error(message);
    error.code = code;
    return error;
  }

  function TossPayments(clientKey) {
    if (!clientKey) {
      throw sdkError('INVALID_CLIENT_KEY', '클라이언트 키가 없습니다.');
    }
    return {
      requestPayment: function (method, params) {
        params = params || {};
        var query = new URLSearchParams();
        query.set('clientKey', clientKey);
        query.set('method', method || '카드');
        for (var i = 0; i < REQUIRED.length; i++) {
          var name = REQUIRED[i];
          if (params[name] === undefined || params[name] === null || params[name] === '') {
            return Promise.reject(sdkError('INVALID_PARAMETERS', name + ' 값이 필요합니다.'));
          }
          query.set(name, String(params[name]));
        }
        for (var j = 0; j < OPTIONAL.length; j++) {
          if (params[OPTIONAL[j]]) {
            query.set(OPTIONAL[j], String(params[OPTIONAL[j]]));
          }
        }
        window.location.href = SANDBOX_ORIGIN + '/sandbox/window?' + query.toString();
        return new Promise(function () {});
      }
    };
  }

  window.TossPayments = TossPayments;
})(window);
