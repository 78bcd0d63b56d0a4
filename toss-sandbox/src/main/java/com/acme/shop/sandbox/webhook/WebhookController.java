package com.acme.shop.sandbox.webhook;

import java.net.http.HttpRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;

import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sandbox-only webhook controls (no authentication): registration, delivery log, faults, resend, raw send. */
@RestController
@RequestMapping(path = "/sandbox/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookController {

    private final WebhookSettings settings;

    private final WebhookFaults faults;

    private final DeliveryLog deliveries;

    private final WebhookSender sender;

    private final JsonMapper json;

    WebhookController(WebhookSettings settings, WebhookFaults faults, DeliveryLog deliveries, WebhookSender sender,
            JsonMapper json) {
        this.settings = settings;
        this.faults = faults;
        this.deliveries = deliveries;
        this.sender = sender;
        this.json = json;
    }

    @GetMapping("/config")
    WebhookSettings.Config config() {
        return settings.current();
    }

    /** Changes only the fields given: {@code url} ("" = off), {@code timeFactor}, {@code timeoutMs}, the two switches. */
    @PutMapping("/config")
    WebhookSettings.Config updateConfig(@RequestBody WebhookSettings.ConfigUpdate update) {
        return settings.update(update);
    }

    @GetMapping("/deliveries")
    List<Delivery.View> deliveries(@RequestParam(required = false) String orderId,
            @RequestParam(required = false) String eventType, @RequestParam(required = false) String paymentKey) {
        return deliveries.list(orderId, eventType, paymentKey);
    }

    @GetMapping("/deliveries/{id}")
    Delivery.View delivery(@PathVariable String id) {
        return find(id).view();
    }

    /** Forgets the log and stops pending resends and held (reordered) deliveries. */
    @DeleteMapping("/deliveries")
    ResponseEntity<Void> clearDeliveries() {
        sender.clearHeld();
        deliveries.clear();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/faults")
    WebhookFaults.Active setFault(@RequestBody WebhookFaults.Spec spec) {
        return faults.set(spec);
    }

    @GetMapping("/faults")
    ResponseEntity<WebhookFaults.Active> fault() {
        return faults.current().map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @DeleteMapping("/faults")
    ResponseEntity<Void> clearFault() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    /** Like "다시 시도" in Toss's console: the stored body again, as a new transmission (new id, retried count 0). */
    @PostMapping("/resend/{id}")
    ResponseEntity<Delivery.View> resend(@PathVariable String id) {
        Delivery original = find(id);
        Delivery again = sender.submit(original.eventType(), original.orderId(), original.paymentKey(),
                original.url(), original.body(), original.headerOverrides());
        return ResponseEntity.status(HttpStatus.CREATED).body(again.view());
    }

    /**
     * Delivers an arbitrary body (e.g. a forged webhook) to the configured URL with the standard headers; entries
     * of {@code headers} add or replace headers, a null value removes one. A string {@code body} is sent verbatim.
     * Retried like any delivery.
     */
    @PostMapping("/send")
    ResponseEntity<Delivery.View> send(@RequestBody SendRequest request) {
        WebhookSettings.Config config = settings.current();
        if (!config.enabled()) {
            throw new TossException(TossErrorCode.INVALID_REQUEST, "웹훅 URL이 설정되지 않았습니다 (PUT /sandbox/webhooks/config).");
        }
        if (request.body() == null || request.body().isNull() || request.body().isMissingNode()) {
            throw new TossException(TossErrorCode.INVALID_REQUEST, "body는 필수입니다.");
        }
        Map<String, String> headers = request.headers() == null ? Map.of() : request.headers();
        try {
            HttpRequest.Builder probe = HttpRequest.newBuilder(URI.create(config.url()));
            headers.forEach((name, value) -> {
                if (value != null) {
                    probe.header(name, value);
                }
            });
        }
        catch (IllegalArgumentException restricted) {
            throw new TossException(TossErrorCode.INVALID_REQUEST, "보낼 수 없는 헤더입니다: " + restricted.getMessage());
        }
        JsonNode body = request.body();
        String raw = body.isString() ? body.asString() : json.writeValueAsString(body);
        JsonNode data = body.path("data");
        String eventType = body.path("eventType").isString() ? body.path("eventType").asString()
                : body.has("secret") ? WebhookSender.DEPOSIT_CALLBACK : null;
        String orderId = text(data.path("orderId")) != null ? text(data.path("orderId")) : text(body.path("orderId"));
        Delivery delivery = sender.submit(eventType, orderId, text(data.path("paymentKey")), config.url(), raw,
                new java.util.HashMap<>(headers));
        return ResponseEntity.status(HttpStatus.CREATED).body(delivery.view());
    }

    private Delivery find(String id) {
        return deliveries.find(id).orElseThrow(() -> new TossException(TossErrorCode.NOT_FOUND,
                "존재하지 않는 웹훅 전송입니다: " + id));
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SendRequest(JsonNode body, Map<String, String> headers) {
    }

}
