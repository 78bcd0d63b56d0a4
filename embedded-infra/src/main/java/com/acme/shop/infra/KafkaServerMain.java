package com.acme.shop.infra;

import java.nio.file.Path;

/**
 * The embedded KRaft broker as a process of its own: {@code java -cp ... com.acme.shop.infra.KafkaServerMain
 * <logDir> <port> <controllerPort>}. The local launcher runs Kafka this way, not inside its own JVM, so that a broker
 * can be stopped hard ({@code kill -9}, as a crashed broker is) and started again on the same log directory and port
 * while everything else keeps running. SIGTERM shuts the broker down cleanly. When it listens, it prints
 * {@value #READY} and the bootstrap address on standard output.
 */
public final class KafkaServerMain {

    public static final String READY = "KAFKA READY";

    private KafkaServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("Usage: KafkaServerMain <logDir> <port> <controllerPort>");
            System.exit(2);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-stop"));
        System.out.println(READY + " " + kafka.bootstrapServers());
        System.out.flush();
        Thread.currentThread().join(); // the broker's own threads do the work; SIGTERM runs the hook
    }
}
