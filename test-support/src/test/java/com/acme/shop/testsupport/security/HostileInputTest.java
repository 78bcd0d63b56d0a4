package com.acme.shop.testsupport.security;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostileInputTest {

    private static final String QUOTE = "{\"items\":[{\"productId\":\"MUG-WHT\",\"quantity\":1}]}";
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Test
    void mutatesEveryFieldAtEveryDepthWithEveryValueAndRemovesIt() {
        List<HostileInput.Body> bodies = HostileInput.mutationsOf(QUOTE);

        // 4 pointers (/items, /items/0, /items/0/productId, /items/0/quantity) x (values + missing),
        // extra field at / and /items/0, 1,000 elements of /items
        int values = HostileInput.jsonValues().size();
        assertThat(bodies).hasSize(4 * (values + 1) + 2 + 1);
        assertThat(bodies).filteredOn(b -> b.replaces("/items/0/quantity", "fractional")).singleElement()
                .satisfies(b -> assertThat(b.text()).isEqualTo("{\"items\":[{\"productId\":\"MUG-WHT\",\"quantity\":1.5}]}"));
        assertThat(bodies).filteredOn(b -> b.replaces("/items/0/quantity", "long overflow")).singleElement()
                .satisfies(b -> assertThat(b.text()).contains("\"quantity\":9223372036854775808"));
        assertThat(bodies).filteredOn(b -> b.name().equals("/items/0/productId missing")).singleElement()
                .satisfies(b -> assertThat(b.text()).isEqualTo("{\"items\":[{\"quantity\":1}]}"));
        assertThat(bodies).filteredOn(b -> b.name().equals("/ with an extra field")).singleElement()
                .satisfies(b -> assertThat(b.text()).contains("\"unexpectedField\":\"x\""));
        assertThat(bodies).allSatisfy(b -> assertThat(parse(b.text())).as(b.name()).isNotNull());
    }

    @Test
    void oversizedBodyIsOneByteOverTheLimitAndStillJson() {
        String oversized = HostileInput.oversized("{\"stock\":5}");

        assertThat(oversized.getBytes(StandardCharsets.UTF_8)).hasSize(HostileInput.MAX_BODY_BYTES + 1);
        assertThat(parse(oversized).get("stock").asInt()).isEqualTo(5);
        assertThat(HostileInput.wholeBodies("{\"stock\":5}")).filteredOn(HostileInput.Body::chunked).singleElement()
                .satisfies(b -> assertThat(b.request("PUT", "/x").chunked()).isTrue());
    }

    @Test
    void wholeBodiesAreNotTheDocument() {
        List<HostileInput.Body> bodies = HostileInput.wholeBodies("{\"stock\":5}");

        assertThat(bodies).extracting(HostileInput.Body::name).contains("no body", "not JSON", "trailing tokens",
                "invalid UTF-8", "text/plain instead of JSON");
        HostileInput.Body invalidUtf8 = bodies.stream().filter(b -> b.name().equals("invalid UTF-8")).findFirst()
                .orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder()
                .decode(java.nio.ByteBuffer.wrap(invalidUtf8.bytes())))
                .isInstanceOf(java.nio.charset.CharacterCodingException.class);
    }

    @Test
    void pathAndQueryValuesCanGoOnTheWire() {
        HostileInput.pathSegments().forEach(v -> RawHttp.Request.of("GET", "/api/v1/orders/" + v.raw()));
        HostileInput.queryValues().forEach(v -> RawHttp.Request.of("GET", "/api/v1/orders?customerId=" + v.raw()));
    }

    private static JsonNode parse(String json) {
        return LENIENT.readTree(json);
    }
}
