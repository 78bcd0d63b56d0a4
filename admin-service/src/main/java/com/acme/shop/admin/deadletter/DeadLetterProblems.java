package com.acme.shop.admin.deadletter;

import com.acme.shop.platform.web.ApiException;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.util.Map;

/** The dead-letter API's failures, each with a stable problem code. */
final class DeadLetterProblems {

    private DeadLetterProblems() {
    }

    static final class NotFound extends ApiException {
        NotFound(long id) {
            super(HttpStatus.NOT_FOUND, "DEAD_LETTER_NOT_FOUND", "데드레터를 찾을 수 없습니다: " + id, Map.of("id", id));
        }
    }

    static final class AlreadyReplayed extends ApiException {
        AlreadyReplayed(long id, Instant replayedAt, String replayedBy) {
            super(HttpStatus.CONFLICT, "DEAD_LETTER_ALREADY_REPLAYED",
                    "이미 재처리한 데드레터입니다: " + id + " (" + replayedAt + ", " + replayedBy + ")",
                    Map.of("id", id, "replayedAt", replayedAt.toString(), "replayedBy", replayedBy));
        }
    }

    static final class NotReplayable extends ApiException {
        NotReplayable(long id, String why) {
            super(HttpStatus.CONFLICT, "DEAD_LETTER_NOT_REPLAYABLE", why, Map.of("id", id));
        }
    }

    static final class ReplayFailed extends ApiException {
        ReplayFailed(long id, String topic, Exception cause) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "DEAD_LETTER_REPLAY_FAILED",
                    "Kafka가 재처리 레코드를 받지 않았습니다 (" + topic + "): " + cause.getClass().getSimpleName()
                            + "; 데드레터는 NEW로 남습니다",
                    Map.of("id", id, "topic", topic));
        }
    }
}
