-- The checkout's secret: checkout returns a random token once, and only a caller presenting it may confirm, abandon or
-- read the payment (storefront customers have no login; knowing an orderId is not enough). Only its SHA-256 is
-- stored, as 64 hex characters. Checkouts made before this column existed have none and keep the old rule.
ALTER TABLE payment ADD COLUMN checkout_token_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER customer_id;
