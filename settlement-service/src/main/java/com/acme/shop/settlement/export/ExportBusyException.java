package com.acme.shop.settlement.export;

import com.acme.shop.platform.web.ApiException;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.Map;

/** Every connection of the export pool is in use: 503 {@code EXPORT_BUSY} with {@code Retry-After}. */
class ExportBusyException extends ApiException {

    static final String EXPORT_BUSY = "EXPORT_BUSY";

    private final Duration retryAfter;

    ExportBusyException(Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, EXPORT_BUSY, "Other exports are running; try again in "
                + retryAfter.toSeconds() + " seconds", Map.of("retryAfterSeconds", retryAfter.toSeconds()));
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
