package com.acme.shop.sandbox.api;

import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.ServletRequest;

/**
 * What the sandbox knows about one {@code /v1} call while it travels through the filters. Created by the outermost
 * filter and stored as a request attribute; the inner filters add what they learn (who authenticated, which fault
 * applies, whether the answer was replayed). It lives on one request thread, so it needs no synchronisation.
 */
public final class ApiCall {

    private static final String ATTRIBUTE = ApiCall.class.getName();

    private final Instant receivedAt;

    private final String method;

    private final String path;

    private final ApiEndpoint endpoint;

    private final String idempotencyKey;

    private final String testCode;

    private final String orderId;

    private final String paymentKey;

    private String secretKey;

    private String fault;

    private boolean replayed;

    private Integer statusBeforeAbort;

    public ApiCall(Instant receivedAt, String method, String path, ApiEndpoint endpoint, String idempotencyKey,
            String testCode, String orderId, String paymentKey) {
        this.receivedAt = receivedAt;
        this.method = method;
        this.path = path;
        this.endpoint = endpoint;
        this.idempotencyKey = idempotencyKey;
        this.testCode = testCode;
        this.orderId = orderId;
        this.paymentKey = paymentKey;
    }

    /** The call being processed, or empty outside {@code /v1} (window pages, sandbox endpoints). */
    public static Optional<ApiCall> of(ServletRequest request) {
        return Optional.ofNullable((ApiCall) request.getAttribute(ATTRIBUTE));
    }

    public void attachTo(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public void authenticatedAs(String secretKey) {
        this.secretKey = secretKey;
    }

    public void faultApplied(String fault) {
        this.fault = fault;
    }

    public void answeredFromIdempotencyStore() {
        this.replayed = true;
    }

    /**
     * The connection was closed instead of answering. {@code producedStatus} is what the sandbox had produced by then
     * (0 if nothing was processed); the container reports its own status after an abort, so it is kept here.
     */
    public void connectionAborted(int producedStatus) {
        this.statusBeforeAbort = producedStatus;
    }

    /** Toss honours {@code TossPayments-Test-Code} only for test keys and silently ignores it in live mode. */
    public boolean isTestMode() {
        return secretKey != null && secretKey.startsWith("test_");
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public ApiEndpoint endpoint() {
        return endpoint;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String testCode() {
        return testCode;
    }

    public String orderId() {
        return orderId;
    }

    public String paymentKey() {
        return paymentKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public String fault() {
        return fault;
    }

    public boolean replayed() {
        return replayed;
    }

    /** The status to record: the one produced before an abort, or else what the response says. */
    public int statusOr(int responseStatus) {
        return statusBeforeAbort != null ? statusBeforeAbort : responseStatus;
    }

}
