package com.acme.shop.payment.checkout;

import com.acme.shop.contracts.LineItem;
import com.acme.shop.payment.Payment;
import com.acme.shop.payment.PaymentView;
import com.acme.shop.payment.RefundAccountForm;
import com.acme.shop.payment.gateway.PaymentWindow;
import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import com.acme.shop.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The storefront's checkout: record one priced by the catalog, or report that the customer gave up (failUrl). */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "checkout", description = "The storefront's checkout and confirm")
class CheckoutController {

    private final CheckoutService checkouts;
    private final RedirectUrls urls;
    private final PaymentWindow window;

    CheckoutController(CheckoutService checkouts, RedirectUrls urls, PaymentWindow window) {
        this.checkouts = checkouts;
        this.urls = urls;
        this.window = window;
    }

    /**
     * @param refundAccount optional; for virtual-account payments the PG can refund only to a bank account, so
     *                      without it a refund of a deposited account is parked for an operator
     */
    record CheckoutRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.@-]+") String customerId,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull Item> items,
            @Valid RefundAccountForm refundAccount) {
    }

    record Item(@NotBlank @Size(max = 64) String productId, @Min(1) @Max(100) int quantity) {
    }

    /**
     * @param checkoutToken the checkout's secret, given out this once: the storefront keeps it and presents it as
     *                      {@code X-Checkout-Token} to confirm, abandon or read this payment
     */
    record CheckoutResponse(String orderId, String checkoutToken, String orderName, long amount, String currency,
                            String customerId, List<LineItem> items, Instant expiresAt, String clientKey,
                            String successUrl, String failUrl) {
    }

    /** What the PG put in the failUrl: its code, and its message (text for a person, no control characters). */
    record FailRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z0-9_]+") String code,
                       @Size(max = 510) @Pattern(regexp = "[^\\p{Cntrl}]*") String message) {
    }

    @Operation(summary = "Records a checkout priced by the catalog; answers the orderId and, once, the checkout token",
            description = "Prices come from order-service's catalog, never from the client. The answer carries what the "
                    + "browser needs to open the payment window (clientKey, amount, orderName, success and fail URLs) and "
                    + "`checkoutToken`, which only this answer ever shows: present it as `X-Checkout-Token` to confirm, "
                    + "abandon or read the payment.")
    @ApiResponse(responseCode = "201", description = "Recorded, READY; `Location` is the payment's URL")
    @Door(Caller.ANYONE)
    @ApiProblem(status = 400, codes = "DUPLICATE_PRODUCT", when = "a product appears on two lines; use its quantity")
    @ApiProblem(status = 404, codes = "PRODUCT_NOT_FOUND", when = "the catalog does not know a product")
    @ApiProblem(status = 409, codes = {"OUT_OF_STOCK", "PRODUCT_NOT_SELLABLE"},
            when = "the catalog refuses a product: not on sale, or not enough stock")
    @ApiProblem(status = 503, codes = "CATALOG_UNAVAILABLE", when = "order-service's catalog is not reachable; nothing was recorded")
    @PostMapping("/checkout")
    ResponseEntity<CheckoutResponse> checkout(@Valid @RequestBody CheckoutRequest request) {
        if (request.items().stream().map(Item::productId).distinct().count() != request.items().size()) {
            throw ApiException.badRequest("DUPLICATE_PRODUCT", "Each product may appear once; use its quantity");
        }
        CheckoutService.Checkout checkout = checkouts.checkout(request.customerId(),
                request.items().stream().map(i -> new Catalog.Requested(i.productId(), i.quantity())).toList(),
                request.refundAccount() == null ? null : request.refundAccount().toAccount());
        Payment p = checkout.payment();
        return ResponseEntity.created(URI.create("/api/v1/payments/" + p.orderId()))
                .header("Cache-Control", "no-store")
                .body(new CheckoutResponse(p.orderId(), checkout.token().value(), p.orderName(), p.totalAmount(),
                        p.currency(), p.customerId(), p.items(), p.expiresAt(), window.clientKey(), urls.successUrl(),
                        urls.failUrl()));
    }

    /**
     * The storefront forwards the PG's failUrl parameters here; the orderId and its checkout token come from the
     * storefront's session (the access rules let only the token's holder in).
     */
    @Operation(summary = "Reports that the payment window failed or the customer gave up (the PG's failUrl)",
            description = "The payment becomes ABORTED; the PG's code and message are kept for operators.")
    @Door(Caller.CHECKOUT_HOLDER)
    @ApiProblem(status = 404, codes = "PAYMENT_NOT_FOUND",
            when = "no payment has this orderId, or the checkout token is missing or wrong (the door hides itself)")
    @ApiProblem(status = 409, codes = "PAYMENT_NOT_ABORTABLE", when = "the payment is past the point of abandoning (e.g. DONE)")
    @PostMapping("/{orderId}/fail")
    PaymentView fail(@PathVariable String orderId, @Valid @RequestBody FailRequest request) {
        return PaymentView.of(checkouts.abandon(orderId, request.code(), request.message()));
    }
}
