package com.acme.shop.platform.security;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The service and scrape tokens in force, checked once at start-up: outside the {@code local} profile a missing,
 * published or short token stops the service (as a live Toss key outside production does), because a service
 * that accepts a guessable credential is open to anyone who can reach its port. The local profile (what
 * {@code ./run.sh} starts) falls back to published local tokens, so the README's commands need no configuration.
 */
public final class Credentials {

    /** The published local tokens: never accepted outside the local profile. */
    public static final String LOCAL_SERVICE_TOKEN = "local-service-token-for-run-sh-only-0001";
    public static final String LOCAL_SCRAPE_TOKEN = "local-scrape-token-for-run-sh-only-00001";
    static final int MIN_LENGTH = 32;
    private static final Set<String> PUBLISHED = Set.of(LOCAL_SERVICE_TOKEN, LOCAL_SCRAPE_TOKEN,
            "local-dev-internal-token");

    private final byte[] serviceToken;
    private final byte[] scrapeToken;

    private Credentials(String serviceToken, String scrapeToken) {
        this.serviceToken = serviceToken.getBytes(StandardCharsets.UTF_8);
        this.scrapeToken = scrapeToken == null ? null : scrapeToken.getBytes(StandardCharsets.UTF_8);
    }

    /** The tokens the properties and profile give, or an exception that stops start-up and says what to set. */
    public static Credentials of(SecurityProperties properties, Environment environment) {
        boolean local = environment.acceptsProfiles(Profiles.of("local"));
        String service = firstSet(properties.serviceToken(), environment.getProperty("SHOP_SERVICE_TOKEN"));
        String scrape = firstSet(properties.scrapeToken(), environment.getProperty("SHOP_SCRAPE_TOKEN"));
        if (local) {
            service = blank(service) ? LOCAL_SERVICE_TOKEN : service;
            scrape = blank(scrape) ? LOCAL_SCRAPE_TOKEN : scrape;
        }
        scrape = blank(scrape) ? null : scrape;
        if (!local) {
            require("SHOP_SERVICE_TOKEN (shop.security.service-token)", service);
            if (scrape != null) {
                require("SHOP_SCRAPE_TOKEN (shop.security.scrape-token)", scrape);
            }
        }
        if (scrape != null && scrape.equals(service)) {
            throw new IllegalStateException("SHOP_SCRAPE_TOKEN must differ from SHOP_SERVICE_TOKEN: the scraper may read "
                    + "metrics, not call the services");
        }
        return new Credentials(service, scrape);
    }

    private static void require(String name, String token) {
        if (blank(token)) {
            throw new IllegalStateException(name + " is not set. Every service needs the shared service credential "
                    + "outside the local profile: set it to a random value of at least " + MIN_LENGTH + " characters "
                    + "(e.g. openssl rand -base64 36), the same for every service.");
        }
        if (token.length() < MIN_LENGTH || PUBLISHED.contains(token)) {
            throw new IllegalStateException(name + " is too short or a published default; outside the local profile "
                    + "it must be a random value of at least " + MIN_LENGTH + " characters.");
        }
    }

    /** The property wins; the short environment variable names are what operators set (docs/security.md). */
    private static String firstSet(String property, String environmentVariable) {
        return blank(property) ? environmentVariable : property;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The service token, for the {@code Authorization: Bearer} header of calls to other services. */
    public String serviceToken() {
        return new String(serviceToken, StandardCharsets.UTF_8);
    }

    boolean isServiceToken(String presented) {
        return presented != null && MessageDigest.isEqual(serviceToken, presented.getBytes(StandardCharsets.UTF_8));
    }

    boolean isScrapeToken(String presented) {
        return scrapeToken != null && presented != null
                && MessageDigest.isEqual(scrapeToken, presented.getBytes(StandardCharsets.UTF_8));
    }
}
