package com.acme.shop.sandbox.payment;

import com.acme.shop.sandbox.error.TossErrorCode;

/** Why a payment ended ABORTED or EXPIRED. */
record Failure(String code, String message) {

    static Failure of(TossErrorCode code) {
        return new Failure(code.name(), code.message());
    }

}
