package com.acme.shop.admin.audit;

import java.time.Instant;

/**
 * One row of the audit log.
 *
 * @param username      who: the signed-in operator (for a failed sign-in, what was typed)
 * @param occurredAt    when, UTC
 * @param target        on what: orderId, refund request id, dead letter id, username, ...; null when nothing in particular
 * @param before        JSON text of the state the owning service reported before the action, or null
 * @param after         JSON text of the state after it, or null
 * @param problemCode   the stable code of a refusal or failure, null on success
 * @param clientAddress the address the request came from
 */
public record AuditEntry(long id, Instant occurredAt, String username, AuditAction action, String target,
                         AuditOutcome outcome, String problemCode, String reason, String before, String after,
                         String clientAddress) {
}
