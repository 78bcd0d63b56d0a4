package com.acme.shop.admin.audit;

import com.acme.shop.platform.security.ServiceCalls;
import com.acme.shop.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes the audit log: every action a person takes in the console that changes something, whether it succeeds, is
 * refused or fails, with the state the owning service reported before and after. Each row is committed on its own,
 * so a refusal is recorded even though the request that carried it ends in an error.
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    /** What the before/after columns keep of a state; more is cut (the owning service still has the whole). */
    static final int STATE_LENGTH = 60_000;
    static final int REASON_LENGTH = 500;
    static final int TARGET_LENGTH = 200;
    static final int USERNAME_LENGTH = 64;

    private final AuditLog auditLog;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditTrail(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Runs an action for the signed-in operator and records it: {@code before} is read first (a failure to read it is
     * recorded as such, and the action still runs), then {@code action}; a 4xx {@link ApiException} it throws is
     * recorded as REFUSED with its code, anything else as FAILED, and the exception goes on to the caller. On success
     * {@code after} describes the new state from the action's result.
     */
    public <T> T run(AuditAction action, String target, String reason, Supplier<?> before, Supplier<T> work,
                     Function<? super T, ?> after) {
        return run(action, target, () -> reason, before, work, after);
    }

    /** As above, with a reason known only once the action has read its input (asked after the action, either way). */
    public <T> T run(AuditAction action, String target, Supplier<String> reason, Supplier<?> before, Supplier<T> work,
                     Function<? super T, ?> after) {
        String beforeState = state(before);
        T result;
        try {
            result = work.get();
        } catch (ApiException e) {
            record(action, target, e.status().is4xxClientError() ? AuditOutcome.REFUSED : AuditOutcome.FAILED,
                    e.code(), reason.get(), beforeState, null);
            throw e;
        } catch (RuntimeException e) {
            record(action, target, AuditOutcome.FAILED, e.getClass().getSimpleName(), reason.get(), beforeState, null);
            throw e;
        }
        String afterState = state(() -> after.apply(result));
        record(action, target, AuditOutcome.SUCCEEDED, null, reason.get(), beforeState, afterState);
        return result;
    }

    /** Records an action of the signed-in operator (or of the request's caller) with the request's address. */
    public void record(AuditAction action, String target, AuditOutcome outcome, String problemCode, String reason,
                       String before, String after) {
        String who = ServiceCalls.currentOperator();
        recordAs(who == null ? "(anonymous)" : who, action, target, outcome, problemCode, reason, before, after);
    }

    /** As {@link #record}, for a person who is not (yet) signed in: a sign-in attempt names what was typed. */
    public void recordAs(String username, AuditAction action, String target, AuditOutcome outcome, String problemCode,
                         String reason, String before, String after) {
        try {
            auditLog.append(clock.instant(), cut(username, USERNAME_LENGTH), action, cut(target, TARGET_LENGTH), outcome,
                    cut(problemCode, 64), cut(reason, REASON_LENGTH), cut(before, STATE_LENGTH),
                    cut(after, STATE_LENGTH), clientAddress());
        } catch (RuntimeException e) {
            // the action already happened (or was refused); losing its record must be loud
            log.error("AUDIT LOST: {} {} {} by {}: {}", action, target, outcome, username, e.toString());
            throw e;
        }
    }

    public List<AuditEntry> find(AuditFilter filter, int limit) {
        return auditLog.find(filter, limit);
    }

    public List<AuditEntry> ofTarget(String target, int limit) {
        return auditLog.ofTarget(target, limit);
    }

    /** The state as JSON text; a state that cannot be read is recorded as why. */
    private String state(Supplier<?> supplier) {
        if (supplier == null) {
            return null;
        }
        Object value;
        try {
            value = supplier.get();
        } catch (ApiException e) {
            value = java.util.Map.of("unavailable", e.code(), "detail", String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // the state could not be read; the action and its record must not depend on it
            log.warn("Audit state unreadable: {}", e.toString());
            value = java.util.Map.of("unavailable", e.getClass().getSimpleName());
        }
        if (value == null || value instanceof String) {
            return (String) value;
        }
        return json.writeValueAsString(value);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
