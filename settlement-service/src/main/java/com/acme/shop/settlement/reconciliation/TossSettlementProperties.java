package com.acme.shop.settlement.reconciliation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code settlement.toss.*}: where the reconciliation reads Toss's settlement rows.
 *
 * @param baseUrl        Toss API base URL ({@code TOSS_API_BASE_URL}; the sandbox locally)
 * @param secretKey      secret key for Basic auth ({@code TOSS_SECRET_KEY})
 * @param readTimeout    Toss documents settlement lookups of up to 60 s; at least 60 s is enforced
 * @param pageSize       rows per page (Toss allows at most 5000)
 */
@ConfigurationProperties("settlement.toss")
record TossSettlementProperties(@DefaultValue("http://127.0.0.1:8090") String baseUrl,
                                @DefaultValue("test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R") String secretKey,
                                @DefaultValue("5s") Duration connectTimeout,
                                @DefaultValue("65s") Duration readTimeout,
                                @DefaultValue("5000") int pageSize) {

    TossSettlementProperties {
        if (readTimeout.compareTo(Duration.ofSeconds(60)) < 0) {
            throw new IllegalArgumentException("settlement.toss.read-timeout must be at least 60s (Toss: settlement "
                    + "lookups can take up to 60 s), got " + readTimeout);
        }
        if (pageSize < 1 || pageSize > 5000) {
            throw new IllegalArgumentException("settlement.toss.page-size must be within 1..5000: " + pageSize);
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("settlement.toss.secret-key is required");
        }
    }
}
