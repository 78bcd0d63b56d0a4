-- Virtual accounts waiting for their deposit become a durable queue (DepositDeadline): due at the account's due date
-- in next_recovery_at, attempts counted in recovery_attempts, as the unknown-outcome queue does for its payments.
UPDATE payment
SET next_recovery_at = COALESCE(va_due_at, DATE_ADD(updated_at, INTERVAL 7 DAY)), recovery_attempts = 0
WHERE status = 'WAITING_FOR_DEPOSIT';
