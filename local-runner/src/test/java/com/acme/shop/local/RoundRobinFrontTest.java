package com.acme.shop.local;

import com.acme.shop.infra.FreePorts;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real sockets: two tiny HTTP servers behind a front. */
class RoundRobinFrontTest {

    private final List<HttpServer> servers = new ArrayList<>();
    private RoundRobinFront front;

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
        if (front != null) {
            front.close();
        }
    }

    private int server(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", exchange -> {
            byte[] body = (name + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }

    /** A new client per call: a new connection, as the front balances connections. */
    private static String post(int port, String body) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/x"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    @Test
    void newConnectionsGoToTheInstancesInTurn() throws Exception {
        front = RoundRobinFront.start("test", 0, List.of(server("a"), server("b")));

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(post(front.port(), "hello" + i));
        }

        assertThat(answers).containsExactly("a hello0", "b hello1", "a hello2", "b hello3");
        assertThat(front.connections(0)).isEqualTo(2);
        assertThat(front.connections(1)).isEqualTo(2);
    }

    @Test
    void anInstanceThatRefusesConnectionsIsSkipped() throws Exception {
        int dead = FreePorts.pick(); // nothing listens there: connection refused
        front = RoundRobinFront.start("test", 0, List.of(dead, server("b")));

        for (int i = 0; i < 3; i++) {
            assertThat(post(front.port(), "x")).isEqualTo("b x");
        }
        assertThat(front.connections(0)).isZero();
        assertThat(front.connections(1)).isEqualTo(3);
    }

    @Test
    void aLargeBodyPassesIntactBothWays() throws Exception {
        front = RoundRobinFront.start("test", 0, List.of(server("a")));
        String big = "0123456789".repeat(100_000);

        assertThat(post(front.port(), big)).isEqualTo("a " + big);
    }

    @Test
    void withNoInstanceListeningTheClientSeesTheConnectionClosed() throws Exception {
        front = RoundRobinFront.start("test", 0, List.of(FreePorts.pick()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> post(front.port(), "x"))
                .isInstanceOf(IOException.class);
    }
}
