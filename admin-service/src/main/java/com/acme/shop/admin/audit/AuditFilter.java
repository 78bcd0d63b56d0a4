package com.acme.shop.admin.audit;

import java.time.Instant;

/**
 * Which audit rows to read, newest first. Null members match everything.
 *
 * @param from   first instant included
 * @param until  first instant no longer included
 * @param before keyset cursor: only rows with a smaller id (the last id of the previous page)
 */
public record AuditFilter(Instant from, Instant until, String username, AuditAction action, String target, Long before) {
}
