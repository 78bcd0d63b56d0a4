-- order-service schema: the product catalog with stock, and orders created from approved payments.
-- Written in the SQL subset that both MySQL 8.4 and MariaDB 10.11+ accept. Instants are UTC DATETIME(6),
-- amounts are KRW won in BIGINT.

CREATE TABLE product (
    product_id  VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name        VARCHAR(200) NOT NULL,
    price       BIGINT       NOT NULL,
    stock       INT          NOT NULL,
    sellable    BOOLEAN      NOT NULL,
    emoji       VARCHAR(16)  NULL,
    description VARCHAR(500) NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (product_id),
    -- last line of defence: the conditional stock UPDATE never lets stock go negative, neither may anything else
    CONSTRAINT ck_product_stock CHECK (stock >= 0),
    CONSTRAINT ck_product_price CHECK (price >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per approved payment (orderId = Toss orderId = Kafka key). FAILED rows are kept: they are the
-- record of why the money is being refunded.
CREATE TABLE orders (
    order_id        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    payment_key     VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    customer_id     VARCHAR(64)  NOT NULL,
    status          VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    total_amount    BIGINT       NOT NULL,
    refunded_amount BIGINT       NOT NULL DEFAULT 0,
    failure_reason  VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    failure_detail  VARCHAR(500) NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL,
    PRIMARY KEY (order_id),
    -- second line of defence behind the inbox: one order per Toss payment
    UNIQUE KEY uk_orders_payment_key (payment_key),
    KEY ix_orders_customer_created (customer_id, created_at),
    CONSTRAINT ck_orders_amounts CHECK (total_amount >= 0 AND refunded_amount >= 0 AND refunded_amount <= total_amount)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The lines as priced at checkout (the price the customer paid), not the catalog's current price.
CREATE TABLE order_line (
    order_id     VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    line_no      INT          NOT NULL,
    product_id   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    product_name VARCHAR(200) NOT NULL,
    quantity     INT          NOT NULL,
    unit_price   BIGINT       NOT NULL,
    PRIMARY KEY (order_id, line_no),
    KEY ix_order_line_product (product_id),
    CONSTRAINT fk_order_line_order FOREIGN KEY (order_id) REFERENCES orders (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
