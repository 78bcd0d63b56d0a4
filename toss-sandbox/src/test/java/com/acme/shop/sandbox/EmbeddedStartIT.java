package com.acme.shop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The way the end-to-end tests start the sandbox: from a builder, next to other applications in one JVM. Two
 * instances side by side must not share state.
 */
class EmbeddedStartIT {

    @Test
    void startsTwoIndependentInstancesInOneJvm() throws Exception {
        try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
            HttpClient http = HttpClient.newHttpClient();
            String created = http.send(HttpRequest.newBuilder(uri(first, "/sandbox/payments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\":\"embedded-1\",\"amount\":1000,\"orderName\":\"x\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
            String paymentKey = SandboxIntegrationTest.JSON.readTree(created).get("paymentKey").asString();

            assertThat(status(http, uri(first, "/sandbox/payments/" + paymentKey))).isEqualTo(200);
            assertThat(status(http, uri(second, "/sandbox/payments/" + paymentKey))).isEqualTo(404);
            assertThat(status(http, uri(second, "/actuator/health"))).isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TossSandboxApplication.class)
            .properties("server.port=0", "spring.main.banner-mode=off")
            .run();
    }

    private static URI uri(ConfigurableApplicationContext context, String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }

    private static int status(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

}
