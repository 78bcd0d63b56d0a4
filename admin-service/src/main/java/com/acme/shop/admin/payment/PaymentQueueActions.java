package com.acme.shop.admin.payment;

import com.acme.shop.admin.downstream.PaymentApi;
import com.acme.shop.admin.OrderIds;
import com.acme.shop.admin.audit.AuditAction;
import com.acme.shop.admin.audit.AuditTrail;
import com.acme.shop.admin.page.ConsolePage;
import com.acme.shop.platform.web.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * The payment-service actions of the review queues: retry a parked refund now (with the customer's refund account
 * when its park reason asks for one), inspect a webhook's raw body, and re-process a refused or failed webhook. Each
 * answers an HTML fragment that replaces the queue row's action cell.
 */
@Controller
class PaymentQueueActions implements ConsolePage {

    private static final String REQUEST_ID = "[A-Za-z0-9_-]{1,80}";

    private final PaymentApi payments;
    private final AuditTrail audit;

    PaymentQueueActions(PaymentApi payments, AuditTrail audit) {
        this.payments = payments;
        this.audit = audit;
    }

    @PostMapping("/refunds/{requestId}/retry")
    String retry(@PathVariable String requestId, @RequestParam MultiValueMap<String, String> form, Model model) {
        if (!requestId.matches(REQUEST_ID)) {
            throw ApiException.badRequest("VALIDATION_FAILED", "환불 요청번호가 올바르지 않습니다");
        }
        String orderId = form.getFirst("orderId");
        if (orderId != null && !orderId.matches(OrderIds.PATTERN)) {
            throw ApiException.badRequest("VALIDATION_FAILED", "주문번호가 올바르지 않습니다");
        }
        PaymentApi.Refund refund = audit.run(AuditAction.REFUND_RETRY, requestId, "보류 환불 지금 재시도",
                () -> orderId == null ? null : PaymentApi.auditState(payments.details(orderId)),
                () -> payments.retryRefund(requestId, account(form)),
                r -> Map.of("refund", r));
        model.addAttribute("refund", refund);
        return "queues :: refund-retried";
    }

    @GetMapping("/webhooks/{id}")
    String webhook(@PathVariable String id, Model model) {
        model.addAttribute("webhook", payments.webhook(webhookId(id)));
        return "queues :: webhook-body";
    }

    @PostMapping("/webhooks/{id}/reprocess")
    String reprocess(@PathVariable String id, Model model) {
        long webhookId = webhookId(id);
        PaymentApi.Webhook webhook = audit.run(AuditAction.WEBHOOK_REPROCESS, Long.toString(webhookId), "웹훅 재처리",
                () -> stateOf(payments.webhook(webhookId)), () -> payments.reprocessWebhook(webhookId), this::stateOf);
        model.addAttribute("webhook", webhook);
        return "queues :: webhook-reprocessed";
    }

    private Map<String, Object> stateOf(PaymentApi.Webhook w) {
        return Map.of("id", w.id(), "state", String.valueOf(w.state()), "outcome", String.valueOf(w.outcome()),
                "orderId", String.valueOf(w.orderId()), "attempts", w.attempts() == null ? 0 : w.attempts());
    }

    /** The refund account when the form has one; all three fields or none. */
    static PaymentApi.RefundAccount account(MultiValueMap<String, String> form) {
        String bank = blankToNull(form.getFirst("bankCode"));
        String number = blankToNull(form.getFirst("accountNumber"));
        String holder = blankToNull(form.getFirst("holderName"));
        if (bank == null && number == null && holder == null) {
            return null;
        }
        if (bank == null || !bank.matches("[0-9A-Z]{2,3}") || number == null
                || !number.replace("-", "").matches("\\d{6,20}") || holder == null || holder.length() > 40) {
            throw ApiException.badRequest("VALIDATION_FAILED",
                    "환불 계좌는 은행 코드(예: 88), 계좌번호(숫자 6~20자리), 예금주(40자 이하)를 모두 입력하세요");
        }
        return new PaymentApi.RefundAccount(bank, number.replace("-", ""), holder);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static long webhookId(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            throw ApiException.badRequest("VALIDATION_FAILED", "웹훅 번호가 올바르지 않습니다");
        }
        return Long.parseLong(id);
    }
}
