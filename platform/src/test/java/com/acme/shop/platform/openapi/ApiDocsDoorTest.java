package com.acme.shop.platform.openapi;

import com.acme.shop.platform.security.AccessRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door of the API description (docs/api.md) in each profile, on a small web application with the platform's
 * security and springdoc and nothing else (no database, no broker): open to anyone in {@code local}, the service token
 * only elsewhere, not served at all in {@code production}.
 */
class ApiDocsDoorTest {

    static final String SERVICE_TOKEN = "api-docs-door-test-service-token-0123456789";
    static final String SCRAPE_TOKEN = "api-docs-door-test-scrape-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void inTheLocalProfileAnyoneReadsTheDescriptionAndOpensSwaggerUi() throws Exception {
        start("local");

        assertThat(get("/v3/api-docs", Map.of())).isEqualTo(200);
        assertThat(get("/v3/api-docs.yaml", Map.of())).isEqualTo(200);
        assertThat(get("/swagger-ui/index.html", Map.of())).isEqualTo(200);
        assertThat(get("/v3/api-docs/swagger-config", Map.of())).isEqualTo(200);
    }

    @Test
    void elsewhereOnlyTheServiceTokenReadsIt() throws Exception {
        start("default");

        assertThat(get("/v3/api-docs", Map.of())).isEqualTo(401);
        assertThat(get("/swagger-ui/index.html", Map.of())).isEqualTo(401);
        assertThat(get("/v3/api-docs", Map.of("Authorization", "Bearer " + SCRAPE_TOKEN))).isEqualTo(403);
        assertThat(get("/v3/api-docs", Map.of("Authorization", "Bearer " + SERVICE_TOKEN))).isEqualTo(200);
        // a path below the door's patterns that springdoc does not serve is still behind the door
        assertThat(get("/v3/api-docs/anything", Map.of())).isEqualTo(401);
    }

    @Test
    void inProductionItIsNotServedAtAll() throws Exception {
        start("production");

        assertThat(get("/v3/api-docs", Map.of())).isEqualTo(401);
        assertThat(get("/v3/api-docs", Map.of("Authorization", "Bearer " + SERVICE_TOKEN))).isEqualTo(404);
        assertThat(get("/swagger-ui/index.html", Map.of("Authorization", "Bearer " + SERVICE_TOKEN))).isEqualTo(404);
        assertThat(get("/api/v1/ping", Map.of())).isEqualTo(200);
    }

    private void start(String profile) {
        app = new SpringApplicationBuilder(DoorApp.class).profiles(profile).run(
                "--server.port=0",
                "--spring.application.name=door-test",
                "--shop.security.service-token=" + SERVICE_TOKEN,
                "--shop.security.scrape-token=" + SCRAPE_TOKEN,
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration");
    }

    private int get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class DoorApp {

        @Bean
        AccessRules pingIsOpen() {
            return routes -> routes.requestMatchers(HttpMethod.GET, "/api/v1/ping").permitAll();
        }

        @Bean
        PingController pingController() {
            return new PingController();
        }
    }

    @RestController
    @Door(Caller.ANYONE)
    static class PingController {

        @GetMapping("/api/v1/ping")
        String ping() {
            return "pong";
        }
    }
}
