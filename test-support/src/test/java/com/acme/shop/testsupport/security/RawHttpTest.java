package com.acme.shop.testsupport.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawHttpTest {

    @ParameterizedTest
    @EnumSource(Bypass.class)
    void sendsEveryBypassSpellingOnTheWireExactlyAsWritten(Bypass bypass) throws Exception {
        try (FakeServer server = new FakeServer(request -> FakeServer.problem(401, "AUTHENTICATION_REQUIRED"))) {
            String target = bypass.apply("/internal/v1/products/STICKER-PACK/stock?x=1");

            RawHttp.Response response = RawHttp.to(server.baseUrl())
                    .send(RawHttp.Request.json("PUT", target, "{\"stock\":999999}"));

            assertThat(server.received()).singleElement().satisfies(received -> {
                assertThat(received.requestLine()).isEqualTo("PUT " + target + " HTTP/1.1");
                assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo("{\"stock\":999999}");
            });
            assertThat(response.requestLine()).isEqualTo("PUT " + target + " HTTP/1.1");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.code()).isEqualTo("AUTHENTICATION_REQUIRED");
        }
    }

    @Test
    void sendsNonAsciiAsRawUtf8AndPercentEncodingUntouched() throws Exception {
        try (FakeServer server = new FakeServer(request -> FakeServer.answer(204, "text/plain", ""))) {
            RawHttp http = RawHttp.to(server.baseUrl());

            http.send(RawHttp.Request.of("GET", "/api/v1/orders/후드티"));
            http.send(RawHttp.Request.of("GET", "/api/v1/orders/%ED%9B%84?q=%2B1"));

            assertThat(server.received()).extracting(FakeServer.Received::requestLine).containsExactly(
                    "GET /api/v1/orders/후드티 HTTP/1.1", "GET /api/v1/orders/%ED%9B%84?q=%2B1 HTTP/1.1");
        }
    }

    @Test
    void sendsHeadersAndChunkedBodiesAndDecodesChunkedAnswers() throws Exception {
        String chunkedAnswer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n{\"a\":\r\n3\r\n42}\r\n0\r\n\r\n";
        try (FakeServer server = new FakeServer(request -> chunkedAnswer)) {
            byte[] body = "x".repeat(20_000).getBytes(StandardCharsets.UTF_8);

            RawHttp.Response response = RawHttp.to(server.baseUrl()).send(new RawHttp.Request("POST", "/p",
                    Map.of("Authorization", "Bearer t"), body, false).asChunked());

            FakeServer.Received received = server.received().getFirst();
            assertThat(received.headers()).containsEntry("transfer-encoding", "chunked")
                    .containsEntry("authorization", "Bearer t").doesNotContainKey("content-length");
            assertThat(received.body()).isEqualTo(body);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("a").asInt()).isEqualTo(42);
            assertThat(response.header("content-type")).isEqualTo("application/json");
        }
    }

    @Test
    void refusesTargetsWithSpacesOrControlCharacters() {
        assertThatThrownBy(() -> RawHttp.Request.of("GET", "/a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RawHttp.Request.of("GET", "/a\nb")).isInstanceOf(IllegalArgumentException.class);
    }
}
