package com.acme.shop.platform.outbox;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.testsupport.TestInfrastructure;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.acme.shop.platform.outbox.Events.approved;
import static com.acme.shop.platform.outbox.Events.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Traces leave a service over OTLP only when an endpoint is configured (docs/observability.md, "Traces"). With one (a
 * stub collector here), the spans of a traced piece of work that wrote an event, and the outbox relay's span that sent
 * it later from its own thread, arrive in the same trace; without one, no exporter exists at all.
 */
class OutboxTraceExportIT {

    @Test
    void withAnEndpointTheWritersTraceAndTheRelaysSpanAreExportedTogether() throws IOException {
        List<byte[]> exported = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            exported.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        ConfigurableApplicationContext app = start("platform_outbox_otlp",
                "--management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:"
                        + collector.getAddress().getPort() + "/v1/traces");
        try {
            Tracer tracer = app.getBean(Tracer.class);
            OutboxWriter writer = app.getBean(OutboxWriter.class);
            TransactionTemplate tx = app.getBean(TransactionTemplate.class);
            EventEnvelope<PaymentApproved> event = approved(newOrderId(), Clock.systemUTC().instant());
            Span request = tracer.nextSpan().name("confirm request").start();
            try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
                tx.executeWithoutResult(status -> writer.append(event));
            } finally {
                request.end();
            }
            byte[] traceId = HexFormat.of().parseHex(request.context().traceId());

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                byte[] all = concat(exported);
                assertThat(indexOf(all, "confirm request".getBytes(StandardCharsets.UTF_8))).isNotNegative();
                assertThat(indexOf(all, "outbox relay PAYMENT_APPROVED".getBytes(StandardCharsets.UTF_8)))
                        .isNotNegative();
                // the relay's span and the producer's span under it carry the request's trace id
                assertThat(occurrences(all, traceId)).isGreaterThanOrEqualTo(3);
            });
        } finally {
            app.close();
            collector.stop(0);
        }
    }

    @Test
    void withoutAnEndpointNothingIsExported() {
        ConfigurableApplicationContext app = start("platform_outbox_otlp");
        try {
            assertThat(app.getBeansOfType(SpanExporter.class)).isEmpty();
            assertThat(app.getBean(Tracer.class).nextSpan().name("traced anyway").start().context().traceId())
                    .hasSize(32);
        } finally {
            app.close();
        }
    }

    private static ConfigurableApplicationContext start(String schema, String... more) {
        TestInfrastructure.Endpoints infra = TestInfrastructure.endpoints();
        List<String> args = new java.util.ArrayList<>(List.of(
                "--spring.datasource.url=" + infra.jdbcUrl(schema),
                "--spring.datasource.username=" + infra.username(),
                "--spring.datasource.password=" + infra.password(),
                "--spring.kafka.bootstrap-servers=" + infra.bootstrapServers(),
                "--spring.flyway.locations=classpath:db/platform,classpath:db/platform-test",
                "--spring.kafka.template.observation-enabled=true",
                "--management.tracing.sampling.probability=1.0",
                "--management.opentelemetry.tracing.export.schedule-delay=200ms"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(OutboxTestApplication.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        parts.forEach(all::writeBytes);
        return all.toByteArray();
    }

    private static int occurrences(byte[] haystack, byte[] needle) {
        int count = 0;
        for (int from = 0; (from = indexOf(haystack, needle, from)) >= 0; from += needle.length) {
            count++;
        }
        return count;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
