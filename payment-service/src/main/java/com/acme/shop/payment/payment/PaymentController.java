package com.acme.shop.payment.payment;

import com.acme.shop.contracts.LineItem;
import com.acme.shop.payment.catalog.Catalog;
import com.acme.shop.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.data.domain.Limit;
import java.util.Arrays;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The storefront's payment API: checkout, confirm (after Toss's successUrl), failUrl, and status. */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private final CheckoutService checkout;
    private final ConfirmService confirm;
    private final AbandonService abandon;
    private final Payments payments;
    private final StorefrontUrls urls;

    PaymentController(CheckoutService checkout, ConfirmService confirm, AbandonService abandon, Payments payments,
                      StorefrontUrls urls) {
        this.checkout = checkout;
        this.confirm = confirm;
        this.abandon = abandon;
        this.payments = payments;
        this.urls = urls;
    }

    /**
     * @param refundAccount optional; for virtual-account payments Toss can refund only to a bank account, so
     *                      without it a refund of a deposited account is parked for an operator
     */
    record CheckoutRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.@-]+") String customerId,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull Item> items,
            @Valid RefundAccountForm refundAccount) {
    }

    record RefundAccountForm(@NotBlank @Pattern(regexp = "[0-9A-Z]{2,3}") String bankCode,
                             @NotBlank @Pattern(regexp = "[0-9]{1,20}") String accountNumber,
                             @NotBlank @Size(max = 60) String holderName) {
    }

    record Item(@NotBlank @Size(max = 64) String productId, @Min(1) @Max(100) int quantity) {
    }

    record CheckoutResponse(String orderId, String orderName, long amount, String currency, String customerId,
                            List<LineItem> items, Instant expiresAt, String clientKey, String successUrl,
                            String failUrl) {
    }

    record ConfirmRequest(@NotBlank @Size(max = 200) String paymentKey,
                          @NotBlank @Size(max = 64) String orderId,
                          @NotNull @Positive Long amount) {
    }

    record FailRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z0-9_]+") String code,
                       @Size(max = 510) String message) {
    }

    @PostMapping("/checkout")
    ResponseEntity<CheckoutResponse> checkout(@Valid @RequestBody CheckoutRequest request) {
        if (request.items().stream().map(Item::productId).distinct().count() != request.items().size()) {
            throw ApiException.badRequest("DUPLICATE_PRODUCT", "Each product may appear once; use its quantity");
        }
        Payment p = checkout.checkout(request.customerId(),
                request.items().stream().map(i -> new Catalog.Requested(i.productId(), i.quantity())).toList(),
                request.refundAccount() == null ? null : new RefundAccount(request.refundAccount().bankCode(),
                        request.refundAccount().accountNumber(), request.refundAccount().holderName()));
        return ResponseEntity.created(URI.create("/api/v1/payments/" + p.orderId()))
                .body(new CheckoutResponse(p.orderId(), p.orderName(), p.totalAmount(), p.currency(), p.customerId(),
                        p.items(), p.expiresAt(), urls.clientKey(), urls.successUrl(), urls.failUrl()));
    }

    /**
     * 200 with the DONE payment (also for a repeated confirm, without calling Toss again), or with the
     * WAITING_FOR_DEPOSIT payment and its virtual account; 202 while the
     * outcome is unknown or another request is confirming (poll {@code GET /api/v1/payments/{orderId}});
     * 402 {@code PAYMENT_DECLINED} when Toss refused; 503 {@code PG_UNAVAILABLE} when Toss was not
     * reached (nothing charged, confirm again later).
     */
    @PostMapping("/confirm")
    ResponseEntity<PaymentView> confirm(@Valid @RequestBody ConfirmRequest request, HttpServletRequest http) {
        ConfirmResult result = confirm.confirm(request.paymentKey(), request.orderId(), request.amount(),
                http.getRemoteAddr());
        return switch (result) {
            case ConfirmResult.Approved approved -> ResponseEntity.ok(PaymentView.of(approved.payment()));
            case ConfirmResult.AwaitingDeposit awaiting -> ResponseEntity.ok(PaymentView.of(awaiting.payment()));
            case ConfirmResult.Pending pending -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .header("Retry-After", "2").body(PaymentView.of(pending.payment()));
            case ConfirmResult.Unrecorded unrecorded -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .header("Retry-After", "5").body(PaymentView.inProgress(unrecorded.orderId(),
                    unrecorded.paymentKey(), unrecorded.amount()));
            case ConfirmResult.Declined declined -> throw new ApiException(HttpStatus.PAYMENT_REQUIRED,
                    "PAYMENT_DECLINED", "Toss declined the payment: " + declined.message(),
                    Map.of("pgCode", declined.code(), "orderId", declined.payment().orderId(),
                            "status", declined.payment().status().name()));
        };
    }

    /** Operators' queues, e.g. {@code ?status=MANUAL_REVIEW} or {@code ?status=OUTCOME_UNKNOWN}. */
    @GetMapping
    List<PaymentView> byStatus(@RequestParam String status, @RequestParam(defaultValue = "50") int limit) {
        PaymentStatus wanted = Arrays.stream(PaymentStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("VALIDATION_FAILED",
                        "status must be one of " + Arrays.toString(PaymentStatus.values())));
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("VALIDATION_FAILED", "limit must be 1-500");
        }
        return payments.findByStatusOrderByUpdatedAtDesc(wanted, Limit.of(limit)).stream().map(PaymentView::of).toList();
    }

    @GetMapping("/{orderId}")
    PaymentView get(@PathVariable String orderId) {
        return payments.findByOrderId(orderId).map(PaymentView::of)
                .orElseThrow(() -> PaymentProblems.notFound(orderId));
    }

    /** The storefront forwards Toss's failUrl parameters here; the orderId comes from the storefront's session. */
    @PostMapping("/{orderId}/fail")
    PaymentView fail(@PathVariable String orderId, @Valid @RequestBody FailRequest request) {
        return PaymentView.of(abandon.abandon(orderId, request.code(), request.message()));
    }
}
