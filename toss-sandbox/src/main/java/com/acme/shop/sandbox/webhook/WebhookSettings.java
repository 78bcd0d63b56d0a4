package com.acme.shop.sandbox.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;

import org.springframework.stereotype.Component;

/** The webhook registration as tests change it at runtime; starts from {@link WebhookProperties}. */
@Component
class WebhookSettings {

    private final AtomicReference<Config> current;

    WebhookSettings(WebhookProperties properties) {
        this.current = new AtomicReference<>(new Config(validUrl(properties.url()), properties.timeFactor(),
                properties.timeout().toMillis(), properties.sendPaymentStatusChanged(),
                properties.sendDepositCallback()));
    }

    Config current() {
        return current.get();
    }

    /** Changes only the given fields; an empty url switches webhooks off. Bad values change nothing (400). */
    Config update(ConfigUpdate update) {
        String url = update.url() == null ? null : validUrl(update.url().trim());
        if (update.timeFactor() != null && (!(update.timeFactor() > 0) || update.timeFactor().isInfinite())) {
            throw invalid("timeFactor는 0보다 커야 합니다.");
        }
        if (update.timeoutMs() != null && update.timeoutMs() <= 0) {
            throw invalid("timeoutMs는 0보다 커야 합니다.");
        }
        return current.updateAndGet(c -> new Config(url == null ? c.url() : url,
                update.timeFactor() == null ? c.timeFactor() : update.timeFactor(),
                update.timeoutMs() == null ? c.timeoutMs() : update.timeoutMs(),
                update.sendPaymentStatusChanged() == null ? c.sendPaymentStatusChanged()
                        : update.sendPaymentStatusChanged(),
                update.sendDepositCallback() == null ? c.sendDepositCallback() : update.sendDepositCallback()));
    }

    private static String validUrl(String url) {
        if (url.isEmpty()) {
            return url;
        }
        try {
            URI uri = new URI(url);
            if (uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null) {
                return url;
            }
        }
        catch (URISyntaxException malformed) {
            // reported below
        }
        throw invalid("url은 http(s) 절대 URL이거나 빈 문자열이어야 합니다: " + url);
    }

    private static TossException invalid(String message) {
        return new TossException(TossErrorCode.INVALID_REQUEST, message);
    }

    record Config(String url, double timeFactor, long timeoutMs, boolean sendPaymentStatusChanged,
            boolean sendDepositCallback) {

        boolean enabled() {
            return !url.isEmpty();
        }

        Duration timeout() {
            return Duration.ofMillis(timeoutMs);
        }

    }

    record ConfigUpdate(String url, Double timeFactor, Long timeoutMs, Boolean sendPaymentStatusChanged,
            Boolean sendDepositCallback) {
    }

}
