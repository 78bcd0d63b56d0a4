-- Issue #12: an order fully refunded while it still held its stock (CREATED or PARTIALLY_REFUNDED) puts its lines'
-- quantities back on the shelf, once. The instant it did so is the aggregate's guard against doing it twice, and
-- tells operators that it happened. NULL: the order never gave stock back (still holds it, never took it, or left
-- with the warehouse before it was refunded).
ALTER TABLE orders ADD COLUMN stock_returned_at DATETIME(6) NULL AFTER failure_detail;
