package com.acme.shop.platform.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries a request's trace across the outbox: the writer stores the W3C {@code traceparent} of the span current when
 * the event was written, and the relay, possibly much later and on another instance, sends the record inside a span
 * that continues that trace, so the Kafka producer observation writes a {@code traceparent} header of the same trace
 * and the consumer's span joins it (docs/observability.md). Without tracing (no tracer, tracing switched off, no span
 * current) nothing is stored and records are sent as before.
 */
public class OutboxTracing {

    static final String TRACEPARENT = "traceparent";

    /** No tracing: nothing stored, records sent as they are. */
    public static final OutboxTracing NONE = new OutboxTracing(() -> null, () -> null);

    private final Supplier<Tracer> tracers;
    private final Supplier<Propagator> propagators;

    /** Looked up at each use, so the tracer may come from an auto-configuration that runs after ours. */
    public OutboxTracing(Supplier<Tracer> tracers, Supplier<Propagator> propagators) {
        this.tracers = tracers;
        this.propagators = propagators;
    }

    /** The W3C traceparent of the current span, or null when there is none. */
    String currentTraceparent() {
        Tracer tracer = tracers.get();
        Propagator propagator = propagators.get();
        if (tracer == null || propagator == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        String traceparent = carrier.get(TRACEPARENT);
        return traceparent == null || traceparent.length() > 55 ? null : traceparent;
    }

    /**
     * Runs {@code send} inside a short span that continues the stored trace ({@code outbox relay <eventType>}), or
     * just runs it when there is no stored trace or no tracer.
     */
    <T> T within(String traceparent, String eventType, Supplier<T> send) {
        Tracer tracer = traceparent == null ? null : tracers.get();
        Propagator propagator = tracer == null ? null : propagators.get();
        if (tracer == null || propagator == null) {
            return send.get();
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .name("outbox relay " + eventType)
                .tag("event.type", eventType)
                .start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return send.get();
        } finally {
            span.end();
        }
    }
}
