package com.acme.shop.sandbox.payment;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import com.acme.shop.sandbox.api.TossTime;

import org.springframework.stereotype.Component;

/** Generates identifiers shaped like the ones observed in real Toss responses. */
@Component
class TossKeys {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static final DateTimeFormatter PAYMENT_KEY_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
        .withZone(TossTime.ZONE);

    private final SecureRandom random = new SecureRandom();

    /** The newer shape: {@code tviva20240213121757MvuS8} (merchant prefix, KST time, 5 random characters). */
    String paymentKey(Instant now) {
        return "tviva" + PAYMENT_KEY_TIME.format(now) + alphanumeric(5);
    }

    /** 32 uppercase hex characters, e.g. {@code 9C62B18EEF0DE3EB7F4422EB6D14BC6E}. */
    String transactionKey() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** The webhook-verification value, e.g. {@code ps_eqRGgYO1r57E4Z541ZMW3QnN2Eya}. */
    String secret() {
        return "ps_" + alphanumeric(27);
    }

    /** A virtual account number: 14 random digits. */
    String accountNumber() {
        StringBuilder value = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            value.append((char) ('0' + random.nextInt(10)));
        }
        return value.toString();
    }

    private String alphanumeric(int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return value.toString();
    }

}
