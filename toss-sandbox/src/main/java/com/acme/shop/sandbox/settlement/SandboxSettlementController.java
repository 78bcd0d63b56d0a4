package com.acme.shop.sandbox.settlement;

import java.util.Map;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sandbox-only (not Toss, no authentication): make the settlement rows of one payment deliberately wrong, so a
 * reconciliation can be shown to find the difference.
 *
 * <pre>
 * PUT    /sandbox/settlements/distortions/{paymentKey}  {"feeDelta":10, "payoutDateShiftDays":1, ...}
 * GET    /sandbox/settlements/distortions
 * DELETE /sandbox/settlements/distortions/{paymentKey} | /sandbox/settlements/distortions
 * </pre>
 */
@RestController
@RequestMapping(path = "/sandbox/settlements/distortions", produces = MediaType.APPLICATION_JSON_VALUE)
class SandboxSettlementController {

    private final SettlementBook book;

    SandboxSettlementController(SettlementBook book) {
        this.book = book;
    }

    @PutMapping("/{paymentKey}")
    SettlementDistortion distort(@PathVariable String paymentKey, @RequestBody DistortionRequest request) {
        SettlementDistortion distortion = request.toDistortion();
        book.distort(paymentKey, distortion);
        return distortion;
    }

    @GetMapping
    Map<String, SettlementDistortion> list() {
        return book.distortions();
    }

    @DeleteMapping("/{paymentKey}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(@PathVariable String paymentKey) {
        book.clearDistortion(paymentKey);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearAll() {
        book.clearDistortions();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DistortionRequest(String transactionKey, Long amountDelta, Long feeDelta, Long vatDelta,
            Integer payoutDateShiftDays, Boolean omit) {

        SettlementDistortion toDistortion() {
            SettlementDistortion distortion = new SettlementDistortion(transactionKey, orZero(amountDelta),
                    orZero(feeDelta), orZero(vatDelta), payoutDateShiftDays == null ? 0 : payoutDateShiftDays,
                    Boolean.TRUE.equals(omit));
            if (!distortion.omit() && distortion.amountDelta() == 0 && distortion.feeDelta() == 0
                    && distortion.vatDelta() == 0 && distortion.payoutDateShiftDays() == 0) {
                throw new TossException(TossErrorCode.INVALID_REQUEST,
                        "amountDelta, feeDelta, vatDelta, payoutDateShiftDays, omit 중 하나는 있어야 합니다.");
            }
            return distortion;
        }

        private static long orZero(Long value) {
            return value == null ? 0 : value;
        }

    }

}
