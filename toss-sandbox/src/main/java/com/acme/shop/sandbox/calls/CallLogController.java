package com.acme.shop.sandbox.calls;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /sandbox/calls}: lets tests assert what their service actually sent to "Toss". */
@RestController
@RequestMapping(path = "/sandbox/calls", produces = MediaType.APPLICATION_JSON_VALUE)
class CallLogController {

    private final CallLog log;

    CallLogController(CallLog log) {
        this.log = log;
    }

    @GetMapping
    List<CallRecord> find(@RequestParam(required = false) String orderId,
            @RequestParam(required = false) String paymentKey, @RequestParam(required = false) String path) {
        return log.find(blankToNull(orderId), blankToNull(paymentKey), blankToNull(path));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear() {
        log.clear();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
