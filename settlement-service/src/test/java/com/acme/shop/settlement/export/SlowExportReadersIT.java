package com.acme.shop.settlement.export;

import com.acme.shop.contracts.Topics;
import com.acme.shop.settlement.ledger.AbstractIntegrationTest;
import com.acme.shop.settlement.ledger.LedgerSeed;
import com.acme.shop.settlement.ledger.PaymentEventFixtures;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.TestInfrastructure;
import com.acme.shop.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outage, staged: ten finance clients download a large export and read it very slowly (a few hundred bytes
 * a second) while payments are approved. Before, each export held one of the ten connections of the pool the Kafka
 * listener needs until its client had read the file, so the listener waited, timed out and sent the events to the
 * dead-letter topic. Now exports have their own pool: two stream, the others are refused at once with 503
 * EXPORT_BUSY, and the ledger keeps booking within seconds with nothing dead-lettered. When the clients go away the
 * export connections come back. Sales dates in March 2022 belong to this test.
 */
class SlowExportReadersIT extends AbstractIntegrationTest {

    private static final int CLIENTS = 10;
    private static final int LEDGER_ROWS = 150_000;
    private static final String FROM = "2022-03-01";
    private static final String TO = "2022-03-31";

    @Autowired
    private ExportConnections exportConnections;

    @Autowired
    private ExportProperties exportProperties;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void slowExportReadersHoldOnlyTheExportPoolAndTheLedgerKeepsBooking() throws Exception {
        // given: a month large enough that an export blocks on a slow client long before it is written (~17 MB)
        loadLedger(LEDGER_ROWS);
        List<SlowReader> readers = new ArrayList<>();
        try (TopicRecorder deadLetters = new TopicRecorder(TestInfrastructure.endpoints().bootstrapServers(),
                List.of(Topics.deadLetterOf(Topics.PAYMENT_EVENTS)))) {
            for (int i = 0; i < CLIENTS; i++) {
                readers.add(SlowReader.start(port, "/api/v1/settlements/export.xlsx?from=" + FROM + "&to=" + TO));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> readers.stream().allMatch(SlowReader::answered));
            List<SlowReader> streaming = readers.stream().filter(r -> r.status() == 200).toList();
            List<SlowReader> refused = readers.stream().filter(r -> r.status() != 200).toList();
            assertThat(streaming).as("as many exports as the export pool has connections").hasSize(
                    exportProperties.poolSize());
            assertThat(refused).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.head()).containsIgnoringCase("Retry-After: 30")
                        .containsIgnoringCase("Content-Type: application/problem+json");
                await().atMost(Duration.ofSeconds(5)).until(r::finished);
                assertThat(r.body()).contains("\"code\":\"EXPORT_BUSY\"");
            });
            Thread.sleep(1_000);
            assertThat(exportConnections.active()).as("the exports are held by their slow clients").isEqualTo(
                    exportProperties.poolSize());
            assertThat(streaming).noneMatch(SlowReader::finished);

            // when: payments are approved while the exports are held hostage
            List<String> orders = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String orderId = PaymentEventFixtures.newOrderId();
                orders.add(orderId);
                publish(PaymentEventFixtures.approved(orderId, "카드", 10_000 + i, Instant.now()));
            }

            // then: every one is booked within a bound far below the pool's 30 s connection timeout, none dead-lettered
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> named.queryForObject(
                    "SELECT COUNT(*) FROM settlement_entry WHERE order_id IN (:orders)", Map.of("orders", orders),
                    Integer.class) == orders.size());
            assertThat(deadLetters.matching(r -> orders.contains(r.key()))).isEmpty();
            assertThat(exportConnections.active()).as("still held: the listener got its connections anyway")
                    .isEqualTo(exportProperties.poolSize());
            assertThat(streaming).noneMatch(SlowReader::finished);
        } finally {
            readers.forEach(SlowReader::close);
        }
        // and: clients that go away give the export connections back
        await().atMost(Duration.ofSeconds(30)).until(() -> exportConnections.active() == 0);
        assertThat(readers.stream().filter(r -> r.status() == 200).mapToLong(SlowReader::bytesRead))
                .allSatisfy(bytes -> assertThat(bytes).isLessThan(5_000_000));
    }

    /** {@code rows} ledger entries in March 2022, generated by the database itself (works on MariaDB and MySQL). */
    private void loadLedger(int rows) {
        LedgerSeed.sales(jdbc, "slow", rows, LocalDate.parse(FROM), 31);
    }

    /**
     * A finance client on a bad line: a tiny receive window, then a few hundred bytes every 100 ms. Refused
     * exports (503) arrive whole at once; a streaming one stays in flight until {@link #close()}.
     */
    private static final class SlowReader implements AutoCloseable {

        private final Socket socket;
        private final StringBuilder head = new StringBuilder();
        private final StringBuilder body = new StringBuilder();
        private final AtomicLong bytesRead = new AtomicLong();
        private volatile int status;
        private volatile boolean finished;

        private SlowReader(Socket socket) {
            this.socket = socket;
        }

        static SlowReader start(int port, String target) throws IOException {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4 * 1024);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: "
                    + Http.AS_SERVICE.get("Authorization") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            SlowReader reader = new SlowReader(socket);
            Thread.ofPlatform().daemon().name("slow-reader").start(reader::read);
            return reader;
        }

        private void read() {
            byte[] buffer = new byte[256];
            try (InputStream in = socket.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    bytesRead.addAndGet(n);
                    String text = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                    synchronized (this) {
                        if (status == 0) {
                            head.append(text);
                            int end = head.indexOf("\r\n\r\n");
                            if (end >= 0) {
                                body.append(head.substring(end + 4));
                                head.setLength(end);
                                status = Integer.parseInt(head.substring(9, 12));
                            }
                        } else if (status != 200) {
                            body.append(text);
                        }
                    }
                    if (status == 200) {
                        Thread.sleep(100);
                    }
                }
            } catch (IOException | InterruptedException closed) {
                // closed by the test
            } finally {
                finished = true;
            }
        }

        boolean answered() {
            return status != 0;
        }

        int status() {
            return status;
        }

        synchronized String head() {
            return head.toString();
        }

        synchronized String body() {
            return body.toString();
        }

        boolean finished() {
            return finished;
        }

        long bytesRead() {
            return bytesRead.get();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
