package com.acme.shop.payment.confirm;

import com.acme.shop.payment.CheckoutToken;
import com.acme.shop.payment.PaymentView;
import com.acme.shop.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The storefront's confirm, called after the PG redirected the customer to the success page. The caller proves it
 * holds the checkout with its token ({@code X-Checkout-Token}); the confirm checks it with the checkout's other
 * facts, so a stranger who knows the orderId is refused like one who does not (404).
 */
@RestController
@RequestMapping("/api/v1/payments")
class ConfirmController {

    /** Larger than any checkout can be (20 lines of 100 pieces at the catalog's highest price), far from overflow. */
    static final long MAX_AMOUNT = 1_000_000_000_000L;

    private final ConfirmService confirms;

    ConfirmController(ConfirmService confirms) {
        this.confirms = confirms;
    }

    record ConfirmRequest(@NotBlank @Size(max = 200) String paymentKey,
                          @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]{6,64}") String orderId, // Payment.ORDER_ID
                          @NotNull @Positive @Max(MAX_AMOUNT) Long amount) {
    }

    /**
     * 200 with the DONE payment (also for a repeated confirm, without calling the PG again), or with the
     * WAITING_FOR_DEPOSIT payment and its virtual account; 202 with Retry-After while the outcome is unknown or
     * another request is confirming (poll {@code GET /api/v1/payments/{orderId}}); 402 {@code PAYMENT_DECLINED} when
     * the PG refused; 503 {@code PG_UNAVAILABLE} when the PG was not reached (nothing charged, confirm again later).
     */
    @PostMapping("/confirm")
    ResponseEntity<PaymentView> confirm(@Valid @RequestBody ConfirmRequest request,
                                        @RequestHeader(name = CheckoutToken.HEADER, required = false) String checkoutToken,
                                        HttpServletRequest http) {
        ConfirmResult result = confirms.confirm(request.paymentKey(), request.orderId(), request.amount(),
                checkoutToken, http.getRemoteAddr());
        return switch (result) {
            case ConfirmResult.Approved approved -> ResponseEntity.ok(approved.payment());
            case ConfirmResult.AwaitingDeposit awaiting -> ResponseEntity.ok(awaiting.payment());
            case ConfirmResult.Pending pending -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .header("Retry-After", String.valueOf(pending.retryAfter().toSeconds())).body(pending.payment());
            case ConfirmResult.Declined declined -> throw new ApiException(HttpStatus.PAYMENT_REQUIRED,
                    "PAYMENT_DECLINED", declined.message() == null ? "The PG declined the payment"
                    : "The PG declined the payment: " + declined.message(),
                    Map.of("pgCode", declined.code(), "orderId", declined.payment().orderId(),
                            "paymentStatus", declined.payment().status()));
            case ConfirmResult.UnknownPaymentKey unknown -> throw new ApiException(HttpStatus.BAD_REQUEST,
                    "INVALID_PAYMENT_KEY", "The PG does not know this paymentKey; nothing was charged and the checkout "
                    + "can still be confirmed with the key the PG gave the customer",
                    Map.of("orderId", unknown.payment().orderId(), "paymentStatus", unknown.payment().status()));
            case ConfirmResult.NotSent notSent -> throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "PG_UNAVAILABLE", "The PG could not be reached; nothing was charged and the payment can be "
                    + "confirmed again");
        };
    }
}
