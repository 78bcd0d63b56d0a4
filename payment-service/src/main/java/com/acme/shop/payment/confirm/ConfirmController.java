package com.acme.shop.payment.confirm;

import com.acme.shop.payment.CheckoutToken;
import com.acme.shop.payment.PaymentView;
import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import com.acme.shop.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "checkout", description = "The storefront's checkout and confirm")
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
    @Operation(summary = "Confirms the payment at the PG after the payment window's success redirect",
            description = "Checked against the checkout (token, orderId, amount) before anything is sent to the PG. 200 "
                    + "with the DONE payment (a repeated confirm answers the same without calling the PG again), or with "
                    + "the WAITING_FOR_DEPOSIT payment and its virtual account; 202 with `Retry-After` while the outcome "
                    + "is unknown or another request is confirming: poll `GET /api/v1/payments/{orderId}`.")
    @ApiResponse(responseCode = "200", description = "DONE (also for a repeated confirm), or WAITING_FOR_DEPOSIT with the virtual account")
    @ApiResponse(responseCode = "202", description = "The outcome is not known yet (or another request is confirming): "
            + "poll the payment after `Retry-After` seconds; nothing is failed while the PG may hold the money")
    @Door(Caller.CHECKOUT_HOLDER)
    @ApiProblem(status = 400, codes = {"AMOUNT_MISMATCH", "INVALID_PAYMENT_KEY"},
            when = "the amount differs from the checkout's (nothing is sent to the PG), or the PG does not know the paymentKey")
    @ApiProblem(status = 402, codes = "PAYMENT_DECLINED", when = "the PG declined the payment (`pgCode` says why)")
    @ApiProblem(status = 404, codes = "PAYMENT_NOT_FOUND",
            when = "no checkout has this orderId, or the checkout token is missing or wrong")
    @ApiProblem(status = 409, codes = {"PAYMENT_KEY_MISMATCH", "PAYMENT_KEY_ALREADY_USED", "PAYMENT_NOT_CONFIRMABLE",
            "CHECKOUT_EXPIRED"}, when = "the checkout was confirmed with another paymentKey, the key belongs to another "
            + "order, the payment is in a state that cannot be confirmed, or the checkout expired")
    @ApiProblem(status = 503, codes = "PG_UNAVAILABLE", when = "the PG was not reached; nothing was charged, confirm again later")
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
