package com.acme.shop.admin.deadletter;

import com.acme.shop.admin.audit.AuditTrail;
import com.acme.shop.platform.openapi.ApiProblem;
import com.acme.shop.platform.openapi.Caller;
import com.acme.shop.platform.openapi.Door;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Dead letters for operators: list them with cause and origin, replay one to its original topic. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@Tag(name = "dead letters", description = "Records a consumer could not process, with cause and origin; replay")
class DeadLetterController {

    private static final String TOPIC = "^[A-Za-z0-9._-]{1,200}$";
    private static final String KEY = "^[A-Za-z0-9_-]{1,64}$";

    private final DeadLetterService deadLetters;
    private final AuditTrail audit;

    DeadLetterController(DeadLetterService deadLetters, AuditTrail audit) {
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    /**
     * Newest first. {@code topic} matches the dead-letter topic ({@code payment.events.DLT}) or the original one
     * ({@code payment.events}); {@code key} is the record key (the orderId).
     */
    @Operation(operationId = "latestDeadLetters", summary = "Dead letters, newest first, by status, topic (dead-letter or original) and key")
    @Door(Caller.PERSON_OR_SERVICE)
    @GetMapping
    DeadLetterList latest(@RequestParam(required = false) DeadLetterStatus status,
                          @RequestParam(required = false) @Pattern(regexp = TOPIC) String topic,
                          @RequestParam(required = false) @Pattern(regexp = KEY) String key,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return new DeadLetterList(deadLetters.latest(status, topic, key, limit));
    }

    @Operation(summary = "One dead letter: key, value, headers, cause and origin (topic, partition, offset)")
    @Door(Caller.PERSON_OR_SERVICE)
    @ApiProblem(status = 404, codes = "DEAD_LETTER_NOT_FOUND", when = "no dead letter has this id")
    @GetMapping("/{id}")
    DeadLetterView deadLetter(@PathVariable @Min(1) long id) {
        return deadLetters.deadLetter(id);
    }

    /**
     * Publishes the dead letter's original key and value to its original topic and marks it REPLAYED, recording the
     * signed-in operator as {@code replayed_by} (who replays is the session's, never the request's to say). 409
     * DEAD_LETTER_ALREADY_REPLAYED the second time, 409 DEAD_LETTER_NOT_REPLAYABLE without a saga topic of
     * origin, 503 DEAD_LETTER_REPLAY_FAILED when Kafka does not acknowledge (the dead letter stays NEW). No body.
     */
    @Operation(summary = "Publishes the dead letter's key and value to its original topic again, for the signed-in operator",
            description = "OPERATOR or ADMIN, signed in (a service token cannot replay: who replays is the session's to "
                    + "say). The dead letter becomes REPLAYED with the operator recorded. No body.")
    @Door(Caller.PERSON_WITH_CSRF)
    @ApiProblem(status = 404, codes = "DEAD_LETTER_NOT_FOUND", when = "no dead letter has this id")
    @ApiProblem(status = 409, codes = {"DEAD_LETTER_ALREADY_REPLAYED", "DEAD_LETTER_NOT_REPLAYABLE"},
            when = "it was replayed before, or its topic of origin is not a saga topic")
    @ApiProblem(status = 503, codes = "DEAD_LETTER_REPLAY_FAILED",
            when = "Kafka did not acknowledge the record; the dead letter stays NEW, try again")
    @PostMapping("/{id}/replay")
    DeadLetterView replay(@PathVariable @Min(1) long id, Authentication operator) {
        return DeadLetterReplays.replay(deadLetters, audit, id, operator.getName());
    }

    record DeadLetterList(List<DeadLetterView> deadLetters) {
    }
}
