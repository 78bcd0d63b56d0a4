package com.acme.shop.sandbox.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sandbox.virtual-account.*}.
 *
 * @param validHours how long an issued account takes deposits (Toss's {@code validHours}, default 168 = 7 days)
 * @param bankCode the issuing bank's code reported in {@code virtualAccount.bankCode}
 */
@ConfigurationProperties("sandbox.virtual-account")
record VirtualAccountProperties(@DefaultValue("168") int validHours, @DefaultValue("88") String bankCode) {

    VirtualAccountProperties {
        if (validHours <= 0) {
            throw new IllegalArgumentException("sandbox.virtual-account.valid-hours must be positive");
        }
    }

}
