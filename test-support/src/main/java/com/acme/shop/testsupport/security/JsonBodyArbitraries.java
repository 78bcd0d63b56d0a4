package com.acme.shop.testsupport.security;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * jqwik arbitraries that derive hostile JSON bodies from one valid example, so a property test covers a field added
 * to a request record without anyone adding table rows: {@link #mutationsOf} removes fields, swaps their types, puts
 * in random strings (non-ASCII, control characters, over-long), huge, negative and fractional numbers, nested
 * objects and arrays, and adds unexpected fields; {@link #corruptionsOf} breaks the JSON text itself.
 *
 * <pre>{@code
 * @Property(tries = 200)
 * void anyMutatedQuoteIsHandled(@ForAll("quotes") String body) { ... }
 *
 * @Provide
 * Arbitrary<String> quotes() {
 *     return JsonBodyArbitraries.bodiesFrom("{\"items\":[{\"productId\":\"MUG-WHT\",\"quantity\":1}]}");
 * }
 * }</pre>
 *
 * A generated body may happen to be valid (a random quantity of 7): properties assert "handled" (a 2xx, or a 4xx
 * problem that changed nothing, see {@link Refusals#expectHandled}), not "refused".
 */
public final class JsonBodyArbitraries {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARKER = "__generated_value_%d__";

    private JsonBodyArbitraries() {
    }

    /** Mostly {@link #mutationsOf} (four in five), otherwise {@link #corruptionsOf}. */
    public static Arbitrary<String> bodiesFrom(String validJson) {
        return Arbitraries.frequencyOf(Tuple.of(4, mutationsOf(validJson)), Tuple.of(1, corruptionsOf(validJson)));
    }

    /**
     * The valid body after one to three random edits, each a removal, a replacement or an added field; never the
     * valid body itself.
     */
    public static Arbitrary<String> mutationsOf(String validJson) {
        JsonNode valid = JSON.readTree(validJson);
        List<String> pointers = new ArrayList<>();
        HostileInput.collect(valid, "", pointers);
        List<String> objects = new ArrayList<>();
        if (valid instanceof ObjectNode) {
            objects.add("");
        }
        pointers.stream().filter(p -> valid.at(p) instanceof ObjectNode).forEach(objects::add);

        List<Tuple.Tuple2<Integer, Arbitrary<? extends Edit>>> edits = new ArrayList<>();
        if (!pointers.isEmpty()) {
            Arbitrary<String> pointer = Arbitraries.of(pointers);
            edits.add(Tuple.of(2, pointer.map(Remove::new)));
            edits.add(Tuple.of(6, Combinators.combine(pointer, values()).as(Replace::new)));
        }
        if (!objects.isEmpty()) {
            edits.add(Tuple.of(2, Combinators.combine(Arbitraries.of(objects), fieldNames(), values()).as(Add::new)));
        }
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("nothing to mutate in " + validJson);
        }
        Arbitrary<Edit> edit = Arbitraries.frequencyOf(edits.toArray(Tuple.Tuple2[]::new));
        String unchanged = JSON.writeValueAsString(valid);
        // an edit can land on the value that was there (a quantity replaced by 1): such a body is not a mutation
        return edit.list().ofMinSize(1).ofMaxSize(3).map(list -> apply(valid, list))
                .filter(body -> !body.equals(unchanged));
    }

    /** The valid JSON text broken: truncated, a character inserted, or something appended. */
    public static Arbitrary<String> corruptionsOf(String validJson) {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, validJson.length());
        Arbitrary<String> truncated = Arbitraries.integers().between(0, validJson.length() - 1)
                .map(at -> validJson.substring(0, at));
        Arbitrary<String> inserted = Combinators.combine(position, Arbitraries.of("{", "}", "[", "]", ",", ":", "\"",
                "\\", "\u0000", "'", "NaN", "-", "0x1")).as((at, s) -> validJson.substring(0, at) + s
                + validJson.substring(at));
        Arbitrary<String> appended = Arbitraries.of(" {}", " null", ",", "]", " 1", "\u0000").map(s -> validJson + s);
        return Arbitraries.oneOf(truncated, inserted, appended);
    }

    /** Raw JSON text of a hostile value: a string, a number, a boolean, null, an object or an array. */
    public static Arbitrary<String> values() {
        Arbitrary<String> scalar = Arbitraries.frequencyOf(
                Tuple.of(4, strings().map(JSON::writeValueAsString)),
                Tuple.of(4, numbers()),
                Tuple.of(1, Arbitraries.of("true", "false", "null")));
        Arbitrary<String> object = Combinators.combine(fieldNames(), scalar).as((k, v) -> "{" + JSON.writeValueAsString(k)
                + ":" + v + "}");
        Arbitrary<String> array = scalar.list().ofMaxSize(5).map(items -> "[" + String.join(",", items) + "]");
        return Arbitraries.frequencyOf(Tuple.of(8, scalar), Tuple.of(1, object), Tuple.of(1, array));
    }

    /** Strings of printable ASCII, control characters, Hangul and emoji, sometimes far longer than any column. */
    public static Arbitrary<String> strings() {
        Arbitrary<String> mixed = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u0000', '\u001f')
                .withCharRange('\uac00', '\ud7a3')
                .ofMinLength(0).ofMaxLength(80);
        Arbitrary<String> overLong = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(65).ofMaxLength(5_000);
        Arbitrary<String> special = Arbitraries.of("", " ", "\uD83D\uDC55", "후드티", "' OR '1'='1", "../../etc/passwd",
                "%69nternal", "null", "1", "-1", "1.5");
        return Arbitraries.frequencyOf(Tuple.of(6, mixed), Tuple.of(1, overLong), Tuple.of(2, special));
    }

    /** JSON numbers: small, negative, fractional, in exponent form, and beyond int, long and double. */
    public static Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 3).map(String::valueOf),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(63), BigInteger.TWO.pow(80)).map(String::valueOf),
                Arbitraries.doubles().between(-1e6, 1e6).map(d -> Double.toString(d)),
                Arbitraries.of("1.0", "0.5", "-0", "1e3", "1E-7", "1e400", "-1e400", "9223372036854775808"));
    }

    private static Arbitrary<String> fieldNames() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)),
                Tuple.of(1, Arbitraries.of("", "__proto__", "@type", "class", "id", "필드")));
    }

    private static String apply(JsonNode valid, List<Edit> edits) {
        JsonNode copy = valid.deepCopy();
        List<String> raws = new ArrayList<>();
        for (Edit edit : edits) {
            switch (edit) {
                case Remove remove -> {
                    if (exists(copy, remove.pointer())) {
                        HostileInput.remove(copy, remove.pointer());
                    }
                }
                case Replace replace -> {
                    if (exists(copy, replace.pointer())) {
                        HostileInput.set(copy, replace.pointer(), marker(raws, replace.raw()));
                    }
                }
                case Add add -> {
                    if (copy.at(add.pointer()) instanceof ObjectNode object) {
                        object.set(add.name(), marker(raws, add.raw()));
                    }
                }
            }
        }
        String text = JSON.writeValueAsString(copy);
        for (int i = 0; i < raws.size(); i++) {
            text = text.replace("\"" + MARKER.formatted(i) + "\"", raws.get(i));
        }
        return text;
    }

    private static JsonNode marker(List<String> raws, String raw) {
        raws.add(raw);
        return JSON.getNodeFactory().stringNode(MARKER.formatted(raws.size() - 1));
    }

    private static boolean exists(JsonNode root, String pointer) {
        return !root.at(pointer).isMissingNode();
    }

    private sealed interface Edit permits Remove, Replace, Add {
    }

    private record Remove(String pointer) implements Edit {
    }

    private record Replace(String pointer, String raw) implements Edit {
    }

    private record Add(String pointer, String name, String raw) implements Edit {
    }
}
