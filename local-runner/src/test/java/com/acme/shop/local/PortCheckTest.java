package com.acme.shop.local;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortCheckTest {

    @Test
    void aPortWithAListenerIsTakenAndTheMessageSaysWhatToDo() throws Exception {
        try (ServerSocket loopbackOnly = new ServerSocket()) {
            loopbackOnly.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = loopbackOnly.getLocalPort();
            PortCheck.Wanted wanted = new PortCheck.Wanted(port, "MariaDB", "DB_PORT");

            assertThat(PortCheck.isFree(port)).isFalse();
            List<PortCheck.Wanted> taken = PortCheck.taken(List.of(wanted));
            assertThat(taken).containsExactly(wanted);
            assertThat(PortCheck.message(taken))
                    .contains("port " + port + " (MariaDB)")
                    .contains("DB_PORT=<port>")
                    .contains("another ./run.sh still running")
                    .contains("ss -ltnp 'sport = :" + port + "'");
        }
    }

    @Test
    void aPortIsFreeAgainOnceItsListenerCloses() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
            assertThat(PortCheck.isFree(port)).isFalse();
        }
        assertThat(PortCheck.isFree(port)).isTrue();
        assertThat(PortCheck.taken(List.of(new PortCheck.Wanted(port, "order-service", null)))).isEmpty();
    }

    @Test
    void severalTakenPortsAreAllNamed() {
        String message = PortCheck.message(List.of(new PortCheck.Wanted(8081, "payment-service", null),
                new PortCheck.Wanted(9092, "Kafka", "KAFKA_PORT")));

        assertThat(message).contains("2 ports are already in use", "port 8081 (payment-service)",
                "port 9092 (Kafka)", "KAFKA_PORT=<port>");
    }
}
