package com.acme.shop.testsupport.security;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arbitraries themselves, as jqwik properties in a surefire {@code *Test} (jqwik's own engine runs them; surefire
 * counts each property as one test).
 */
class JsonBodyArbitrariesTest {

    private static final String QUOTE = "{\"items\":[{\"productId\":\"MUG-WHT\",\"quantity\":1}]}";
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Property(tries = 300)
    void mutationsAreJsonThatDiffersFromTheValidBody(@ForAll("quoteMutations") String body) {
        JsonNode parsed = LENIENT.readTree(body);

        assertThat(parsed).isNotEqualTo(LENIENT.readTree(QUOTE));
    }

    @Property(tries = 200)
    void corruptionsAreNotTheValidText(@ForAll("quoteCorruptions") String body) {
        assertThat(body).isNotEqualTo(QUOTE);
    }

    @Property(tries = 300)
    void stringsSurviveTheWayToJsonAndBack(@ForAll("strings") String value) {
        String json = LENIENT.writeValueAsString(value);

        assertThat(LENIENT.readTree(json).asString()).isEqualTo(value);
    }

    @Property(tries = 300)
    void numbersAreJsonNumbers(@ForAll("numbers") String number) {
        assertThat(LENIENT.readTree(number).isNumber()).as(number).isTrue();
    }

    @Provide
    Arbitrary<String> quoteMutations() {
        return JsonBodyArbitraries.mutationsOf(QUOTE);
    }

    @Provide
    Arbitrary<String> quoteCorruptions() {
        return JsonBodyArbitraries.corruptionsOf(QUOTE);
    }

    @Provide
    Arbitrary<String> strings() {
        return JsonBodyArbitraries.strings();
    }

    @Provide
    Arbitrary<String> numbers() {
        return JsonBodyArbitraries.numbers();
    }
}
