package com.acme.shop.order.catalog;

import com.acme.shop.contracts.order.FailureReason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Takes stock for an order, all lines or none, and gives a canceled order's stock back. Each line is one conditional UPDATE
 * ({@code ... WHERE stock >= ?}), so two orders can never both get the last piece, whatever the
 * interleaving, and no row is read and then written.
 */
@Component
public class Stock {

    private final JdbcTemplate jdbc;

    Stock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes {@code quantities} (product id to pieces) inside the caller's transaction. Returns the first
     * shortage, after giving back what this call had already taken; empty when everything was taken.
     *
     * <p>Products are updated in id order so two multi-line orders lock rows in the same order and cannot
     * deadlock. The UPDATEs keep their rows locked until the caller commits, so giving stock back within
     * the same transaction restores exactly the previous values.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<StockShortage> takeAll(Map<String, Integer> quantities) {
        Deque<Map.Entry<String, Integer>> taken = new ArrayDeque<>();
        for (Map.Entry<String, Integer> line : new TreeMap<>(quantities).entrySet()) {
            int quantity = line.getValue();
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive: " + line);
            }
            int updated = jdbc.update("""
                    UPDATE product SET stock = stock - ?, version = version + 1
                    WHERE product_id = ? AND sellable = TRUE AND stock >= ?""",
                    quantity, line.getKey(), quantity);
            if (updated != 1) {
                StockShortage shortage = explain(line.getKey(), quantity);
                giveBack(taken);
                return Optional.of(shortage);
            }
            taken.push(line);
        }
        return Optional.empty();
    }

    /**
     * Puts {@code quantities} (product id to pieces) back on the shelf inside the caller's transaction: a canceled
     * order's goods. Products are updated in id order, like {@link #takeAll}, so a return and an order taking the same
     * products cannot deadlock. A product is never deleted (withdrawing it clears {@code sellable}), so every row
     * exists; one that did not would be a bug, and the whole return fails rather than returning part of it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void giveBackAll(Map<String, Integer> quantities) {
        for (Map.Entry<String, Integer> line : new TreeMap<>(quantities).entrySet()) {
            if (line.getValue() <= 0) {
                throw new IllegalArgumentException("quantity must be positive: " + line);
            }
            if (add(line.getKey(), line.getValue()) != 1) {
                throw new IllegalStateException("no product " + line.getKey() + " to give " + line.getValue()
                        + " pieces back to");
            }
        }
    }

    private int add(String productId, int quantity) {
        return jdbc.update("UPDATE product SET stock = stock + ?, version = version + 1 WHERE product_id = ?",
                quantity, productId);
    }

    private StockShortage explain(String productId, int requested) {
        // a locking read sees the current row, not the transaction's snapshot
        List<StockRow> rows = jdbc.query("SELECT stock, sellable FROM product WHERE product_id = ? FOR UPDATE",
                (rs, i) -> new StockRow(rs.getInt("stock"), rs.getBoolean("sellable")), productId);
        if (rows.isEmpty()) {
            return new StockShortage(FailureReason.PRODUCT_NOT_SELLABLE, productId,
                    "카탈로그에 없는 상품: " + productId);
        }
        StockRow row = rows.getFirst();
        if (!row.sellable()) {
            return new StockShortage(FailureReason.PRODUCT_NOT_SELLABLE, productId, "판매 중지 상품: " + productId);
        }
        return new StockShortage(FailureReason.OUT_OF_STOCK, productId,
                "재고 부족: %s (요청 %d, 재고 %d)".formatted(productId, requested, row.stock()));
    }

    private void giveBack(Deque<Map.Entry<String, Integer>> taken) {
        for (Map.Entry<String, Integer> line : taken) {
            add(line.getKey(), line.getValue());
        }
    }

    private record StockRow(int stock, boolean sellable) {
    }
}
