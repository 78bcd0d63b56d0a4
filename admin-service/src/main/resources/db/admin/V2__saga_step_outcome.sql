-- The timeline as a complete record of each step: besides which service did what and when (event_type,
-- service, occurred_at), the outcome of the step and the reason behind it.
--   outcome     APPROVED | CREATED | FAILED | REFUNDED | PARTIALLY_REFUNDED
--   reason_code FailureReason of an ORDER_CREATION_FAILED, CancelCause of a PAYMENT_CANCELED
--   reason      the producer's Korean reason text (failure reason, cancel reason)
ALTER TABLE saga_step
    ADD COLUMN outcome     VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN reason_code VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN reason      VARCHAR(500) NULL;

-- steps recorded before this migration: derive the same from the stored columns and the raw event
UPDATE saga_step SET
    outcome = CASE
        WHEN event_type = 'PAYMENT_APPROVED' THEN 'APPROVED'
        WHEN event_type = 'ORDER_CREATED' THEN 'CREATED'
        WHEN event_type = 'ORDER_CREATION_FAILED' THEN 'FAILED'
        WHEN balance_amount = 0 THEN 'REFUNDED'
        ELSE 'PARTIALLY_REFUNDED' END,
    reason_code = CASE
        WHEN event_type = 'ORDER_CREATION_FAILED' THEN JSON_UNQUOTE(JSON_EXTRACT(payload, '$.payload.reasonCode'))
        WHEN event_type = 'PAYMENT_CANCELED' THEN cancel_cause
        ELSE NULL END,
    reason = CASE
        WHEN event_type = 'ORDER_CREATION_FAILED' THEN LEFT(JSON_UNQUOTE(JSON_EXTRACT(payload, '$.payload.reason')), 500)
        WHEN event_type = 'PAYMENT_CANCELED' THEN LEFT(JSON_UNQUOTE(JSON_EXTRACT(payload, '$.payload.cancelReason')), 500)
        ELSE NULL END;

ALTER TABLE saga_step MODIFY COLUMN outcome VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
