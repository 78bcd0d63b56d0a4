package com.acme.shop.chaos.run;

import com.acme.shop.chaos.http.Http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The driver's JSONL log of what every customer and operator was told (read by the checker). */
final class CustomerLog implements AutoCloseable {

    private final BufferedWriter out;

    CustomerLog(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void init(Map<String, Long> stock) {
        write(Map.of("type", "init", "at", Instant.now().toString(), "stock", stock));
    }

    void saga(String orderId, String scenario, String paymentKey, long amount, String told, int confirmStatus,
              String detail) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "saga");
        line.put("at", Instant.now().toString());
        line.put("orderId", orderId);
        line.put("scenario", scenario);
        line.put("paymentKey", paymentKey);
        line.put("amount", amount);
        line.put("told", told);
        line.put("confirmStatus", confirmStatus);
        line.put("detail", detail);
        write(line);
    }

    void refund(String orderId, long amount, int status, String detail) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "refund");
        line.put("at", Instant.now().toString());
        line.put("orderId", orderId);
        line.put("amount", amount);
        line.put("status", status);
        line.put("detail", detail);
        write(line);
    }

    private synchronized void write(Map<String, ?> line) {
        try {
            out.write(Http.JSON.writeValueAsString(line));
            out.newLine();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void flush() {
        try {
            out.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
