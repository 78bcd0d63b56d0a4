package com.acme.shop.sandbox.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;

/**
 * Reads the secret key from {@code Authorization: Basic base64(secretKey + ":")}. The secret key is the user name and
 * the password is empty, so the decoded value must contain a colon; forgetting it is a common integration mistake
 * that Toss reports as {@code 403 INCORRECT_BASIC_AUTH_FORMAT}.
 */
final class BasicCredentials {

    private static final String SCHEME = "Basic ";

    private BasicCredentials() {
    }

    static String secretKeyFrom(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new TossException(TossErrorCode.UNAUTHORIZED_KEY);
        }
        String decoded;
        try {
            // The basic decoder also accepts unpadded input, which some SDKs send.
            decoded = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).trim()),
                    StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException notBase64) {
            throw new TossException(TossErrorCode.UNAUTHORIZED_KEY);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new TossException(TossErrorCode.INCORRECT_BASIC_AUTH_FORMAT);
        }
        return decoded.substring(0, colon);
    }

}
