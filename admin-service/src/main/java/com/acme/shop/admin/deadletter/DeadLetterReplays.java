package com.acme.shop.admin.deadletter;

import com.acme.shop.admin.audit.AuditAction;
import com.acme.shop.admin.audit.AuditTrail;

import java.util.Map;

/** A replay as the audit log records it, from the API and from the review queue alike. */
final class DeadLetterReplays {

    private DeadLetterReplays() {
    }

    static DeadLetterView replay(DeadLetterService deadLetters, AuditTrail audit, long id, String operator) {
        return audit.run(AuditAction.DEAD_LETTER_REPLAY, Long.toString(id), "데드레터를 원래 토픽으로 재발행",
                () -> stateOf(deadLetters.deadLetter(id)), () -> deadLetters.replay(id, operator),
                DeadLetterReplays::stateOf);
    }

    static Map<String, Object> stateOf(DeadLetterView view) {
        return Map.of("status", view.status().name(), "key", String.valueOf(view.key()),
                "eventType", String.valueOf(view.eventType()), "originalTopic", String.valueOf(view.origin().topic()),
                "replayedBy", String.valueOf(view.replayedBy()));
    }
}
