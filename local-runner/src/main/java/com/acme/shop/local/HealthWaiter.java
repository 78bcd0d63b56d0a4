package com.acme.shop.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/** Polls {@code /actuator/health} of starting applications until all answer UP, one exits, or time runs out. */
final class HealthWaiter {

    private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    /** Why waiting stopped short: the process and what went wrong. */
    record Failure(ServiceProcess process, String reason) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Duration timeout;
    private final Duration pollInterval;

    private final java.io.PrintStream out;

    HealthWaiter(Duration timeout, Duration pollInterval) {
        this(timeout, pollInterval, System.out);
    }

    /** @param out where "up" lines are printed */
    HealthWaiter(Duration timeout, Duration pollInterval, java.io.PrintStream out) {
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.out = out;
    }

    static boolean isUpBody(String body) {
        return body != null && UP.matcher(body).find();
    }

    /** One probe: 200 and {@code "status":"UP"} in the body. */
    boolean isUp(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && isUpBody(response.body());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits for every process; prints a line as each comes up.
     *
     * @param cancelled true once the launcher is shutting down (then waiting ends quietly with no failure)
     * @return null when all are up (or waiting was cancelled), else the first failure
     */
    Failure awaitAll(List<ServiceProcess> processes, BooleanSupplier cancelled) {
        List<ServiceProcess> pending = new ArrayList<>(processes);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            for (ServiceProcess p : List.copyOf(pending)) {
                if (!p.isAlive()) {
                    return new Failure(p, "exited with code " + p.exitCode() + " before it was healthy");
                }
                if (isUp(p.port())) {
                    pending.remove(p);
                    out.printf(Locale.ROOT, "  up   %-19s http://localhost:%d  (%.1f s)%n",
                            p.name(), p.port(), p.uptime().toMillis() / 1000.0);
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                ServiceProcess late = pending.getFirst();
                return new Failure(late, "did not report UP on http://127.0.0.1:" + late.port()
                        + "/actuator/health within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
