package com.acme.shop.sandbox.faults;

import java.io.IOException;
import java.util.Optional;

import com.acme.shop.sandbox.api.ApiCall;
import com.acme.shop.sandbox.api.ApiEndpoint;
import com.acme.shop.sandbox.api.ApiFilterOrder;
import com.acme.shop.sandbox.error.ErrorResponses;
import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;
import com.acme.shop.sandbox.payment.PaymentService;
import com.acme.shop.sandbox.settings.SandboxSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The "Toss is slow / Toss says no" part of fault injection, applied inside idempotency so it behaves like Toss's own
 * processing: latency keeps the key in flight (a concurrent retry gets 409), and an injected error is stored and
 * replayed like any other answer (subject to {@code replayStoredErrors}).
 *
 * <p>An error comes from an {@code errorCode} fault or, for test keys, the {@code TossPayments-Test-Code} header.
 * On confirm a final decline ({@link TossErrorCode#declinesPayment()}) leaves the payment ABORTED; any other code
 * leaves it untouched, so a later confirm can still succeed.
 */
@Component
@Order(ApiFilterOrder.INJECTION)
class InjectionFilter extends OncePerRequestFilter {

    private final SandboxSettings settings;

    private final PaymentService payments;

    private final ErrorResponses errors;

    private final Pauses pauses;

    InjectionFilter(SandboxSettings settings, PaymentService payments, ErrorResponses errors, Pauses pauses) {
        this.settings = settings;
        this.payments = payments;
        this.errors = errors;
        this.pauses = pauses;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ApiCall.of(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiCall call = ApiCall.of(request).orElseThrow();
        Optional<Fault> fault = Optional.ofNullable((Fault) request.getAttribute(TransportFaultFilter.FAULT_ATTRIBUTE));
        pauses.pause(fault.map(Fault::latency).orElseGet(settings::defaultLatency));
        try {
            Optional<TossErrorCode> injected = fault.map(Fault::errorCode).or(() -> testCode(call));
            if (injected.isPresent()) {
                throw answer(call, injected.get());
            }
        }
        catch (TossException error) {
            errors.write(response, error);
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<TossErrorCode> testCode(ApiCall call) {
        if (call.testCode() == null || !call.isTestMode()) {
            return Optional.empty();
        }
        return Optional.of(TossErrorCode.find(call.testCode().trim())
            .orElseThrow(() -> new TossException(TossErrorCode.INVALID_TEST_CODE)));
    }

    private TossException answer(ApiCall call, TossErrorCode code) {
        if (call.endpoint() == ApiEndpoint.CONFIRM && code.declinesPayment()) {
            payments.decline(call.paymentKey(), code);
        }
        return new TossException(code);
    }

}
