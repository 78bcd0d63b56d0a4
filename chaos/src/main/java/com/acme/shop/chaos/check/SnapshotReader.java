package com.acme.shop.chaos.check;

import com.acme.shop.chaos.check.Snapshot.Cancel;
import com.acme.shop.chaos.check.Snapshot.Customer;
import com.acme.shop.chaos.check.Snapshot.Entry;
import com.acme.shop.chaos.check.Snapshot.Order;
import com.acme.shop.chaos.check.Snapshot.Payment;
import com.acme.shop.chaos.check.Snapshot.TossCancel;
import com.acme.shop.chaos.check.Snapshot.TossPayment;
import com.acme.shop.chaos.http.Http;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link Snapshot}: the driver's JSONL log, each service's tables over JDBC (read-only statements, one
 * server, one schema per service) and Toss's ledger from the sandbox over HTTP.
 *
 * @param jdbcBase    e.g. {@code jdbc:mariadb://127.0.0.1:3307/}: the schema name is appended
 * @param sandbox     the sandbox's base URL; null to skip Toss (then every paid rule reports Toss as absent)
 * @param driverLog   the driver's log; null when there is none (orders are then judged on service state alone)
 */
public record SnapshotReader(String jdbcBase, String user, String password, String sandbox, Path driverLog) {

    public Snapshot read() {
        Instant takenAt = Instant.now();
        DriverLog log = driverLog == null ? new DriverLog(Map.of(), Map.of()) : DriverLog.read(driverLog);
        Map<String, Payment> payments = new HashMap<>();
        Map<String, List<Cancel>> cancels = new HashMap<>();
        Map<String, List<Order>> orders = new HashMap<>();
        Map<String, List<Entry>> entries = new HashMap<>();
        List<Snapshot.Unsent> unsent = new ArrayList<>();
        List<Snapshot.Webhook> webhooks = new ArrayList<>();
        List<Snapshot.Product> products = new ArrayList<>();
        try (Connection pay = connect("payment_service")) {
            Map<String, Integer> mappings = new HashMap<>();
            query(pay, "SELECT order_id, COUNT(*) FROM payment_order_mapping GROUP BY order_id",
                    rs -> mappings.put(rs.getString(1), rs.getInt(2)));
            query(pay, "SELECT order_id, status, total_amount, balance_amount, payment_key, review_reason, updated_at "
                    + "FROM payment", rs -> payments.put(rs.getString(1), new Payment(rs.getString(1),
                    rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6), instant(rs, 7),
                    mappings.getOrDefault(rs.getString(1), 0))));
            query(pay, "SELECT order_id, cause, cancel_amount, status, transaction_key FROM payment_cancel",
                    rs -> cancels.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Cancel(
                            rs.getString(1), rs.getString(2), (Long) rs.getObject(3, Long.class), rs.getString(4),
                            rs.getString(5))));
            query(pay, "SELECT order_id, state, received_at FROM webhook_log WHERE state IN ('RECEIVED', 'FAILED')",
                    rs -> webhooks.add(new Snapshot.Webhook(rs.getString(1), rs.getString(2), instant(rs, 3))));
            unsent(pay, "payment-service", unsent);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot read payment_service: " + e.getMessage(), e);
        }
        try (Connection ord = connect("order_service")) {
            Map<String, Map<String, Integer>> lines = new HashMap<>();
            query(ord, "SELECT order_id, product_id, SUM(quantity) FROM order_line GROUP BY order_id, product_id",
                    rs -> lines.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getInt(3)));
            query(ord, "SELECT order_id, status, total_amount, refunded_amount, failure_reason, stock_returned_at "
                    + "FROM orders", rs -> orders.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new Order(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                            rs.getObject(6) != null, lines.getOrDefault(rs.getString(1), Map.of()))));
            query(ord, "SELECT product_id, stock FROM product", rs -> {
                Long initial = log.initialStock().get(rs.getString(1));
                if (initial != null) {
                    products.add(new Snapshot.Product(rs.getString(1), initial, rs.getLong(2)));
                }
            });
            unsent(ord, "order-service", unsent);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot read order_service: " + e.getMessage(), e);
        }
        try (Connection set = connect("settlement_service")) {
            query(set, "SELECT order_id, entry_type, amount, fee, vat, net, transaction_key FROM settlement_entry",
                    rs -> entries.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Entry(
                            rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getString(7))));
            unsent(set, "settlement-service", unsent);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot read settlement_service: " + e.getMessage(), e);
        }

        Map<String, List<TossPayment>> toss = new HashMap<>();
        Map<String, Integer> approvals = new HashMap<>();
        if (sandbox != null) {
            readToss(log, payments, toss, approvals);
        }
        return new Snapshot(log.customers(), payments, cancels, orders, entries, toss, approvals, unsent, webhooks,
                products, takenAt);
    }

    private void readToss(DriverLog log, Map<String, Payment> payments, Map<String, List<TossPayment>> toss,
                          Map<String, Integer> approvals) {
        Http http = new Http(Duration.ofSeconds(30));
        Set<String> keys = new TreeSet<>();
        log.customers().values().forEach(c -> {
            if (c.paymentKey() != null) {
                keys.add(c.paymentKey());
            }
        });
        payments.values().forEach(p -> {
            if (p.paymentKey() != null) {
                keys.add(p.paymentKey());
            }
        });
        for (String key : keys) {
            Http.Response r = http.get(sandbox + "/sandbox/payments/" + key, Map.of());
            if (r.status() == 404) {
                continue;
            }
            if (!r.ok()) {
                throw new IllegalStateException("Cannot read Toss payment " + key + ": " + r.status() + " " + r.error());
            }
            JsonNode p = r.body();
            List<TossCancel> tossCancels = new ArrayList<>();
            JsonNode cs = p.get("cancels");
            if (cs != null && cs.isArray()) {
                cs.forEach(c -> tossCancels.add(new TossCancel(c.get("cancelAmount").asLong(),
                        c.get("transactionKey").asString())));
            }
            String orderId = p.get("orderId").asString();
            toss.computeIfAbsent(orderId, k -> new ArrayList<>()).add(new TossPayment(orderId, key,
                    p.get("status").asString(), p.get("totalAmount").asLong(), p.get("balanceAmount").asLong(),
                    tossCancels));
        }
        Http.Response calls = http.get(sandbox + "/sandbox/calls?path=/confirm", Map.of());
        if (calls.ok() && calls.body().isArray()) {
            for (JsonNode call : calls.body()) {
                if (call.get("status").asInt() == 200 && !call.get("replayed").asBoolean()
                        && call.get("orderId") != null && !call.get("orderId").isNull()) {
                    approvals.merge(call.get("orderId").asString(), 1, Integer::sum);
                }
            }
        }
    }

    private Connection connect(String schema) throws SQLException {
        Connection c = DriverManager.getConnection(jdbcBase + schema, user, password);
        c.setReadOnly(true);
        return c;
    }

    private static void unsent(Connection c, String service, List<Snapshot.Unsent> into) throws SQLException {
        query(c, "SELECT message_key, event_type, created_at FROM outbox_event WHERE sent_at IS NULL",
                rs -> into.add(new Snapshot.Unsent(service, rs.getString(1), rs.getString(2), instant(rs, 3))));
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, RowHandler handler) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                handler.handle(rs);
            }
        }
    }

    /** DATETIME(6) columns hold UTC (the services write with hibernate.jdbc.time_zone=UTC). */
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /**
     * The driver's JSONL log: {@code {"type":"init","stock":{...}}}, then per saga {@code {"type":"saga",...}} (a
     * later line for the same order replaces the earlier) and {@code {"type":"refund","orderId",...,"status"}}.
     */
    public record DriverLog(Map<String, Customer> customers, Map<String, Long> initialStock) {

        public static DriverLog read(Path file) {
            Map<String, Customer> customers = new HashMap<>();
            Map<String, Long> refunds = new HashMap<>();
            Map<String, Long> stock = new HashMap<>();
            try (var lines = Files.lines(file)) {
                lines.filter(l -> !l.isBlank()).forEach(line -> {
                    JsonNode n = Http.JSON.readTree(line);
                    switch (n.get("type").asString()) {
                        case "init" -> n.get("stock").properties().forEach(e -> stock.put(e.getKey(), e.getValue().asLong()));
                        case "saga" -> customers.put(n.get("orderId").asString(), new Customer(
                                n.get("orderId").asString(), n.get("scenario").asString(),
                                n.hasNonNull("paymentKey") ? n.get("paymentKey").asString() : null,
                                n.get("amount").asLong(), Snapshot.Told.valueOf(n.get("told").asString()), 0));
                        case "refund" -> {
                            int status = n.get("status").asInt();
                            if (status == 200 || status == 202) {
                                refunds.merge(n.get("orderId").asString(), n.get("amount").asLong(), Long::sum);
                            }
                        }
                        default -> { }
                    }
                });
            }
            catch (IOException e) {
                throw new IllegalStateException("Cannot read the driver log " + file + ": " + e.getMessage(), e);
            }
            refunds.forEach((orderId, amount) -> customers.computeIfPresent(orderId, (k, c) -> new Customer(
                    c.orderId(), c.scenario(), c.paymentKey(), c.amount(), c.told(), amount)));
            return new DriverLog(customers, stock);
        }
    }
}
