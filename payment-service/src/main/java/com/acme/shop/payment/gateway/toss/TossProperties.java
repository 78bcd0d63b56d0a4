package com.acme.shop.payment.gateway.toss;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * How we reach Toss. The secret key is never logged: {@link #toString()} masks it.
 *
 * @param connectTimeout see payment-service.yml for why these defaults
 */
@ConfigurationProperties("payment.toss")
record TossProperties(URI baseUrl, String secretKey, String clientKey, String jsSdkUrl,
                             @DefaultValue("3s") Duration connectTimeout,
                             @DefaultValue("30s") Duration readTimeout) {

    boolean liveKey() {
        return secretKey != null && secretKey.startsWith("live_");
    }

    @Override
    public String toString() {
        return "TossProperties[baseUrl=" + baseUrl + ", secretKey=" + mask(secretKey) + ", clientKey=" + clientKey
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    static String mask(String key) {
        if (key == null || key.length() < 8) {
            return "****";
        }
        return key.substring(0, key.indexOf('_', 5) + 1) + "****";
    }
}
