package com.acme.shop.sandbox.idempotency;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import com.acme.shop.sandbox.api.ApiCall;
import com.acme.shop.sandbox.api.ApiFilterOrder;
import com.acme.shop.sandbox.error.ErrorResponses;
import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;
import com.acme.shop.sandbox.settings.SandboxSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Toss's {@code Idempotency-Key} on POSTs: the first request with a key is processed and its answer stored for 15
 * days; a repeat gets that answer again and nothing is processed; a repeat while the first is still running gets
 * {@code 409 IDEMPOTENT_REQUEST_PROCESSING}. GETs ignore the header.
 *
 * <p>Toss does not say whether error answers are stored too. The {@code replayStoredErrors} setting chooses: when
 * off, only 2xx answers are kept and an error frees the key for a fresh attempt.
 */
@Component
@Order(ApiFilterOrder.IDEMPOTENCY)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    static final int MAX_KEY_LENGTH = 300;

    private static final int EVICT_EVERY = 1_000;

    private final IdempotencyStore store;

    private final SandboxSettings settings;

    private final ErrorResponses errors;

    private final AtomicLong stored = new AtomicLong();

    IdempotencyFilter(IdempotencyStore store, SandboxSettings settings, ErrorResponses errors) {
        this.store = store;
        this.settings = settings;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ApiCall.of(request).map(call -> !"POST".equals(call.method()) || call.idempotencyKey() == null)
            .orElse(true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiCall call = ApiCall.of(request).orElseThrow();
        if (call.idempotencyKey().length() > MAX_KEY_LENGTH) {
            errors.write(response, new TossException(TossErrorCode.INVALID_IDEMPOTENCY_KEY));
            return;
        }
        IdempotencyScope scope = new IdempotencyScope(call.idempotencyKey(), call.secretKey(), call.method(),
                call.path());
        switch (store.claim(scope)) {
            case IdempotencyStore.Claim.InProgress inProgress ->
                errors.write(response, new TossException(TossErrorCode.IDEMPOTENT_REQUEST_PROCESSING));
            case IdempotencyStore.Claim.Replay replay -> {
                call.answeredFromIdempotencyStore();
                replay.response().writeTo(response);
            }
            case IdempotencyStore.Claim.Proceed proceed -> processAndRemember(scope, request, response, chain);
        }
    }

    private void processAndRemember(IdempotencyScope scope, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, captured);
        }
        catch (IOException | ServletException | RuntimeException failure) {
            store.release(scope);
            throw failure;
        }
        StoredResponse answer = new StoredResponse(captured.getStatus(), captured.getContentType(),
                captured.getContentAsByteArray());
        if (answer.isSuccess() || settings.replayStoredErrors()) {
            store.complete(scope, answer);
        }
        else {
            store.release(scope);
        }
        // Stored before the client sees the answer, so a retry racing it is already a replay.
        captured.copyBodyToResponse();
        if (stored.incrementAndGet() % EVICT_EVERY == 0) {
            store.evictExpired();
        }
    }

}
