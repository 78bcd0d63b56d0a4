package com.acme.shop.payment.gateway.toss;

import java.util.Set;

/**
 * How to treat a failed Toss call (docs/toss-api.md, section 7). Toss documents no taxonomy; this follows the
 * meaning of each code. Branch on the code, never on the message.
 */
enum TossErrorKind {
    /** The request never reached Toss, or Toss refused our credentials before doing anything. */
    NOT_SENT,
    /** Toss said "not now" without doing anything (PROVIDER_ERROR, 429, bank hours...). */
    TRANSIENT,
    /** The request may have been processed: ask Toss before deciding (timeouts, 5xx, already processed). */
    OUTCOME_UNKNOWN,
    /** Toss refused for good (declines, invalid requests, state errors). */
    FINAL;

    private static final Set<String> CREDENTIAL_ERRORS = Set.of(
            "UNAUTHORIZED_KEY", "INVALID_API_KEY", "INCORRECT_BASIC_AUTH_FORMAT");
    private static final Set<String> TRANSIENT_CODES = Set.of(
            "PROVIDER_ERROR", "FORBIDDEN_CONSECUTIVE_REQUEST", "NOT_AVAILABLE_BANK", "CARD_PROCESSING_ERROR");
    private static final Set<String> UNKNOWN_CODES = Set.of(
            "ALREADY_PROCESSED_PAYMENT", "IDEMPOTENT_REQUEST_PROCESSING", "ALREADY_CANCELED_PAYMENT");

    static TossErrorKind of(int httpStatus, String code) {
        if (code != null && CREDENTIAL_ERRORS.contains(code)) {
            return NOT_SENT;
        }
        if (code != null && UNKNOWN_CODES.contains(code)) {
            return OUTCOME_UNKNOWN;
        }
        if (httpStatus >= 500) {
            return OUTCOME_UNKNOWN;
        }
        if (httpStatus == 429 || (code != null && TRANSIENT_CODES.contains(code))) {
            return TRANSIENT;
        }
        return FINAL;
    }
}
