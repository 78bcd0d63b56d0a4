package com.acme.shop.sandbox.settings;

import java.time.Duration;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/PUT /sandbox/settings}; a PUT changes only the fields it carries. */
@RestController
@RequestMapping(path = "/sandbox/settings", produces = MediaType.APPLICATION_JSON_VALUE)
class SettingsController {

    private final SandboxSettings settings;

    SettingsController(SandboxSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    SettingsBody get() {
        return SettingsBody.of(settings.current());
    }

    @PutMapping
    SettingsBody update(@RequestBody SettingsUpdate update) {
        if (update.defaultLatencyMs() != null && update.defaultLatencyMs() < 0) {
            throw new TossException(TossErrorCode.INVALID_REQUEST, "defaultLatencyMs는 0 이상이어야 합니다.");
        }
        Duration latency = update.defaultLatencyMs() == null ? null : Duration.ofMillis(update.defaultLatencyMs());
        return SettingsBody.of(settings.update(update.replayStoredErrors(), latency));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SettingsUpdate(Boolean replayStoredErrors, Long defaultLatencyMs) {
    }

    record SettingsBody(boolean replayStoredErrors, long defaultLatencyMs) {

        static SettingsBody of(SandboxSettings.Values values) {
            return new SettingsBody(values.replayStoredErrors(), values.defaultLatency().toMillis());
        }

    }

}
