package com.acme.shop.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * The benchmark's reference request: a plain Spring MVC POST that inserts one row (one durable commit) and answers
 * JSON, nothing else (no security, no outbox, no Kafka). The benchmark runs it as a child JVM with the services' JVM
 * options against the same MariaDB, and divides the CPU the services spend per saga by the CPU this spends per
 * request. Started with {@code --spring.datasource.url=... --server.port=...}.
 *
 * <p>Its door: it listens on the loopback interface only ({@code server.address=127.0.0.1}) and lives only while the
 * benchmark runs; it is never packaged into an image or deployed. Bad input is a 400 problem with a stable
 * {@code code} and inserts nothing, so the reference pays for the same kind of check the services make.
 */
@SpringBootApplication
public class ReferenceApp {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(ReferenceApp.class);
        app.setDefaultProperties(Map.of("server.address", "127.0.0.1"));
        app.run(args);
    }

    /** What a client posts: an amount and a note. */
    public record Item(long amount, String note) {
    }

    @RestController
    static class Items {
        private final JdbcTemplate jdbc;

        Items(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
            jdbc.execute("CREATE TABLE IF NOT EXISTS reference_item (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                    + "amount BIGINT NOT NULL, note VARCHAR(200) NOT NULL, created_at DATETIME(6) NOT NULL) ENGINE=InnoDB");
        }

        @PostMapping("/items")
        Map<String, Object> create(@RequestBody Item item) {
            if (item.note() == null || item.note().length() > 200 || item.amount() < 0) {
                throw new InvalidItem();
            }
            Instant now = Instant.now();
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(c -> {
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO reference_item (amount, note, created_at) VALUES (?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS);
                ps.setLong(1, item.amount());
                ps.setString(2, item.note());
                ps.setTimestamp(3, Timestamp.from(now));
                return ps;
            }, key);
            return Map.of("id", key.getKey().longValue(), "amount", item.amount(), "createdAt", now.toString());
        }

        static final class InvalidItem extends RuntimeException {
            InvalidItem() {
                super("note is required (at most 200 characters) and amount must not be negative", null, false, false);
            }
        }

        @ExceptionHandler(InvalidItem.class)
        ProblemDetail invalid(InvalidItem e) {
            return problem("INVALID_ITEM", e.getMessage());
        }

        @ExceptionHandler(HttpMessageNotReadableException.class)
        ProblemDetail unreadable(HttpMessageNotReadableException e) {
            return problem("MALFORMED_BODY", "the body is not an item in JSON");
        }

        private static ProblemDetail problem(String code, String detail) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
            p.setProperty("code", code);
            return p;
        }
    }
}
