-- What Toss says about how a payment was made that an operator needs when a customer calls: the card (issuer code,
-- masked number, installment months, approval number, credit or check) and the receipt's address. The confirm's
-- answer carries them; until now the card was read and dropped.
ALTER TABLE payment
    ADD COLUMN card_issuer_code        VARCHAR(8)    NULL AFTER easy_pay_provider,
    ADD COLUMN card_number             VARCHAR(32)   NULL AFTER card_issuer_code,
    ADD COLUMN card_installment_months INT           NULL AFTER card_number,
    ADD COLUMN card_approve_no         VARCHAR(16)   NULL AFTER card_installment_months,
    ADD COLUMN card_type               VARCHAR(16)   NULL AFTER card_approve_no,
    ADD COLUMN receipt_url             VARCHAR(1000) NULL AFTER card_type;
