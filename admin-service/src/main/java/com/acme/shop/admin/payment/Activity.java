package com.acme.shop.admin.payment;

import com.acme.shop.admin.downstream.PaymentApi;
import com.acme.shop.admin.Korean;
import com.acme.shop.admin.audit.AuditEntry;
import com.acme.shop.admin.downstream.SettlementApi;
import com.acme.shop.admin.timeline.TimelineQueries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One line of a payment's timeline across services, as the detail page shows it: when, which source, what, and the
 * particulars. Built from the saga events admin-service recorded, payment-service's confirm and cancel attempts at
 * Toss, webhook deliveries, security events and refunds, settlement-service's ledger entries, and the console's own
 * audit log; sorted by time.
 *
 * @param source {@code 사가}, {@code 토스 요청}, {@code 웹훅}, {@code 보안}, {@code 환불}, {@code 정산}, {@code 감사}
 * @param tone   a CSS hint: ok, warn, bad or plain
 */
public record Activity(Instant at, String source, String title, String detail, String tone) {

    static List<Activity> merge(PaymentApi.Details details, TimelineQueries.SagaTimeline saga,
                                SettlementApi.PaymentSettlement settlement, List<AuditEntry> audit) {
        List<Activity> all = new ArrayList<>();
        PaymentApi.Payment p = details.payment();
        if (p.createdAt() != null) {
            all.add(new Activity(p.createdAt(), "결제", "결제 생성 (체크아웃)", Korean.won(p.amount()) + " · " + p.orderName(),
                    "plain"));
        }
        if (saga != null) {
            for (TimelineQueries.TimelineStep step : saga.steps()) {
                all.add(new Activity(step.occurredAt(), "사가", step.summary(), step.eventType() + " · " + step.service()
                        + (step.reasonCode() == null ? "" : " · " + step.reasonCode()),
                        step.outcome().name().equals("FAILED") ? "bad" : "ok"));
            }
        }
        for (PaymentApi.PgRequest r : details.pgRequests()) {
            String kind = "CONFIRM".equals(r.kind()) ? "승인 요청" : "취소 요청";
            all.add(new Activity(r.createdAt(), "토스 요청", kind + " #" + r.attempt() + " → " + r.outcome(),
                    "HTTP " + (r.httpStatus() == null ? "-" : r.httpStatus())
                            + (r.errorCode() == null ? "" : " · " + r.errorCode()) + " · 키 " + r.idempotencyKey(),
                    r.errorCode() == null ? "plain" : "warn"));
        }
        for (PaymentApi.Webhook w : details.webhooks()) {
            all.add(new Activity(w.receivedAt(), "웹훅", "웹훅 " + w.eventType() + " 수신 (" + w.state() + ")",
                    "#" + w.id() + " · 주장 상태 " + w.claimedStatus() + (w.outcome() == null ? "" : " · " + w.outcome()),
                    "REFUSED".equals(w.state()) || "FAILED".equals(w.state()) ? "warn" : "plain"));
        }
        for (PaymentApi.SecurityEvent e : details.securityEvents()) {
            all.add(new Activity(e.createdAt(), "보안", "보안 이벤트 " + e.kind(), e.detail() + " · " + e.remoteAddr(), "bad"));
        }
        for (PaymentApi.Refund r : details.refunds()) {
            all.add(new Activity(r.createdAt(), "환불", "환불 요청 " + Korean.won(r.requestedAmount()) + " (" + r.cause() + ")",
                    r.reason() + (r.requestedBy() == null ? "" : " · " + r.requestedBy()) + " · " + r.requestId(), "plain"));
            if (r.completedAt() != null) {
                all.add(new Activity(r.completedAt(), "환불", "환불 " + r.status() + " " + Korean.won(r.requestedAmount()),
                        (r.transactionKey() == null ? "" : "거래키 " + r.transactionKey())
                                + (r.lastError() == null ? "" : " · " + r.lastError()),
                        "SUCCEEDED".equals(r.status()) ? "ok" : "warn"));
            }
        }
        if (settlement != null) {
            for (SettlementApi.Entry e : settlement.entries()) {
                all.add(new Activity(e.occurredAt(), "정산", "정산 " + e.type() + " " + Korean.won(e.amount()),
                        "수수료 " + Korean.won(e.fee()) + " · 부가세 " + Korean.won(e.vat()) + " · 정산액 " + Korean.won(e.net())
                                + " · 지급예정 " + e.payoutDate(), "plain"));
            }
        }
        for (AuditEntry a : audit) {
            all.add(new Activity(a.occurredAt(), "감사", a.action().label() + " " + a.outcome().label() + " · " + a.username(),
                    (a.reason() == null ? "" : a.reason()) + (a.problemCode() == null ? "" : " · " + a.problemCode()),
                    a.outcome().name().equals("SUCCEEDED") ? "ok" : "warn"));
        }
        all.removeIf(a -> a.at() == null);
        all.sort(Comparator.comparing(Activity::at));
        return all;
    }
}
