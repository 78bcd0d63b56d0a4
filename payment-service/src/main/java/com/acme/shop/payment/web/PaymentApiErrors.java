package com.acme.shop.payment.web;

import com.acme.shop.payment.IllegalPaymentTransitionException;
import com.acme.shop.payment.PaymentNotFoundException;
import com.acme.shop.payment.checkout.CatalogException;
import com.acme.shop.payment.checkout.PaymentNotAbortableException;
import com.acme.shop.payment.confirm.ConfirmRefusedException;
import com.acme.shop.platform.web.ApiException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/**
 * The one place where payment-service's domain exceptions become problem responses: each gets its HTTP status and
 * its stable {@code code} here, in the same problem shape as every other error ({@link ApiException#toProblem}).
 * Ordered before the platform's catch-all, which would otherwise answer them with a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentApiErrors {

    @ExceptionHandler(PaymentNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(PaymentNotFoundException e) {
        return new ApiException(HttpStatus.NOT_FOUND, "PAYMENT_NOT_FOUND", e.getMessage()).toResponse();
    }

    @ExceptionHandler(ConfirmRefusedException.class)
    ResponseEntity<ProblemDetail> confirmRefused(ConfirmRefusedException e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID_PAYMENT_KEY, AMOUNT_MISMATCH -> HttpStatus.BAD_REQUEST;
            case PAYMENT_KEY_MISMATCH, PAYMENT_KEY_ALREADY_USED, PAYMENT_NOT_CONFIRMABLE, CHECKOUT_EXPIRED ->
                    HttpStatus.CONFLICT;
        };
        return new ApiException(status, e.reason().name(), e.getMessage(), e.details()).toResponse();
    }

    @ExceptionHandler(PaymentNotAbortableException.class)
    ResponseEntity<ProblemDetail> notAbortable(PaymentNotAbortableException e) {
        return new ApiException(HttpStatus.CONFLICT, "PAYMENT_NOT_ABORTABLE", e.getMessage(),
                Map.of("paymentStatus", e.status().name())).toResponse();
    }

    @ExceptionHandler(CatalogException.class)
    ResponseEntity<ProblemDetail> catalog(CatalogException e) {
        ApiException problem = switch (e) {
            case CatalogException.Refused refused -> new ApiException(refusalStatus(refused.status()), refused.code(),
                    refused.getMessage());
            case CatalogException.Unavailable unavailable -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "CATALOG_UNAVAILABLE", unavailable.getMessage());
        };
        return problem.toResponse();
    }

    /** A state change raced and lost, e.g. a payment settled by another request meanwhile. */
    @ExceptionHandler(IllegalPaymentTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalPaymentTransitionException e) {
        return new ApiException(HttpStatus.CONFLICT, "ILLEGAL_PAYMENT_TRANSITION", e.getMessage(),
                Map.of("orderId", e.orderId(), "paymentStatus", e.from().name())).toResponse();
    }

    /** The catalog's own refusal status, within what a refusal can be (never a 5xx: that is "unavailable"). */
    private static HttpStatus refusalStatus(int upstream) {
        HttpStatus status = HttpStatus.resolve(upstream);
        return status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST;
    }
}
