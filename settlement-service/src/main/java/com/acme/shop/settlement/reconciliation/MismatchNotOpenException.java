package com.acme.shop.settlement.reconciliation;

import com.acme.shop.platform.web.ApiException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * Only an OPEN mismatch can be resolved or ignored: 409 {@code MISMATCH_NOT_OPEN}, with the status it has now in
 * {@code mismatchStatus} (another operator, or a re-run, got there first).
 */
class MismatchNotOpenException extends ApiException {

    static final String MISMATCH_NOT_OPEN = "MISMATCH_NOT_OPEN";

    MismatchNotOpenException(Long id, MismatchStatus status) {
        super(HttpStatus.CONFLICT, MISMATCH_NOT_OPEN, "Mismatch " + id + " is " + status + ", not OPEN",
                Map.of("mismatchStatus", status.name()));
    }
}
