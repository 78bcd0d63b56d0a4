package com.acme.shop.admin.payment;

import com.acme.shop.admin.downstream.PaymentApi;
import com.acme.shop.admin.OrderIds;
import com.acme.shop.admin.audit.AuditAction;
import com.acme.shop.admin.audit.AuditEntry;
import com.acme.shop.admin.audit.AuditTrail;
import com.acme.shop.admin.downstream.ServiceClient;
import com.acme.shop.admin.downstream.SettlementApi;
import com.acme.shop.admin.page.ConsolePage;
import com.acme.shop.admin.timeline.TimelineQueries;
import com.acme.shop.platform.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 결제 상세: Toss's facts about one payment, its refunds, its timeline across services, and the operator's actions on
 * it: the manual refund (form, confirmation, refund) and the re-check with Toss. Every action is audited with the
 * payment as payment-service reported it before and after.
 */
@Controller
class PaymentDetailController implements ConsolePage {

    /** While any of these is in play the activity part of the page refreshes itself. */
    private static final Set<String> PENDING = Set.of("REQUESTED", "RETRYING", "IN_PROGRESS", "OUTCOME_UNKNOWN");
    private static final Set<String> RECHECKABLE = Set.of("MANUAL_REVIEW", "OUTCOME_UNKNOWN", "IN_PROGRESS");

    private final PaymentApi payments;
    private final SettlementApi settlement;
    private final TimelineQueries timelines;
    private final AuditTrail audit;

    PaymentDetailController(PaymentApi payments, SettlementApi settlement, TimelineQueries timelines, AuditTrail audit) {
        this.payments = payments;
        this.settlement = settlement;
        this.timelines = timelines;
        this.audit = audit;
    }

    @GetMapping("/payments/{orderId}")
    String detail(@PathVariable String orderId, Model model) {
        PaymentApi.Details details = payments.details(checked(orderId));
        model.addAttribute("d", details);
        model.addAttribute("p", details.payment());
        model.addAttribute("statusLabel", PaymentQuery.statusLabel(details.payment().status()));
        model.addAttribute("reasons", RefundForm.REASONS);
        // fixed now, sent back with the form: a double click or a resubmit asks for this same refund again
        model.addAttribute("requestId", UUID.randomUUID().toString());
        model.addAttribute("refundable", details.cancelableAmount() > 0);
        model.addAttribute("recheckable", RECHECKABLE.contains(details.payment().status()));
        activity(orderId, details, model);
        return "payments/detail";
    }

    /** The refunds, the timeline and the audit of the payment, for the page to refresh after an action. */
    @GetMapping("/payments/{orderId}/activity")
    String activity(@PathVariable String orderId, Model model) {
        PaymentApi.Details details = payments.details(checked(orderId));
        model.addAttribute("d", details);
        model.addAttribute("p", details.payment());
        activity(orderId, details, model);
        return "payments/detail :: activity";
    }

    private void activity(String orderId, PaymentApi.Details details, Model model) {
        TimelineQueries.SagaTimeline saga = timelines.find(orderId).orElse(null);
        SettlementApi.PaymentSettlement booked = null;
        String settlementError = null;
        try {
            booked = settlement.ofPayment(orderId).orElse(null);
        } catch (ApiException e) {
            settlementError = e.getMessage();
        }
        List<AuditEntry> audited = audit.ofTarget(orderId, 100);
        model.addAttribute("saga", saga);
        model.addAttribute("settlement", booked);
        model.addAttribute("settlementError", settlementError);
        model.addAttribute("audited", audited);
        model.addAttribute("activities", Activity.merge(details, saga, booked, audited));
        model.addAttribute("pending", PENDING.contains(details.payment().status())
                || details.refunds().stream().anyMatch(r -> PENDING.contains(r.status()))
                || sagaBehind(details, saga));
    }

    /**
     * True while the saga read model has fewer cancels than payment-service has completed: PAYMENT_CANCELED is on its
     * way over Kafka, and the page keeps refreshing until the timeline shows it.
     */
    private static boolean sagaBehind(PaymentApi.Details details, TimelineQueries.SagaTimeline saga) {
        long succeeded = details.refunds().stream().filter(r -> "SUCCEEDED".equals(r.status())).count();
        long recorded = saga == null ? 0
                : saga.steps().stream().filter(s -> "PAYMENT_CANCELED".equals(s.eventType())).count();
        return recorded < succeeded;
    }

    /** Step one of a refund: the form checked and shown back for confirmation. Changes nothing. */
    @PostMapping("/payments/{orderId}/refund-confirmation")
    String confirmRefund(@PathVariable String orderId, @RequestParam MultiValueMap<String, String> form, Model model) {
        PaymentApi.Details details = payments.details(checked(orderId));
        RefundForm refund = RefundForm.parse(form, details.cancelableAmount(), details.refundAccountRequired());
        if (refund.amount() > details.cancelableAmount()) {
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "REFUND_EXCEEDS_CANCELABLE",
                    "환불 가능 금액을 초과했습니다 (남은 금액 " + com.acme.shop.admin.Korean.won(details.cancelableAmount()) + ")",
                    Map.of("cancelableAmount", details.cancelableAmount()));
        }
        model.addAttribute("p", details.payment());
        model.addAttribute("refund", refund);
        model.addAttribute("cancelableAmount", details.cancelableAmount());
        return "payments/detail :: refund-confirmation";
    }

    /** Step two: the refund, as payment-service takes it (202 accepted, or 200 when this request id was sent before). */
    @PostMapping("/payments/{orderId}/refunds")
    String refund(@PathVariable String orderId, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response) {
        String id = checked(orderId);
        String[] reason = new String[1];
        ServiceClient.Answer<PaymentApi.Refund> answer = audit.run(AuditAction.REFUND, id,
                () -> reason[0] != null ? reason[0] : shorten(form.getFirst("reasonCode")) + " " + shorten(form.getFirst("reasonText"))
                        + " (" + shorten(form.getFirst("amount")) + ")",
                () -> PaymentApi.auditState(payments.details(id)), () -> {
                    PaymentApi.Details details = payments.details(id);
                    RefundForm refund = RefundForm.parse(form, details.cancelableAmount(), details.refundAccountRequired());
                    reason[0] = refund.amountText() + " · " + refund.reason();
                    return payments.refund(id, refund.requestId(), refund.amount(), refund.reason(), refund.account());
                }, a -> Map.of("refund", a.body(), "duplicate", a.status() == 200,
                        "payment", PaymentApi.auditState(payments.details(id))));
        model.addAttribute("refund", answer.body());
        model.addAttribute("duplicate", answer.status() == 200);
        response.setHeader("HX-Trigger", "payment-changed");
        return "payments/detail :: refund-accepted";
    }

    /** "토스에서 다시 확인": payment-service asks Toss now and settles the payment as Toss has it. */
    @PostMapping("/payments/{orderId}/recheck")
    String recheck(@PathVariable String orderId, Model model, HttpServletResponse response) {
        String id = checked(orderId);
        PaymentApi.Recheck result = audit.run(AuditAction.RECHECK, id, "토스에서 다시 확인",
                () -> PaymentApi.auditState(payments.details(id)), () -> payments.recheck(id),
                r -> Map.of("changed", r.changed(), "outcome", String.valueOf(r.outcome()),
                        "status", r.payment() == null ? "-" : r.payment().status()));
        model.addAttribute("recheck", result);
        response.setHeader("HX-Trigger", "payment-changed");
        return "payments/detail :: recheck-result";
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() <= 200 ? text : text.substring(0, 200);
    }

    static String checked(String orderId) {
        if (orderId == null || !orderId.matches(OrderIds.PATTERN)) {
            throw ApiException.badRequest("VALIDATION_FAILED", "주문번호는 영문, 숫자, -, _ 6~64자입니다");
        }
        return orderId;
    }
}
