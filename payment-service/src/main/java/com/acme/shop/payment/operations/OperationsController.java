package com.acme.shop.payment.operations;

import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentCancel;
import com.acme.shop.payment.PaymentCancels;
import com.acme.shop.payment.PaymentNotFoundException;
import com.acme.shop.payment.PaymentStatus;
import com.acme.shop.payment.PaymentView;
import com.acme.shop.payment.Payments;
import com.acme.shop.payment.SecurityEvents;
import com.acme.shop.payment.confirm.PaymentRecheck;
import com.acme.shop.payment.gateway.PgMethod;
import com.acme.shop.payment.gateway.PgRequests;
import com.acme.shop.payment.refund.RefundView;
import com.acme.shop.payment.webhook.WebhookLog;
import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import com.acme.shop.platform.security.Operator;
import com.acme.shop.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What operators need of payments beyond one status (through admin-service, which signs them in and checks their
 * role; here the service token and the operator's name): search, everything about one payment, a re-check with Toss,
 * the queue counts and the approval statistics.
 */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "operations", description = "Operators' reads and actions on payments, through admin-service")
class OperationsController {

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final int MAX_DAYS = 366;
    private static final Pattern PAYMENT_KEY = Pattern.compile("[A-Za-z0-9_-]{1,200}");
    private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    private final PaymentSearch search;
    private final PaymentStats stats;
    private final Payments payments;
    private final PaymentCancels cancels;
    private final PgRequests pgRequests;
    private final WebhookLog webhooks;
    private final SecurityEvents securityEvents;
    private final PaymentRecheck recheck;

    OperationsController(PaymentSearch search, PaymentStats stats, Payments payments, PaymentCancels cancels,
                         PgRequests pgRequests, WebhookLog webhooks, SecurityEvents securityEvents,
                         PaymentRecheck recheck) {
        this.search = search;
        this.stats = stats;
        this.payments = payments;
        this.cancels = cancels;
        this.pgRequests = pgRequests;
        this.webhooks = webhooks;
        this.securityEvents = securityEvents;
        this.recheck = recheck;
    }

    record SearchItem(String orderId, String status, String orderName, String customerId, long amount,
                      long balanceAmount, String method, String easyPayProvider, String paymentKey, Instant createdAt,
                      Instant approvedAt) {
    }

    /** @param totalCapped more than {@code total} payments match: the count stopped there */
    record SearchResult(List<SearchItem> items, String nextCursor, long total, boolean totalCapped) {
    }

    /**
     * Payments created between two Korean dates (at most 366 days apart), or the one with an exact orderId or
     * paymentKey (then the dates are optional), narrowed by the rest; sorted by {@code createdAt} or {@code amount},
     * newest or largest first unless {@code direction=asc}; {@code cursor} is the previous page's {@code nextCursor}.
     */
    @Operation(summary = "Searches payments by KST dates, status, method, ids, customer and amount, page by page",
            description = "Dates are Korean calendar dates, at most 366 days apart (optional with an exact orderId or "
                    + "paymentKey); sorted by `createdAt` or `amount`, descending unless `direction=asc`; `cursor` is the "
                    + "previous page's `nextCursor`. `total` stops counting at a cap (`totalCapped`).")
    @Door(Caller.SERVICE)
    @ApiProblem(status = 400, codes = {"INVALID_DATE_RANGE", "INVALID_CURSOR"},
            when = "the dates are missing, reversed, outside 2000-2100 or too far apart; the cursor is not one this search gave")
    @GetMapping("/search")
    SearchResult search(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) List<String> status,
                        @RequestParam(required = false) String method,
                        @RequestParam(required = false) String orderId,
                        @RequestParam(required = false) String paymentKey,
                        @RequestParam(required = false) String customerId,
                        @RequestParam(required = false) Long minAmount,
                        @RequestParam(required = false) Long maxAmount,
                        @RequestParam(defaultValue = "createdAt") String sort,
                        @RequestParam(defaultValue = "desc") String direction,
                        @RequestParam(required = false) String cursor,
                        @RequestParam(defaultValue = "50") int limit) {
        orderId = blankToNull(orderId);
        paymentKey = blankToNull(paymentKey);
        boolean exact = orderId != null || paymentKey != null;
        LocalDate fromDate = date("from", from, !exact);
        LocalDate toDate = date("to", to, !exact);
        if (fromDate != null && toDate != null) {
            checkRange(fromDate, toDate);
        } else if (fromDate != null || toDate != null) {
            throw invalidRange("give both from and to");
        }
        if (orderId != null && !Payment.isOrderId(orderId)) {
            throw invalid("orderId must be 6-64 characters of A-Z, a-z, 0-9, _ and -");
        }
        if (paymentKey != null && !PAYMENT_KEY.matcher(paymentKey).matches()) {
            throw invalid("paymentKey must be 1-200 characters of A-Z, a-z, 0-9, _ and -");
        }
        customerId = blankToNull(customerId);
        if (customerId != null && !CUSTOMER_ID.matcher(customerId).matches()) {
            throw invalid("customerId must be 1-64 characters of A-Z, a-z, 0-9, _ . @ and -");
        }
        if ((minAmount != null && minAmount < 0) || (maxAmount != null && maxAmount < 0)
                || (minAmount != null && maxAmount != null && minAmount > maxAmount)) {
            throw invalid("minAmount and maxAmount are won, 0 or more, minAmount <= maxAmount");
        }
        if (limit < 1 || limit > 200) {
            throw invalid("limit must be 1-200");
        }
        PaymentSearch.Sort sortBy = switch (sort) {
            case "createdAt" -> PaymentSearch.Sort.CREATED_AT;
            case "amount" -> PaymentSearch.Sort.AMOUNT;
            default -> throw invalid("sort must be createdAt or amount");
        };
        boolean descending = switch (direction) {
            case "desc" -> true;
            case "asc" -> false;
            default -> throw invalid("direction must be asc or desc");
        };
        PaymentSearch.Cursor after = null;
        if (cursor != null) {
            after = cursor.length() > 100 ? null : PaymentSearch.Cursor.decode(cursor);
            if (after == null || after.sort() != sortBy || after.descending() != descending) {
                throw ApiException.badRequest("INVALID_CURSOR",
                        "cursor must be a nextCursor of a search with the same sort and direction");
            }
        }
        PaymentSearch.Page page = search.search(new PaymentSearch.Criteria(fromDate, toDate, statuses(status),
                method(method), orderId, paymentKey, customerId, minAmount, maxAmount, sortBy, descending, after, limit));
        return new SearchResult(page.items().stream().map(r -> new SearchItem(r.orderId(), r.status(), r.orderName(),
                r.customerId(), r.amount(), r.balanceAmount(), r.method(), r.easyPayProvider(), r.paymentKey(),
                r.createdAt(), r.approvedAt())).toList(),
                page.next() == null ? null : page.next().encode(), page.total(), page.totalCapped());
    }

    /**
     * @param cancelableAmount      what a refund may still take: the balance less what refunds in flight reserve
     * @param refundAccountRequired a refund needs the customer's bank account (a deposited virtual account without one)
     */
    record Details(PaymentView payment, long cancelableAmount, boolean refundAccountRequired, List<RefundView> refunds,
                   List<PgRequests.Sent> pgRequests, List<WebhookLog.View> webhooks,
                   List<SecurityEvents.Event> securityEvents) {
    }

    /** Everything about one payment: Toss's facts, refunds, requests to Toss, webhooks and refused attempts. */
    @Operation(summary = "Everything about one payment: Toss's facts, refunds, requests to Toss, webhooks, refused attempts")
    @Door(Caller.SERVICE)
    @ApiProblem(status = 404, codes = "PAYMENT_NOT_FOUND", when = "no payment has this orderId")
    @GetMapping("/{orderId}/details")
    @Transactional(readOnly = true)
    Details details(@PathVariable String orderId) {
        if (!Payment.isOrderId(orderId)) {
            throw new PaymentNotFoundException(orderId);
        }
        Payment payment = payments.findByOrderId(orderId).orElseThrow(() -> new PaymentNotFoundException(orderId));
        long cancelable = Math.max(0, payment.cancelableAmount() - cancels.reservedFor(payment));
        boolean accountRequired = payment.method() == PgMethod.VIRTUAL_ACCOUNT && payment.refundAccount() == null
                && payment.isPaid();
        return new Details(PaymentView.of(payment), cancelable, accountRequired,
                cancels.findByOrderIdOrderById(orderId).stream().map(RefundView::of).toList(),
                pgRequests.ofOrder(orderId), webhooks.list(null, orderId), securityEvents.ofOrder(orderId));
    }

    /** Reads the payment from Toss now and applies what Toss says (confirm.PaymentRecheck). */
    @Operation(summary = "Reads the payment from Toss now and applies what Toss says, for an operator")
    @Door(Caller.SERVICE_FOR_OPERATOR)
    @ApiProblem(status = 404, codes = "PAYMENT_NOT_FOUND", when = "no payment has this orderId")
    @ApiProblem(status = 503, codes = "PG_UNAVAILABLE", when = "Toss could not be read; nothing changed, try again")
    @PostMapping("/{orderId}/recheck")
    PaymentRecheck.Result recheck(@PathVariable String orderId) {
        if (!Payment.isOrderId(orderId)) {
            throw new PaymentNotFoundException(orderId);
        }
        return recheck.recheck(orderId, Operator.required());
    }

    record Queues(long manualReview, long outcomeUnknown, long parkedRefunds, long refusedWebhooks,
                  long failedWebhooks) {
    }

    /** How much is waiting for a person, for the console's home page. */
    @Operation(summary = "How much waits for a person: manual review, unknown outcomes, parked refunds, webhooks")
    @Door(Caller.SERVICE)
    @GetMapping("/queues")
    Queues queues() {
        return new Queues(payments.countByStatus(PaymentStatus.MANUAL_REVIEW),
                payments.countByStatus(PaymentStatus.OUTCOME_UNKNOWN),
                cancels.countByStatus(PaymentCancel.Status.PARKED),
                webhooks.count(WebhookLog.State.REFUSED), webhooks.count(WebhookLog.State.FAILED));
    }

    /** Approval rates by method and error code, and the refund rate, of payments created between two Korean dates. */
    @Operation(summary = "Approval rates by method and error code, and the refund rate, between two KST dates")
    @Door(Caller.SERVICE)
    @ApiProblem(status = 400, codes = "INVALID_DATE_RANGE", when = "the dates are reversed, outside 2000-2100 or too far apart")
    @GetMapping("/stats")
    PaymentStats.Stats stats(@RequestParam String from, @RequestParam String to) {
        LocalDate fromDate = date("from", from, true);
        LocalDate toDate = date("to", to, true);
        checkRange(fromDate, toDate);
        return stats.between(fromDate, toDate);
    }

    private static LocalDate date(String name, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw invalidRange(name + " is required (yyyy-MM-dd, Korean date)");
            }
            return null;
        }
        if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw invalidRange(name + " must be a date yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalidRange(name + " is not a date: " + value);
        }
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            throw invalidRange("dates must lie between " + EARLIEST + " and " + LATEST);
        }
        if (to.isBefore(from)) {
            throw invalidRange("to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw invalidRange("a range spans at most " + MAX_DAYS + " days");
        }
    }

    private static Set<PaymentStatus> statuses(List<String> names) {
        if (names == null || names.isEmpty()) {
            return Set.of();
        }
        Set<PaymentStatus> statuses = EnumSet.noneOf(PaymentStatus.class);
        for (String name : names) {
            statuses.add(Arrays.stream(PaymentStatus.values()).filter(s -> s.name().equals(name.strip())).findFirst()
                    .orElseThrow(() -> invalid("status must be among " + Arrays.toString(PaymentStatus.values()))));
        }
        return statuses;
    }

    /** The method as stored (Toss's label, 카드); its name (CARD) is accepted too. */
    private static String method(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(PgMethod.values()).filter(m -> m.label().equals(value) || m.name().equals(value))
                .findFirst().map(PgMethod::label)
                .orElseThrow(() -> invalid("method must be one of " + Arrays.stream(PgMethod.values())
                        .map(PgMethod::label).toList()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("VALIDATION_FAILED", message);
    }

    private static ApiException invalidRange(String message) {
        return ApiException.badRequest("INVALID_DATE_RANGE", message);
    }
}
