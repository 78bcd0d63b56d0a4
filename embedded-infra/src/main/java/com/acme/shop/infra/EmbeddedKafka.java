package com.acme.shop.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), running in this JVM.
 * It is Apache Kafka's own server, not a mock: clients speak the Kafka protocol to it over TCP.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param logDir         broker data; formatted on first use and reused afterwards
     * @param port           client port, 0 for a free one
     * @param controllerPort KRaft controller port, 0 for a free one
     */
    public static EmbeddedKafka start(Path logDir, int port, int controllerPort) {
        int clientPort = port == 0 ? FreePorts.pick() : port;
        int quorumPort = controllerPort == 0 ? FreePorts.pick() : controllerPort;
        try {
            Files.createDirectories(logDir);
            Properties props = brokerProperties(logDir, clientPort, quorumPort);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(logDir, props);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
            server.startup();
            return new EmbeddedKafka(server, clientPort);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded Kafka: " + e.getMessage(), e);
        }
    }

    private static Properties brokerProperties(Path logDir, int clientPort, int quorumPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + quorumPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + quorumPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        // A single node: every internal topic has one replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        // Consumers join at once instead of waiting 3 s for more members.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.flush.interval.messages", "10000");
        return p;
    }

    private static void format(Path logDir, Properties props) throws IOException {
        Path config = logDir.resolveSibling(logDir.getFileName() + "-format.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "embedded Kafka, used once to format the log directory");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString(), "--ignore-formatted"}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
