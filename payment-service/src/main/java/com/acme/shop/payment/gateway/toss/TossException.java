package com.acme.shop.payment.gateway.toss;

/**
 * Every failed Toss call: an error answer ({@link TossApiException}, carrying Toss's code, HTTP status
 * and body) or no usable answer at all ({@link TossTransportException}). Each carries its
 * {@link TossErrorKind}, which decides what the caller may do next.
 */
abstract sealed class TossException extends RuntimeException permits TossApiException, TossTransportException {

    private final TossErrorKind kind;

    TossException(String message, TossErrorKind kind, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    TossErrorKind kind() {
        return kind;
    }
}

/** Toss answered with an error object {@code {code, message}}. */
final class TossApiException extends TossException {

    private final int httpStatus;
    private final String code;
    private final String body;

    TossApiException(int httpStatus, String code, String message, String body) {
        super("Toss " + httpStatus + " " + code + ": " + message, TossErrorKind.of(httpStatus, code), null);
        this.httpStatus = httpStatus;
        this.code = code;
        this.body = body;
    }

    int httpStatus() {
        return httpStatus;
    }

    String code() {
        return code;
    }

    String tossMessage() {
        String m = getMessage();
        return m.substring(m.indexOf(": ") + 2);
    }

    String body() {
        return body;
    }
}

/** No (complete) answer: connection refused or timed out (NOT_SENT), read timeout or reset (OUTCOME_UNKNOWN). */
final class TossTransportException extends TossException {

    TossTransportException(String message, TossErrorKind kind, Throwable cause) {
        super(message, kind, cause);
    }
}
