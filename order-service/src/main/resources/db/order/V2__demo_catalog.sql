-- Demo catalog for the storefront and the end-to-end tests. The ids match the contract examples
-- (TSHIRT-BLK-M, MUG-WHT). HOODIE-LTD has little stock so the demo can run it out; CAP-BLU is withdrawn.
INSERT INTO product (product_id, name, price, stock, sellable, emoji, description, version) VALUES
    ('TSHIRT-BLK-M', '토스 티셔츠 (검정, M)', 15000, 100, TRUE, '👕', '부드러운 면 100% 반팔 티셔츠', 0),
    ('MUG-WHT', '토스 머그컵', 9000, 50, TRUE, '☕', '350ml 세라믹 머그컵', 0),
    ('ECOBAG-NAT', '토스 에코백', 12000, 30, TRUE, '👜', '캔버스 소재 데일리 에코백', 0),
    ('HOODIE-LTD', '한정판 후드티', 59000, 3, TRUE, '🧥', '한정 수량 기모 후드티', 0),
    ('STICKER-PACK', '스티커 팩', 3000, 500, TRUE, '✨', '토스 캐릭터 스티커 10종', 0),
    ('CAP-BLU', '토스 볼캡 (파랑)', 25000, 0, FALSE, '🧢', '판매 종료된 상품', 0);
