package com.acme.shop.payment.gateway.toss;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.util.regex.Pattern;

/**
 * Refuses to start with a key that is malformed, or with a live key outside the production profile
 * (a developer machine must never move real money). Messages name the key only by its prefix.
 */
final class TossKeyGuard {

    private static final Pattern SECRET = Pattern.compile("^(test|live)_(sk|gsk)_[A-Za-z0-9_]+$");
    private static final Pattern CLIENT = Pattern.compile("^(test|live)_(ck|gck)_[A-Za-z0-9_]+$");

    private TossKeyGuard() {
    }

    static void check(TossProperties toss, Environment environment) {
        if (toss.secretKey() == null || !SECRET.matcher(toss.secretKey()).matches()) {
            throw new IllegalStateException("TOSS_SECRET_KEY must be a Toss secret key (test_sk_, test_gsk_, live_sk_ "
                    + "or live_gsk_ prefix); got " + TossProperties.mask(toss.secretKey()));
        }
        if (toss.clientKey() == null || !CLIENT.matcher(toss.clientKey()).matches()) {
            throw new IllegalStateException("TOSS_CLIENT_KEY must be a Toss client key (test_ck_, test_gck_, live_ck_ "
                    + "or live_gck_ prefix)");
        }
        boolean liveSecret = toss.secretKey().startsWith("live_");
        if (liveSecret != toss.clientKey().startsWith("live_")) {
            throw new IllegalStateException("TOSS_SECRET_KEY and TOSS_CLIENT_KEY must both be test keys or both live keys");
        }
        if (liveSecret && !environment.acceptsProfiles(Profiles.of("production"))) {
            throw new IllegalStateException("A live Toss key (" + TossProperties.mask(toss.secretKey())
                    + ") is configured but the 'production' profile is not active. Live keys move real money: "
                    + "use test keys here, or start with SPRING_PROFILES_ACTIVE=production.");
        }
    }
}
