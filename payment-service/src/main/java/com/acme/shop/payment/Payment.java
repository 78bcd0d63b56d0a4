package com.acme.shop.payment;

import com.acme.shop.contracts.EventPayload;
import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;
import com.acme.shop.payment.gateway.PgMethod;
import com.acme.shop.payment.gateway.PgPayment;
import com.acme.shop.payment.gateway.PgStatus;
import com.acme.shop.payment.gateway.RefundAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A checkout and its payment at the PG. Amounts are KRW won. Every state change goes through the methods below,
 * which guard the current status ({@link PaymentStatus#canMoveTo}) and return the event to publish where there is
 * one. What the PG reports about the payment (after a confirm, a recovery read or a webhook) is applied in one place,
 * {@link #apply}.
 */
@Entity
@Table(name = "payment")
public class Payment {

    /** What an orderId of ours looks like (and the PG's rule: 6-64 of A-Z a-z 0-9 _ -); nothing else can name one. */
    public static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{6,64}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private String orderId;
    @Column(name = "customer_id", nullable = false, updatable = false)
    private String customerId;
    /** SHA-256 of the checkout's token (CheckoutToken); null for checkouts made before tokens existed. */
    @Column(name = "checkout_token_hash", updatable = false)
    private String checkoutTokenHash;
    @Column(name = "order_name", nullable = false, updatable = false)
    private String orderName;
    @Column(name = "total_amount", nullable = false, updatable = false)
    private long totalAmount;
    @Column(name = "balance_amount", nullable = false)
    private long balanceAmount;
    @Column(nullable = false, updatable = false)
    private String currency;
    @Convert(converter = LineItemsJson.class)
    @Column(name = "items", nullable = false, updatable = false, columnDefinition = "text")
    private List<LineItem> items = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status;

    @Column(name = "payment_key")
    private String paymentKey;
    @Convert(converter = MethodLabel.class)
    private PgMethod method;
    @Column(name = "easy_pay_provider")
    private String easyPayProvider;
    @Column(name = "card_issuer_code")
    private String cardIssuerCode;
    @Column(name = "card_number")
    private String cardNumber;
    @Column(name = "card_installment_months")
    private Integer cardInstallmentMonths;
    @Column(name = "card_approve_no")
    private String cardApproveNo;
    @Column(name = "card_type")
    private String cardType;
    @Column(name = "receipt_url")
    private String receiptUrl;
    @Column(name = "approval_tx_key")
    private String approvalTransactionKey;
    @Column(name = "last_transaction_key")
    private String lastTransactionKey;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "failure_code")
    private String failureCode;
    @Column(name = "failure_message")
    private String failureMessage;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    /** When the first confirm was sent: the PG's 10-minute confirm window runs from about here. */
    @Column(name = "confirm_started_at")
    private Instant confirmStartedAt;
    /** Attempts of the unknown-outcome recovery; counted by the job runner's lease. */
    @Column(name = "recovery_attempts", nullable = false)
    private int recoveryAttempts;
    /** When recovery should next ask the PG (IN_PROGRESS: only if the confirm never finishes by then). */
    @Column(name = "next_recovery_at")
    private Instant nextRecoveryAt;
    @Column(name = "review_reason")
    private String reviewReason;
    /** The PG's per-payment secret; a deposit webhook is genuine only if it carries the same value. */
    @Column(name = "pg_secret")
    private String pgSecret;
    @Column(name = "va_bank_code")
    private String virtualAccountBank;
    @Column(name = "va_account_number")
    private String virtualAccountNumber;
    @Column(name = "va_due_at")
    private Instant virtualAccountDueAt;
    @Column(name = "refund_bank_code")
    private String refundBankCode;
    @Column(name = "refund_account_no")
    private String refundAccountNumber;
    @Column(name = "refund_holder_name")
    private String refundHolderName;

    @Version
    private long version;

    protected Payment() {
    }

    /** Whether a value from outside can be an orderId at all: checked before it reaches the database. */
    public static boolean isOrderId(String value) {
        return value != null && ORDER_ID.matcher(value).matches();
    }

    /** A new checkout: READY until the customer authenticates and the storefront confirms. */
    public static Payment checkout(String orderId, String customerId, String orderName, List<LineItem> lines,
                                   Instant now, Duration validity) {
        return checkout(orderId, customerId, orderName, lines, now, validity, null);
    }

    /** @param checkoutTokenHash binds the payment to whoever holds the checkout's token ({@link CheckoutToken}) */
    public static Payment checkout(String orderId, String customerId, String orderName, List<LineItem> lines,
                                   Instant now, Duration validity, String checkoutTokenHash) {
        Payment p = new Payment();
        p.orderId = orderId;
        p.customerId = customerId;
        p.checkoutTokenHash = checkoutTokenHash;
        p.orderName = orderName;
        p.totalAmount = lines.stream().mapToLong(LineItem::lineAmount).sum();
        p.balanceAmount = p.totalAmount;
        p.currency = "KRW";
        p.status = PaymentStatus.READY;
        p.createdAt = now;
        p.updatedAt = now;
        p.expiresAt = now.plus(validity);
        p.items = List.copyOf(lines);
        return p;
    }

    /**
     * Claims the payment for a confirm with the key the PG gave the browser (READY -> IN_PROGRESS).
     *
     * @param staleAfter if the confirm has not finished by then (crash, lost DB write), recovery asks the PG
     */
    public void claimForConfirm(String paymentKey, Instant now, Duration staleAfter) {
        moveTo(PaymentStatus.IN_PROGRESS, now);
        this.paymentKey = paymentKey;
        if (confirmStartedAt == null) {
            this.confirmStartedAt = now;
        }
        this.nextRecoveryAt = now.plus(staleAfter);
    }

    /**
     * The PG has never heard of the paymentKey this confirm presented (a made-up or mistyped key): nothing can have
     * been charged, and the checkout goes back to waiting for the key the PG really gave the customer.
     */
    public void releaseForAnotherKey(Instant now) {
        moveTo(PaymentStatus.READY, now);
        this.paymentKey = null;
        this.confirmStartedAt = null;
        this.nextRecoveryAt = null;
    }

    /** The confirm never reached the PG (connection refused, breaker open): the payment is confirmable again. */
    public void releaseClaim(Instant now) {
        moveTo(PaymentStatus.READY, now);
        this.nextRecoveryAt = null;
    }

    /** The customer's account for refunds of a deposited virtual account (the PG requires one). */
    public void useRefundAccount(RefundAccount account) {
        this.refundBankCode = account.bankCode();
        this.refundAccountNumber = account.accountNumber();
        this.refundHolderName = account.holderName();
    }

    public RefundAccount refundAccount() {
        return refundAccountNumber == null ? null
                : new RefundAccount(refundBankCode, refundAccountNumber, refundHolderName);
    }

    /** The virtual account's due date passed without a deposit. */
    public boolean depositOverdue(Instant now) {
        return status == PaymentStatus.WAITING_FOR_DEPOSIT && virtualAccountDueAt != null
                && !now.isBefore(virtualAccountDueAt);
    }

    /** Whether a presented checkout token is this checkout's (see {@link CheckoutToken#opens}). */
    public boolean openedBy(String presentedCheckoutToken) {
        return CheckoutToken.opens(checkoutTokenHash, presentedCheckoutToken);
    }

    public boolean hasSecret() {
        return pgSecret != null;
    }

    /** Constant-time comparison with the PG's secret for this payment. */
    public boolean secretMatches(String presented) {
        return pgSecret != null && presented != null && MessageDigest.isEqual(
                pgSecret.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** What applying the PG's view did: a line for the logs and webhook log, and the events to publish. */
    public record Applied(boolean changed, String summary, List<EventPayload> events) {

        static Applied unchanged(String why) {
            return new Applied(false, why, List.of());
        }

        static Applied changed(String what, List<EventPayload> events) {
            return new Applied(true, what, List.copyOf(events));
        }

        /** The cancels the PG made without us that this application recorded (cause EXTERNAL). */
        public List<PaymentCanceled> externalCancels() {
            return events.stream().filter(PaymentCanceled.class::isInstance).map(PaymentCanceled.class::cast)
                    .filter(c -> c.cause() == CancelCause.EXTERNAL).toList();
        }
    }

    /**
     * Brings this payment in line with the PG's view of it: the one place where what the PG reports changes our
     * state, whoever asked (the confirm's answer, a recovery read, a webhook's re-read). Only legal moves from our
     * current status are made, so stale, repeated and out-of-order reports change nothing, and of several callers
     * racing under the payment's row lock exactly one approves.
     * <ul>
     *   <li>a view of another order or amount is never applied; a payment still waiting for its confirm's answer
     *       goes to review, since the PG holds something other than what we asked for;</li>
     *   <li>DONE approves a payment that awaited it (PAYMENT_APPROVED);</li>
     *   <li>WAITING_FOR_DEPOSIT records the issued virtual account;</li>
     *   <li>ABORTED and EXPIRED end a payment that can still fail;</li>
     *   <li>CANCELED and PARTIAL_CANCELED: approved first if we did not know (both happened), then every cancel we
     *       have not recorded, as PAYMENT_CANCELED with cause EXTERNAL, unless {@code ourRefundInFlight};</li>
     *   <li>READY, IN_PROGRESS and unrecognized statuses change nothing.</li>
     * </ul>
     *
     * @param ourRefundInFlight one of our own refunds is being worked on: its cancel may already be in the PG's list,
     *                          and that refund records it (and the rest after it), so cancels are left alone here
     */
    public Applied apply(PgPayment pg, boolean ourRefundInFlight, Instant now) {
        PaymentStatus before = status;
        if (!orderId.equals(pg.orderId()) || totalAmount != pg.totalAmount()) {
            String reason = "PG reports " + pg.status() + " " + pg.totalAmount() + " won for order " + pg.orderId()
                    + "; checkout was " + totalAmount + " won";
            if (status == PaymentStatus.IN_PROGRESS || status == PaymentStatus.OUTCOME_UNKNOWN) {
                parkForReview(reason, now);
                return Applied.changed(before + " -> MANUAL_REVIEW: " + reason, List.of());
            }
            return Applied.unchanged("not applied: " + reason);
        }
        return switch (pg.status()) {
            case DONE -> status.awaitsApproval()
                    ? Applied.changed(before + " -> DONE, PAYMENT_APPROVED", List.of(approve(pg, now)))
                    : Applied.unchanged("already " + status);
            case WAITING_FOR_DEPOSIT -> {
                if (status == PaymentStatus.IN_PROGRESS || status == PaymentStatus.OUTCOME_UNKNOWN) {
                    awaitDeposit(pg, now);
                    yield Applied.changed(before + " -> WAITING_FOR_DEPOSIT", List.of());
                }
                yield Applied.unchanged("PG waits for the deposit; ours is " + status);
            }
            case ABORTED, EXPIRED -> {
                PaymentStatus target = pg.status() == PgStatus.EXPIRED ? PaymentStatus.EXPIRED : PaymentStatus.ABORTED;
                if (!status.canMoveTo(target)) {
                    yield Applied.unchanged("PG says " + pg.status() + " but ours is " + status + ": stale, ignored");
                }
                if (target == PaymentStatus.EXPIRED) {
                    expire(now);
                } else {
                    abort(pg.failureCode() == null ? "ABORTED" : pg.failureCode(), pg.failureMessage(), now);
                }
                yield Applied.changed(before + " -> " + status, List.of());
            }
            case CANCELED, PARTIAL_CANCELED -> applyCancels(pg, ourRefundInFlight, now);
            case READY, IN_PROGRESS, UNRECOGNIZED ->
                    Applied.unchanged("PG reports " + pg.status() + "; nothing to apply to " + status);
        };
    }

    private Applied applyCancels(PgPayment pg, boolean ourRefundInFlight, Instant now) {
        PaymentStatus before = status;
        if (status == PaymentStatus.WAITING_FOR_DEPOSIT && pg.approvedAt() == null) {
            cancelBeforeDeposit(pg.lastTransactionKey(), now);
            return Applied.changed("virtual account canceled before deposit", List.of());
        }
        List<EventPayload> events = new ArrayList<>();
        String what = "";
        if (status.awaitsApproval()) {
            events.add(approveBeforeCancels(pg, now));
            what = before + " -> DONE, PAYMENT_APPROVED; ";
        }
        if (!status.isPaid()) {
            return Applied.unchanged(status == PaymentStatus.CANCELED ? "cancels already recorded"
                    : "PG reports " + pg.status() + " but ours is " + status);
        }
        if (ourRefundInFlight) {
            return events.isEmpty() ? Applied.unchanged("our own refund is in flight and records its cancel itself")
                    : Applied.changed(what + "cancels left to our refund in flight", events);
        }
        List<PgPayment.PgCancel> fresh = unrecordedCancels(pg);
        for (PgPayment.PgCancel cancel : fresh) {
            String reason = cancel.cancelReason() == null ? "토스 대시보드에서 취소" : cancel.cancelReason();
            events.add(recordCancel(cancel.cancelAmount(), cancel.refundableAmount(), cancel.transactionKey(), reason,
                    CancelCause.EXTERNAL, cancel.canceledAt() == null ? now : cancel.canceledAt(), now));
        }
        if (events.isEmpty()) {
            return Applied.unchanged("cancels already recorded");
        }
        return Applied.changed(what + fresh.size() + " cancel(s) made at the PG recorded, PAYMENT_CANCELED", events);
    }

    /**
     * The PG's cancels this payment has not recorded yet, oldest first. Each cancel the PG lists says the balance
     * left after it, and ours is the balance after the last cancel we recorded, so the new ones are exactly those
     * that leave less than ours.
     */
    public List<PgPayment.PgCancel> unrecordedCancels(PgPayment pg) {
        return pg.cancels().stream()
                .filter(c -> c.transactionKey() != null && c.refundableAmount() < balanceAmount)
                .toList();
    }

    /**
     * The PG approved and then canceled while we did not know of the approval: approve with the approval's own
     * figures, the balance before any cancel. Once the PG lists cancels, its lastTransactionKey is the latest
     * cancel's and the approval's key is not in its payment object, so a stable stand-in derived from the
     * paymentKey is used.
     */
    private PaymentApproved approveBeforeCancels(PgPayment pg, Instant now) {
        long cancelled = pg.cancels().stream().mapToLong(PgPayment.PgCancel::cancelAmount).sum();
        String approvalKey = pg.cancels().isEmpty() ? pg.lastTransactionKey()
                : ("APPROVAL-" + pg.paymentKey()).substring(0, Math.min(64, 9 + pg.paymentKey().length()));
        return approve(new PgPayment(pg.paymentKey(), pg.orderId(), PgStatus.DONE, pg.method(), pg.easyPayProvider(),
                pg.totalAmount(), pg.balanceAmount() + cancelled, approvalKey, pg.approvedAt(), null, null, List.of(),
                pg.secret(), pg.virtualAccount(), pg.card(), pg.receiptUrl()), now);
    }

    /** The PG approved. Returns the event that starts the saga. */
    PaymentApproved approve(PgPayment pg, Instant now) {
        moveTo(PaymentStatus.DONE, now);
        this.nextRecoveryAt = null;
        if (pg.secret() != null) {
            this.pgSecret = pg.secret();
        }
        this.method = pg.method();
        this.easyPayProvider = pg.easyPayProvider();
        if (pg.card() != null) {
            this.cardIssuerCode = truncateOrNull(pg.card().issuerCode(), 8);
            this.cardNumber = truncateOrNull(pg.card().number(), 32);
            this.cardInstallmentMonths = pg.card().installmentMonths();
            this.cardApproveNo = truncateOrNull(pg.card().approveNo(), 16);
            this.cardType = truncateOrNull(pg.card().cardType(), 16);
        }
        this.receiptUrl = truncateOrNull(pg.receiptUrl(), 1000);
        this.approvalTransactionKey = pg.lastTransactionKey();
        this.lastTransactionKey = pg.lastTransactionKey();
        this.approvedAt = pg.approvedAt() == null ? now : pg.approvedAt();
        this.balanceAmount = pg.balanceAmount();
        this.failureCode = null;
        this.failureMessage = null;
        return new PaymentApproved(orderId, paymentKey, customerId, orderName, methodLabel(), easyPayProvider,
                totalAmount, currency, approvalTransactionKey, approvedAt, items);
    }

    /** How long a virtual account waits for its deposit when the PG names no due date (Toss's default is 168 h). */
    static final Duration DEFAULT_DEPOSIT_WINDOW = Duration.ofDays(7);

    /**
     * First look at the PG for a deposit of an open virtual account, in case its webhooks are lost; later looks wait
     * as long as the account has existed, up to {@code payment.deposit.watch-max-interval} (see {@link #watchDeposit}).
     */
    static final Duration FIRST_DEPOSIT_CHECK = Duration.ofMinutes(1);

    /**
     * The PG issued a virtual account: no money yet; the saga starts when the deposit arrives (normally reported by
     * webhook). The deposit-deadline job asks the PG a minute later, then ever less often until the due date (a
     * deposit whose webhooks are all lost is still found), and at the due date before it closes anything (a deposit
     * made just before may be reported late).
     */
    void awaitDeposit(PgPayment pg, Instant now) {
        moveTo(PaymentStatus.WAITING_FOR_DEPOSIT, now);
        this.method = pg.method();
        this.pgSecret = pg.secret();
        this.lastTransactionKey = pg.lastTransactionKey();
        if (pg.virtualAccount() != null) {
            this.virtualAccountBank = pg.virtualAccount().bankCode();
            this.virtualAccountNumber = pg.virtualAccount().accountNumber();
            this.virtualAccountDueAt = pg.virtualAccount().dueAt();
        }
        this.nextRecoveryAt = virtualAccountDueAt != null ? earliest(virtualAccountDueAt, now.plus(FIRST_DEPOSIT_CHECK))
                : now.plus(DEFAULT_DEPOSIT_WINDOW);
        this.recoveryAttempts = 0;
    }

    /**
     * The PG still waits for the deposit (or could not be read) before the account's due date: look again after as
     * long as the account has existed (1 min, 2 min, 4 min ...), at most {@code maxInterval}, never past the due date.
     * The look was no failed attempt, so the attempt budget (kept for the due date) starts over.
     */
    public void watchDeposit(Duration maxInterval, Instant now) {
        if (status != PaymentStatus.WAITING_FOR_DEPOSIT || virtualAccountDueAt == null) {
            throw new IllegalPaymentTransitionException(orderId, status, status);
        }
        Duration age = Duration.between(createdAt, now);
        Duration wait = age.compareTo(FIRST_DEPOSIT_CHECK) < 0 ? FIRST_DEPOSIT_CHECK : age;
        if (wait.compareTo(maxInterval) > 0) {
            wait = maxInterval;
        }
        this.nextRecoveryAt = earliest(virtualAccountDueAt, now.plus(wait));
        this.recoveryAttempts = 0;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A virtual account canceled before any deposit: ends without money ever moving. */
    void cancelBeforeDeposit(String transactionKey, Instant now) {
        moveTo(PaymentStatus.CANCELED, now);
        this.balanceAmount = 0;
        this.lastTransactionKey = transactionKey;
    }

    /** The PG declined (card refused, limits...), or the customer closed the window. No money was taken. */
    public void abort(String code, String message, Instant now) {
        moveTo(PaymentStatus.ABORTED, now);
        this.nextRecoveryAt = null;
        this.failureCode = code;
        this.failureMessage = message == null ? null : truncate(message, 510);
    }

    /**
     * We cannot tell whether the PG approved: keep the money question open until the PG tells us.
     *
     * @param firstCheck when recovery should first ask the PG
     */
    public void markOutcomeUnknown(String reason, Instant now, Instant firstCheck) {
        moveTo(PaymentStatus.OUTCOME_UNKNOWN, now);
        this.failureCode = "OUTCOME_UNKNOWN";
        this.failureMessage = truncate(reason, 510);
        this.nextRecoveryAt = firstCheck;
    }

    /** Still undecided (a confirm's answer, or a deposit past its due date): ask the PG again at {@code next}. */
    public void recheckAt(Instant next, String reason, Instant now) {
        if (!status.awaitsConfirmAnswer() && status != PaymentStatus.WAITING_FOR_DEPOSIT) {
            throw new IllegalPaymentTransitionException(orderId, status, status);
        }
        this.nextRecoveryAt = next;
        this.failureMessage = truncate(reason, 510);
        this.updatedAt = now;
    }

    /**
     * Automatic resolution gave up (a confirm's answer, or a deposit past its due date, the PG could not tell us): an
     * operator decides, with the reason in front of them.
     */
    public void parkForReview(String reason, Instant now) {
        if (status == PaymentStatus.IN_PROGRESS) {
            moveTo(PaymentStatus.OUTCOME_UNKNOWN, now);
        }
        moveTo(PaymentStatus.MANUAL_REVIEW, now);
        this.reviewReason = truncate(reason, 500);
        this.nextRecoveryAt = null;
    }

    /** The PG's confirm window (10 minutes from authentication) is still open, with a safety margin. */
    public boolean insideConfirmWindow(Instant now, Duration window) {
        return confirmStartedAt != null && now.isBefore(confirmStartedAt.plus(window));
    }

    /** The checkout window (or a virtual account's due date) lapsed. */
    public void expire(Instant now) {
        moveTo(PaymentStatus.EXPIRED, now);
        this.nextRecoveryAt = null;
        this.failureCode = "EXPIRED";
        this.failureMessage = "결제 유효 시간이 지났습니다";
    }

    public boolean isExpired(Instant now) {
        return status == PaymentStatus.READY && !now.isBefore(expiresAt);
    }

    /**
     * Records a cancel the PG confirmed. Returns the event every consumer needs (order and settlement).
     *
     * @param balanceAfter the PG's balance after this cancel, which is the truth for what is still held
     */
    public PaymentCanceled recordCancel(long cancelAmount, long balanceAfter, String transactionKey, String reason,
                                        CancelCause cause, Instant canceledAt, Instant now) {
        if (cancelAmount <= 0 || cancelAmount > cancelableAmount()) {
            throw new IllegalArgumentException("cancel of " + cancelAmount + " exceeds cancelable "
                    + cancelableAmount() + " of payment " + orderId);
        }
        moveTo(balanceAfter == 0 ? PaymentStatus.CANCELED : PaymentStatus.PARTIAL_CANCELED, now);
        this.balanceAmount = balanceAfter;
        this.lastTransactionKey = transactionKey;
        return new PaymentCanceled(orderId, paymentKey, methodLabel(), totalAmount, cancelAmount, balanceAfter,
                transactionKey, reason, cause, canceledAt);
    }

    /** The PG holds money for this payment (in the spirit of the Toss SDKs' {@code isPaid()}). */
    public boolean isPaid() {
        return status.isPaid();
    }

    public boolean canBeCanceled() {
        return status.isPaid() && balanceAmount > 0;
    }

    public long cancelableAmount() {
        return status.isPaid() ? balanceAmount : 0;
    }

    /** What was refunded of the money taken; 0 for a virtual account canceled before any deposit. */
    public long canceledAmount() {
        boolean moneyTaken = approvedAt != null;
        return moneyTaken && (status.isPaid() || status == PaymentStatus.CANCELED) ? totalAmount - balanceAmount : 0;
    }

    private void moveTo(PaymentStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalPaymentTransitionException(orderId, status, target);
        }
        this.status = target;
        this.updatedAt = now;
    }

    private String methodLabel() {
        return method == null ? null : method.label();
    }

    private static String truncateOrNull(String s, int max) {
        return s == null ? null : truncate(s, max);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public String orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public String orderName() {
        return orderName;
    }

    public long totalAmount() {
        return totalAmount;
    }

    public long balanceAmount() {
        return balanceAmount;
    }

    public String currency() {
        return currency;
    }

    public PaymentStatus status() {
        return status;
    }

    public String paymentKey() {
        return paymentKey;
    }

    public PgMethod method() {
        return method;
    }

    public String easyPayProvider() {
        return easyPayProvider;
    }

    /** The card the PG charged, as the merchant may see it; null for other methods. */
    public PgPayment.PgCard card() {
        return cardIssuerCode == null && cardNumber == null ? null
                : new PgPayment.PgCard(cardIssuerCode, cardNumber, cardInstallmentMonths, cardApproveNo, cardType);
    }

    public String receiptUrl() {
        return receiptUrl;
    }

    public String lastTransactionKey() {
        return lastTransactionKey;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureMessage() {
        return failureMessage;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int recoveryAttempts() {
        return recoveryAttempts;
    }

    public Instant nextRecoveryAt() {
        return nextRecoveryAt;
    }

    public String reviewReason() {
        return reviewReason;
    }

    public String virtualAccountBank() {
        return virtualAccountBank;
    }

    public String virtualAccountNumber() {
        return virtualAccountNumber;
    }

    public Instant virtualAccountDueAt() {
        return virtualAccountDueAt;
    }

    public List<LineItem> items() {
        return items;
    }

    /** The method as stored and published: the PG's label (카드, 가상계좌...). */
    @Converter
    static class MethodLabel implements AttributeConverter<PgMethod, String> {

        @Override
        public String convertToDatabaseColumn(PgMethod method) {
            return method == null ? null : method.label();
        }

        @Override
        public PgMethod convertToEntityAttribute(String label) {
            return PgMethod.ofLabel(label);
        }
    }
}
