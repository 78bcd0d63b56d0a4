package com.acme.shop.testsupport.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Knocks on every protected door of a running service the ways an outsider would, and checks each is refused:
 *
 * <ol>
 *   <li>every route without a credential, then with each {@link #refusing refused credential} (the scrape token: a
 *       real token of the wrong role);</li>
 *   <li>the same with each {@link Bypass} spelling of the path ({@code ;x}, {@code %69}, {@code //}, {@code ..}),
 *       sent verbatim over a socket by {@link RawHttp}, so nothing between the test and the server normalises it;</li>
 *   <li>last, every route with the {@link #accepting accepted credential}, which must get past the doors (anything
 *       but 401, 403 and 405: a typo in a route would otherwise make the refusals above prove nothing).</li>
 * </ol>
 *
 * A refusal is a 4xx problem answer ({@link ProblemAnswers}) with one of the {@link #refusalStatuses} (401 and 403
 * by default; add 404 for doors that hide themselves), or, for a bypass spelling only, 400 {@code REQUEST_REJECTED}
 * from the firewall. The {@link #stateSnapshot} is taken before the refusals and after them and must not change.
 * Every check runs; {@link Report#assertAllPassed()} then lists every failure at once.
 *
 * <pre>{@code
 * SecurityProbe.against("http://127.0.0.1:" + port)
 *         .accepting(Credential.bearer("service token", TestInfrastructure.SERVICE_TOKEN))
 *         .refusing(Credential.bearer("scrape token", TestInfrastructure.SCRAPE_TOKEN))
 *         .stateSnapshot(StateSnapshot.rowCounts(dataSource, "product", "orders"))
 *         .probe(List.of(Route.put("/internal/v1/products/{id}/stock", "{\"stock\":1}", "STICKER-PACK")))
 *         .assertAllPassed();
 * }</pre>
 */
public final class SecurityProbe {

    /** The code of the platform firewall's refusal of a path it will not route ({@code //}, {@code ..}). */
    public static final String REQUEST_REJECTED = "REQUEST_REJECTED";

    private final RawHttp http;
    private Credential accepted;
    private final List<Credential> refused = new ArrayList<>(List.of(Credential.ANONYMOUS));
    private final Set<Integer> refusalStatuses = new LinkedHashSet<>(List.of(401, 403));
    private List<Bypass> bypasses = List.of(Bypass.values());
    private StateSnapshot state = StateSnapshot.NONE;

    private SecurityProbe(RawHttp http) {
        this.http = http;
    }

    public static SecurityProbe against(String baseUrl) {
        return new SecurityProbe(RawHttp.to(baseUrl));
    }

    /** The credential the routes are for; every route must let it through. */
    public SecurityProbe accepting(Credential credential) {
        this.accepted = credential;
        return this;
    }

    /** A further credential every route must refuse (anonymous is always tried). */
    public SecurityProbe refusing(Credential credential) {
        this.refused.add(credential);
        return this;
    }

    /** Statuses that count as a refusal (default 401, 403). */
    public SecurityProbe refusalStatuses(Integer... statuses) {
        this.refusalStatuses.clear();
        this.refusalStatuses.addAll(List.of(statuses));
        return this;
    }

    /** The spellings to try (default: all of {@link Bypass}). */
    public SecurityProbe bypasses(Bypass... spellings) {
        this.bypasses = List.of(spellings);
        return this;
    }

    public SecurityProbe stateSnapshot(StateSnapshot snapshot) {
        this.state = Objects.requireNonNull(snapshot);
        return this;
    }

    /** One request the probe sent and what came back. */
    public record Outcome(Route route, String variant, String requestLine, int status, String code,
                          List<String> failures) {

        public boolean passed() {
            return failures.isEmpty();
        }

        @Override
        public String toString() {
            return String.format("%-48s %-26s %s -> %d %s%s", route, variant, requestLine, status,
                    code == null ? "-" : code, passed() ? "" : "   FAILED: " + String.join("; ", failures));
        }
    }

    /** Every outcome of a probe, in the order sent. */
    public record Report(List<Outcome> outcomes, List<String> stateFailures) {

        public List<Outcome> failures() {
            return outcomes.stream().filter(o -> !o.passed()).toList();
        }

        /** Fails with every failed check and the whole table when anything was not as expected. */
        public Report assertAllPassed() {
            if (!failures().isEmpty() || !stateFailures.isEmpty()) {
                StringBuilder message = new StringBuilder("Security probe: ").append(failures().size())
                        .append(" of ").append(outcomes.size()).append(" checks failed");
                stateFailures.forEach(f -> message.append("\n  ").append(f));
                failures().forEach(f -> message.append("\n  ").append(f));
                message.append("\n\nAll outcomes:\n").append(table());
                throw new AssertionError(message.toString());
            }
            return this;
        }

        /** One line per request: route, variant, request line as sent, status and code. */
        public String table() {
            StringBuilder table = new StringBuilder();
            outcomes.forEach(o -> table.append(o).append('\n'));
            return table.toString();
        }
    }

    public Report probe(List<Route> routes) {
        if (accepted == null) {
            throw new IllegalStateException("say which credential the routes accept: accepting(...)");
        }
        List<Outcome> outcomes = new ArrayList<>();
        Object before = state.take();
        for (Route route : routes) {
            for (Credential credential : refused) {
                outcomes.add(refusal(route, credential, null));
                for (Bypass bypass : bypasses) {
                    outcomes.add(refusal(route, credential, bypass));
                }
            }
        }
        Object after = state.take();
        List<String> stateFailures = Objects.equals(before, after) ? List.of()
                : List.of("state changed while every request was refused: before " + before + ", after " + after);
        for (Route route : routes) {
            outcomes.add(acceptance(route));
        }
        return new Report(List.copyOf(outcomes), stateFailures);
    }

    private Outcome refusal(Route route, Credential credential, Bypass bypass) {
        String target = bypass == null ? route.target() : bypass.apply(route.target());
        RawHttp.Response response = http.send(route.request(target).withHeaders(credential.headers()));
        List<String> failures = new ArrayList<>();
        if (!response.requestLine().equals(route.method() + " " + target + " HTTP/1.1")) {
            failures.add("the request line was not sent as written");
        }
        boolean firewall = bypass != null && response.status() == 400 && REQUEST_REJECTED.equals(response.code());
        if (!firewall && !refusalStatuses.contains(response.status())) {
            failures.add("expected a refusal " + refusalStatuses + (bypass == null ? "" : " or 400 " + REQUEST_REJECTED)
                    + ", got " + response.status());
        }
        failures.addAll(ProblemAnswers.violations(response));
        String variant = credential.name() + (bypass == null ? "" : " " + bypass.label());
        return new Outcome(route, variant, response.requestLine(), response.status(), response.code(),
                List.copyOf(failures));
    }

    private Outcome acceptance(Route route) {
        RawHttp.Response response = http.send(route.request(route.target()).withHeaders(accepted.headers()));
        List<String> failures = new ArrayList<>();
        if (response.status() == 401 || response.status() == 403 || response.status() == 405) {
            failures.add(accepted.name() + " was not let through: " + response);
        }
        return new Outcome(route, accepted.name(), response.requestLine(), response.status(), response.code(),
                List.copyOf(failures));
    }
}
