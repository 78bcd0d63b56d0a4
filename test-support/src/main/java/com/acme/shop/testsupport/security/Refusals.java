package com.acme.shop.testsupport.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks a series of requests that must each be refused without a trace: a 4xx problem with a stable {@code code}
 * ({@link ProblemAnswers}), and the caller's {@link StateSnapshot} the same after the request as before it. Every
 * check runs; {@link #assertAllRefused()} then fails once, listing every request that was not refused properly, so one
 * run shows the whole picture.
 */
public final class Refusals {

    private final StateSnapshot state;
    private final List<String> failures = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();

    public Refusals(StateSnapshot state) {
        this.state = Objects.requireNonNull(state);
    }

    /** Any 4xx problem with a code; the state unchanged. */
    public RawHttp.Response expectRefused(String label, Supplier<RawHttp.Response> request) {
        return expect(label, Set.of(), Set.of(), false, request);
    }

    /**
     * A 4xx problem whose status is one of {@code statuses} and code one of {@code codes} (either set empty: any);
     * the state unchanged.
     */
    public RawHttp.Response expectRefused(String label, Set<Integer> statuses, Set<String> codes,
                                          Supplier<RawHttp.Response> request) {
        return expect(label, statuses, codes, false, request);
    }

    /**
     * {@link #expectRefused(String, Set, Set, Supplier)} for a hostile value, except that a value Tomcat refuses
     * while parsing ({@link HostileInput.Value#refusedByContainer()}) only has to be a 400 that changed nothing: no
     * code of ours ran, and Tomcat answers with its own page, not a problem.
     */
    public RawHttp.Response expectRefused(String label, HostileInput.Value value, Set<Integer> statuses,
                                          Set<String> codes, Supplier<RawHttp.Response> request) {
        return value.refusedByContainer() ? expectRejectedByContainer(label + " " + value, request)
                : expectRefused(label + " " + value, statuses, codes, request);
    }

    /**
     * A request the servlet container refuses before any filter or handler of the service runs: 400, the state
     * unchanged; the body is the container's own (HTML from Tomcat) and is not checked.
     */
    public RawHttp.Response expectRejectedByContainer(String label, Supplier<RawHttp.Response> request) {
        Object before = state.take();
        RawHttp.Response response = request.get();
        Object after = state.take();
        List<String> wrong = new ArrayList<>();
        if (response.status() != 400) {
            wrong.add("expected the container's 400, got " + response.status());
        }
        if (!Objects.equals(before, after)) {
            wrong.add("state changed: before " + before + ", after " + after);
        }
        note(label, response, wrong, response.isProblem() ? response.code() : "(container)");
        return response;
    }

    /**
     * For generated input that may happen to be valid: a 2xx answer, or a 4xx problem with a code and the state
     * unchanged. Never a 5xx, never a 4xx without a problem body.
     */
    public RawHttp.Response expectHandled(String label, Supplier<RawHttp.Response> request) {
        return expect(label, Set.of(), Set.of(), true, request);
    }

    private RawHttp.Response expect(String label, Set<Integer> statuses, Set<String> codes, boolean successAllowed,
                                    Supplier<RawHttp.Response> request) {
        Object before = state.take();
        RawHttp.Response response = request.get();
        Object after = state.take();
        List<String> wrong = new ArrayList<>();
        boolean success = response.status() >= 200 && response.status() < 300;
        if (!(successAllowed && success)) {
            if (response.status() < 400 || response.status() > 499) {
                wrong.add("expected a 4xx refusal, got " + response.status());
            } else if (!statuses.isEmpty() && !statuses.contains(response.status())) {
                wrong.add("expected status " + statuses + ", got " + response.status());
            }
            if (!codes.isEmpty() && (response.code() == null || !codes.contains(response.code()))) {
                wrong.add("expected code " + codes + ", got " + response.code());
            }
            wrong.addAll(ProblemAnswers.violations(response));
            if (!Objects.equals(before, after)) {
                wrong.add("state changed: before " + before + ", after " + after);
            }
        }
        note(label, response, wrong, response.code() == null ? "-" : response.code());
        return response;
    }

    private void note(String label, RawHttp.Response response, List<String> wrong, String code) {
        outcomes.add(String.format("%-60s -> %d %s", abbreviate(label), response.status(), code));
        if (!wrong.isEmpty()) {
            failures.add(abbreviate(label) + ": " + String.join("; ", wrong) + "\n      " + response);
        }
    }

    /** How many requests were checked so far. */
    public int checked() {
        return outcomes.size();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** One line per request: label, status and code. */
    public String table() {
        return String.join("\n", outcomes);
    }

    public void assertAllRefused() {
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + outcomes.size()
                    + " hostile requests were not refused properly:\n  " + String.join("\n  ", failures));
        }
    }

    private static String abbreviate(String label) {
        return label.length() <= 120 ? label : label.substring(0, 117) + "...";
    }
}
