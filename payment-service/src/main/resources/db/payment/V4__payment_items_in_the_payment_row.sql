-- A checkout's priced lines move into the payment row as one JSON array: they are written once at checkout and only
-- ever read whole with the payment (to build PAYMENT_APPROVED), so a child table cost a second query on every load
-- of a payment. Element shape: {"productId", "productName", "quantity", "unitPrice"}, in line order.
-- TEXT rather than JSON: MySQL and MariaDB disagree on what JSON is (a binary type; an alias of LONGTEXT), and nothing
-- queries inside the array.
ALTER TABLE payment ADD COLUMN items TEXT NULL AFTER currency;

-- GROUP_CONCAT keeps line order on both servers (JSON_ARRAYAGG takes no ORDER BY on MySQL); its result is cut at
-- group_concat_max_len, which MySQL sets to 1024 bytes by default: 20 lines of Korean names need more.
SET SESSION group_concat_max_len = 1048576;
UPDATE payment p SET items = (
    SELECT CONCAT('[', GROUP_CONCAT(JSON_OBJECT('productId', i.product_id, 'productName', i.product_name,
                                                'quantity', i.quantity, 'unitPrice', i.unit_price)
                                    ORDER BY i.line_no SEPARATOR ','), ']')
    FROM payment_item i WHERE i.payment_id = p.id);
UPDATE payment SET items = '[]' WHERE items IS NULL;
ALTER TABLE payment MODIFY items TEXT NOT NULL;

DROP TABLE payment_item;
