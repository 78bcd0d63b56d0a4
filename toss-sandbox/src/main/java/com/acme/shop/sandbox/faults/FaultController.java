package com.acme.shop.sandbox.faults;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.acme.shop.sandbox.SandboxProperties;
import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /sandbox/faults}: tests add, list and remove faults over HTTP. */
@RestController
@RequestMapping(path = "/sandbox/faults", produces = MediaType.APPLICATION_JSON_VALUE)
class FaultController {

    private final FaultRegistry faults;

    private final Duration defaultDropHold;

    FaultController(FaultRegistry faults, SandboxProperties properties) {
        this.faults = faults;
        this.defaultDropHold = properties.dropHold();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created add(@RequestBody FaultRequest request) {
        Fault fault = request.toFault(faults.nextId(), defaultDropHold);
        faults.add(fault);
        return new Created(fault.id());
    }

    @GetMapping
    List<FaultBody> list() {
        return faults.list().stream().map(FaultBody::of).toList();
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear() {
        faults.clear();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String id) {
        if (!faults.remove(id)) {
            throw new TossException(TossErrorCode.NOT_FOUND, "존재하지 않는 장애 설정입니다: " + id);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FaultRequest(String endpoint, String orderId, Long latencyMs, String errorCode, String mode,
            Integer times, Long dropHoldMs) {

        Fault toFault(String id, Duration defaultDropHold) {
            FaultTarget target = parse(FaultTarget.class, endpoint == null ? "ANY" : endpoint, "endpoint");
            FaultMode faultMode = parse(FaultMode.class, mode == null ? "NONE" : mode, "mode");
            TossErrorCode code = errorCode == null ? null : TossErrorCode.find(errorCode)
                .orElseThrow(() -> invalid("알 수 없는 errorCode: " + errorCode));
            if (code != null && faultMode != FaultMode.NONE) {
                throw invalid("errorCode는 mode NONE 에서만 사용할 수 있습니다.");
            }
            if (times != null && times < 1) {
                throw invalid("times는 1 이상이어야 합니다.");
            }
            if ((latencyMs != null && latencyMs < 0) || (dropHoldMs != null && dropHoldMs < 0)) {
                throw invalid("latencyMs와 dropHoldMs는 0 이상이어야 합니다.");
            }
            return new Fault(id, target, orderId, latencyMs == null ? null : Duration.ofMillis(latencyMs), code,
                    faultMode, dropHoldMs == null ? defaultDropHold : Duration.ofMillis(dropHoldMs), times);
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException unknown) {
                throw invalid("알 수 없는 " + field + ": " + value);
            }
        }

        private static TossException invalid(String message) {
            return new TossException(TossErrorCode.INVALID_REQUEST, message);
        }

    }

    record Created(String id) {
    }

    record FaultBody(String id, FaultTarget endpoint, String orderId, Long latencyMs, String errorCode,
            FaultMode mode, Long dropHoldMs, Integer times, Integer remaining) {

        static FaultBody of(Fault fault) {
            return new FaultBody(fault.id(), fault.endpoint(), fault.orderId(),
                    fault.latency() == null ? null : fault.latency().toMillis(),
                    fault.errorCode() == null ? null : fault.errorCode().name(), fault.mode(),
                    fault.mode() == FaultMode.APPROVE_THEN_DROP ? fault.dropHold().toMillis() : null, fault.times(),
                    fault.remaining());
        }

    }

}
