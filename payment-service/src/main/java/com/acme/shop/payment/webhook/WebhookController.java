package com.acme.shop.payment.webhook;

import com.acme.shop.payment.Payment;
import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import com.acme.shop.platform.security.Operator;
import com.acme.shop.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Toss's webhook endpoint. It stores the delivery (raw body and transmission headers) under a unique key
 * and answers 200 at once; processing happens afterwards ({@link WebhookJob}). The answer does not
 * wait for Toss, Kafka or any lock, so it comes well inside Toss's 10 seconds. A duplicate answers 200
 * and changes nothing. A body that is not a JSON object is a 400 and is not stored.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "webhooks", description = "Toss's webhooks: stored, answered at once, verified against Toss later")
class WebhookController {


    private final WebhookLog webhooks;
    private final WebhookJob processor;
    /** Exactly one JSON document: trailing text after it is not a Toss webhook. */
    private final ObjectReader strictJson;
    private final Clock clock;

    WebhookController(WebhookLog webhooks, WebhookJob processor, JsonMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.processor = processor;
        this.strictJson = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.clock = clock;
    }

    @Operation(summary = "Receives a Toss webhook: stores it and answers 200 at once",
            description = "The body (a JSON object as Toss sends it: PAYMENT_STATUS_CHANGED, DEPOSIT_CALLBACK, ...) is "
                    + "stored as received under a unique key and processed afterwards; nothing in it is trusted: the "
                    + "payment it names is re-read from Toss. A duplicate answers 200 with `duplicate: true`.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The webhook exactly as Toss sends it (`eventType`, `createdAt`, `data`; or a "
                            + "deposit callback's flat fields)",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(type = "object", additionalPropertiesSchema = Object.class))))
    @Door(Caller.ANYONE)
    @ApiProblem(status = 400, codes = "MALFORMED_WEBHOOK", when = "the body is not a JSON object of a Toss webhook's shape")
    @PostMapping(path = "/toss", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(
            @RequestBody(required = false) String rawBody,
            @RequestHeader(name = "tosspayments-webhook-transmission-id", required = false) String transmissionId,
            @RequestHeader(name = "tosspayments-webhook-transmission-time", required = false) String transmissionTime,
            @RequestHeader(name = "tosspayments-webhook-transmission-retried-count", required = false) String retried,
            HttpServletRequest request) {
        JsonNode body;
        try {
            body = rawBody == null ? null : strictJson.readTree(rawBody);
        } catch (JacksonException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("MALFORMED_WEBHOOK", "A Toss webhook body must be a JSON object");
        }
        Webhook webhook;
        try {
            webhook = Webhook.parse(body, rawBody, blankToNull(transmissionId), blankToNull(transmissionTime),
                    parseCount(retried));
        } catch (Webhook.NotATossShape e) {
            throw ApiException.badRequest("MALFORMED_WEBHOOK", "Not a Toss webhook: " + e.getMessage());
        }
        Optional<Long> stored = webhooks.store(webhook, request.getRemoteAddr(), clock.instant());
        stored.ifPresent(processor::submit);
        return ResponseEntity.ok(Map.of("received", true, "duplicate", stored.isEmpty()));
    }

    /** For operators: refused and failed webhooks, or the webhooks of one order. */
    @Operation(operationId = "listWebhooks", summary = "Stored webhooks in one state (REFUSED, FAILED, ...) or of one order")
    @Door(Caller.SERVICE)
    @GetMapping
    List<WebhookLog.View> list(@RequestParam(required = false) String state,
                               @RequestParam(required = false) String orderId) {
        if (state == null && orderId == null) {
            throw ApiException.badRequest("VALIDATION_FAILED",
                    "give state (RECEIVED, PROCESSED, IGNORED, REFUSED, FAILED) or orderId");
        }
        WebhookLog.State wanted = state == null ? null : Arrays.stream(WebhookLog.State.values())
                .filter(s -> s.name().equals(state)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("VALIDATION_FAILED",
                        "state must be one of " + Arrays.toString(WebhookLog.State.values())));
        if (orderId != null && !Payment.isOrderId(orderId)) {
            throw ApiException.badRequest("VALIDATION_FAILED", "orderId must be 6-64 characters of A-Z, a-z, 0-9, _ and -");
        }
        return webhooks.list(wanted, orderId);
    }

    /** One stored webhook, with its body as received. */
    @Operation(operationId = "getWebhook", summary = "One stored webhook, with its body as received and what became of it")
    @Door(Caller.SERVICE)
    @ApiProblem(status = 404, codes = "WEBHOOK_NOT_FOUND", when = "no webhook has this id")
    @GetMapping("/{id}")
    WebhookLog.View get(@PathVariable String id) {
        return webhooks.view(parseId(id)).orElseThrow(() -> notFound(id));
    }

    /**
     * Processes a refused, failed or ignored webhook once more, now, as an operator asked (the payment is re-read from
     * the PG as always; nothing in the webhook is trusted more the second time).
     */
    @Operation(summary = "Processes a refused, failed or ignored webhook once more, for an operator")
    @Door(Caller.SERVICE_FOR_OPERATOR)
    @ApiProblem(status = 404, codes = "WEBHOOK_NOT_FOUND", when = "no webhook has this id")
    @ApiProblem(status = 409, codes = "WEBHOOK_NOT_REPROCESSABLE", when = "the webhook is not REFUSED, FAILED or IGNORED")
    @PostMapping("/{id}/reprocess")
    WebhookLog.View reprocess(@PathVariable String id) {
        long webhookId = parseId(id);
        String operator = Operator.required();
        WebhookLog.View before = webhooks.view(webhookId).orElseThrow(() -> notFound(id));
        if (!webhooks.reopen(webhookId, "re-processing asked by " + operator, clock.instant())) {
            throw new ApiException(HttpStatus.CONFLICT, "WEBHOOK_NOT_REPROCESSABLE", "Webhook " + id + " is "
                    + before.state() + "; only REFUSED, FAILED or IGNORED webhooks can be processed again",
                    Map.of("webhookState", before.state()));
        }
        processor.submit(webhookId);
        return webhooks.view(webhookId).orElseThrow();
    }

    private static long parseId(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            throw notFound(id);
        }
        return Long.parseLong(id);
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("WEBHOOK_NOT_FOUND", "No webhook " + id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Integer parseCount(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
