package com.acme.shop.admin.downstream;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** settlement-service as the console uses it (docs/console.md lists the endpoints). */
@Component
public class SettlementApi {

    private final ServiceClient settlement;

    SettlementApi(Downstreams downstreams) {
        this.settlement = downstreams.settlement();
    }

    /** Totals of one payment method on one sales date (KST), in won. */
    public record Daily(LocalDate date, String method, long count, long gross, long canceled, long fee, long vat,
                        long net) {
    }

    /** @param month {@code yyyy-MM} */
    public record Monthly(String month, String method, long count, long gross, long canceled, long fee, long vat,
                          long net) {
    }

    public record Entry(String type, String transactionKey, long amount, long fee, long vat, long net,
                        LocalDate salesDate, LocalDate payoutDate, Instant occurredAt) {
    }

    public record PaymentSettlement(String orderId, String paymentKey, String method, long grossAmount,
                                    long canceledAmount, long feeAmount, long vatAmount, long netAmount,
                                    List<Entry> entries) {

        public PaymentSettlement {
            entries = entries == null ? List.of() : entries;
        }
    }

    public record Mismatch(long id, LocalDate salesDate, String kind, String kindLabel, String status,
                           String paymentKey, String transactionKey, String orderId, String ledgerValue,
                           String tossValue, Instant firstDetectedAt, Instant lastDetectedAt, Instant resolvedAt,
                           String note, String resolvedBy) {
    }

    public record Payout(LocalDate payoutDate, long count, long netAmount) {
    }

    public record ExportJob(String id, String status, int progress, Long rows) {

        public boolean done() {
            return "DONE".equals(status);
        }

        public boolean finished() {
            return "DONE".equals(status) || "FAILED".equals(status);
        }
    }

    public List<Daily> daily(LocalDate from, LocalDate to) {
        return settlement.get(new TypeReference<List<Daily>>() {
        }, "/api/v1/settlements/daily?from={from}&to={to}", from, to);
    }

    public List<Monthly> monthly(String from, String to) {
        return settlement.get(new TypeReference<List<Monthly>>() {
        }, "/api/v1/settlements/monthly?from={from}&to={to}", from, to);
    }

    public Optional<PaymentSettlement> ofPayment(String orderId) {
        return settlement.find(PaymentSettlement.class, "/api/v1/settlements/payments/{orderId}", orderId);
    }

    public List<Mismatch> mismatches(LocalDate from, LocalDate to, String status) {
        return settlement.get(new TypeReference<List<Mismatch>>() {
        }, "/api/v1/settlements/mismatches?from={from}&to={to}&status={status}", from, to, status);
    }

    public Mismatch resolve(long id, String note) {
        return settlement.post(Mismatch.class, Map.of("note", note), "/api/v1/settlements/mismatches/{id}/resolve", id)
                .body();
    }

    public Mismatch ignore(long id, String reason) {
        return settlement.post(Mismatch.class, Map.of("reason", reason), "/api/v1/settlements/mismatches/{id}/ignore", id)
                .body();
    }

    public List<Payout> upcomingPayouts(LocalDate from, LocalDate to) {
        return settlement.get(new TypeReference<List<Payout>>() {
        }, "/api/v1/settlements/payouts/upcoming?from={from}&to={to}", from, to);
    }

    public ExportJob startExport(LocalDate from, LocalDate to) {
        return settlement.post(ExportJob.class, Map.of("from", from.toString(), "to", to.toString()),
                "/api/v1/settlements/exports").body();
    }

    public ExportJob export(String id) {
        return settlement.get(ExportJob.class, "/api/v1/settlements/exports/{id}", id);
    }

    /** settlement-service's workbook for a range of sales dates, built while it is read (the export without a job). */
    public void exportWorkbook(LocalDate from, LocalDate to, OutputStream out) {
        settlement.download(out, "/api/v1/settlements/export.xlsx?from={from}&to={to}", from, to);
    }

    public void exportFile(String id, OutputStream out) {
        settlement.download(out, "/api/v1/settlements/exports/{id}/file", id);
    }
}
