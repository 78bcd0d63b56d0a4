-- Refunds operators ask for (cause MANUAL): who asked, and where a deposited virtual account is refunded to when the
-- customer gave no account at checkout. Compensating refunds leave these empty.
ALTER TABLE payment_cancel
    ADD COLUMN requested_by       VARCHAR(64)  NULL AFTER cancel_reason,
    ADD COLUMN refund_bank_code   VARCHAR(8)   NULL AFTER requested_by,
    ADD COLUMN refund_account_no  VARCHAR(20)  NULL AFTER refund_bank_code,
    ADD COLUMN refund_holder_name VARCHAR(60)  NULL AFTER refund_account_no;

-- The operators' payment search (docs/packages.md, PaymentSearch): every search is bounded by a range of created_at,
-- then narrowed by status, method, customer, or found by its paymentKey. InnoDB appends the primary key to every
-- secondary index, so each of these also orders by id within equal values: the keyset cursor (created_at, id).
CREATE INDEX ix_payment_created ON payment (created_at);
CREATE INDEX ix_payment_status_created ON payment (status, created_at);
CREATE INDEX ix_payment_method_created ON payment (method, created_at);
CREATE INDEX ix_payment_key ON payment (payment_key);
-- Sorted by amount (then newest first), the search walks this index in its own order, checks the date range inside
-- the index, and stops at the page's end: no sort of the range, no visit to a row that is not on the page.
CREATE INDEX ix_payment_amount_created ON payment (total_amount, created_at);
-- the capped count of a search by date and amount reads this index alone, without visiting the rows
CREATE INDEX ix_payment_created_amount ON payment (created_at, total_amount);

-- The payment detail screen lists the security events of one order.
CREATE INDEX ix_security_event_order ON security_event (order_id);
