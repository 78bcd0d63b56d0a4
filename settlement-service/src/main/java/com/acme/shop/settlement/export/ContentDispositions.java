package com.acme.shop.settlement.export;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with a non-ASCII file name, as RFC 6266 recommends: an ASCII
 * {@code filename} for old clients and the real name as {@code filename*=UTF-8''...} in RFC 5987 encoding.
 */
final class ContentDispositions {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ContentDispositions() {
    }

    static String attachment(String fileName, String asciiFallback) {
        return "attachment; filename=\"" + asciiFallback.replace("\"", "") + "\"; filename*=UTF-8''"
                + rfc5987(fileName);
    }

    /** Percent-encodes every UTF-8 byte that is not an RFC 5987 {@code attr-char}. */
    static String rfc5987(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0x0F]).append(HEX[b & 0x0F]);
            }
        }
        return encoded.toString();
    }
}
