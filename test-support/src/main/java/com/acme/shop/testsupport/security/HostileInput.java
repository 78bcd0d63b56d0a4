package com.acme.shop.testsupport.security;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables of hostile input for walking every endpoint of a service, and the field-by-field mutation of a valid JSON
 * body. A suite sends each one and checks, with {@link Refusals}, that the answer is a 4xx problem with a stable code
 * and that nothing changed:
 *
 * <pre>{@code
 * Refusals refusals = new Refusals(StateSnapshot.rowCounts(dataSource, "product", "orders"));
 * for (HostileInput.Body body : HostileInput.bodiesFrom("{\"stock\":5}")) {
 *     refusals.expectRefused(body.name(), () -> http.send(body.request("PUT", target).withHeaders(AS_SERVICE)));
 * }
 * refusals.assertAllRefused();
 * }</pre>
 *
 * The tables do not know which values a field accepts: a value that is valid for one field (zero for a stock) is
 * left out by the suite ({@link Body#replaces}), which then says so in its own code.
 */
public final class HostileInput {

    /** The platform's request body limit ({@code shop.security.max-request-body}, 64 KB). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARKER = "__hostile_value_7f3a__";

    private HostileInput() {
    }

    /**
     * A named hostile value: raw JSON text, or a raw path segment or query value as it goes on the wire.
     * {@code refusedByContainer} marks the values Tomcat itself refuses while parsing the request line, before any
     * filter or application code runs (raw non-ASCII bytes in the request target, undecodable UTF-8 or an encoded
     * slash in the path): it answers 400 with its own HTML error page, not a problem. See
     * {@link Refusals#expectRefused(String, Value, Set, Set, java.util.function.Supplier)}.
     */
    public record Value(String name, String raw, boolean refusedByContainer) {

        public Value(String name, String raw) {
            this(name, raw, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A request body to send: {@code name} says what was done to the valid body, {@code pointer} which field (a JSON
     * pointer; empty for the whole body) and {@code value} which hostile value (null when the field was removed or
     * the whole body replaced).
     */
    public record Body(String name, String pointer, String value, byte[] bytes, String contentType,
                       boolean chunked) {

        /** Whether this body puts the named hostile value into the field at {@code pointer}. */
        public boolean replaces(String fieldPointer, String valueName) {
            return fieldPointer.equals(pointer) && valueName.equals(value);
        }

        public RawHttp.Request request(String method, String target) {
            RawHttp.Request request = new RawHttp.Request(method, target,
                    contentType == null ? Map.of() : Map.of("Content-Type", contentType), bytes, false);
            return chunked ? request.asChunked() : request;
        }

        public String text() {
            return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Hostile JSON values: wrong types, nested structures, odd strings and numbers. */
    public static List<Value> jsonValues() {
        return List.of(
                new Value("empty string", "\"\""),
                new Value("blank string", "\"   \""),
                new Value("over-long string (10,000 chars)", "\"" + "a".repeat(10_000) + "\""),
                new Value("non-ASCII string", "\"후드티\""),
                new Value("emoji", "\"\uD83D\uDC55\""),
                new Value("control characters", "\"\\u0000\\u0007\\u001b\\n\""),
                new Value("quote and backslash", "\"\\\"\\\\\""),
                new Value("SQL-ish string", "\"' OR '1'='1\""),
                new Value("path-ish string", "\"../../etc/passwd\""),
                new Value("number as string", "\"1\""),
                new Value("zero", "0"),
                new Value("negative", "-1"),
                new Value("fractional", "1.5"),
                new Value("fraction that looks whole", "1.0"),
                new Value("exponent", "1e3"),
                new Value("int overflow", "2147483648"),
                new Value("long overflow", "9223372036854775808"),
                new Value("negative long overflow", "-9223372036854775809"),
                new Value("huge decimal", "1e400"),
                new Value("boolean", "true"),
                new Value("null", "null"),
                new Value("empty object", "{}"),
                new Value("nested object", "{\"a\":{\"b\":{\"c\":1}}}"),
                new Value("empty array", "[]"),
                new Value("array of mixed values", "[1,\"a\",null,{}]"));
    }

    /**
     * Every body of {@link #mutationsOf} followed by every body of {@link #wholeBodies}: what a suite sends to an
     * endpoint that takes {@code validJson}.
     */
    public static List<Body> bodiesFrom(String validJson) {
        List<Body> all = new ArrayList<>(mutationsOf(validJson));
        all.addAll(wholeBodies(validJson));
        return all;
    }

    /**
     * The valid body changed in one place each: every field and array element (at any depth) replaced by each of
     * {@link #jsonValues}, removed, every object given an extra field, every array repeated 1,000 times.
     */
    public static List<Body> mutationsOf(String validJson) {
        JsonNode valid = JSON.readTree(validJson);
        List<String> pointers = new ArrayList<>();
        collect(valid, "", pointers);
        List<Body> bodies = new ArrayList<>();
        for (String pointer : pointers) {
            for (Value value : jsonValues()) {
                bodies.add(json(pointer + " = " + value.name(), pointer, value.name(),
                        replaced(valid, pointer, value.raw())));
            }
            JsonNode copy = valid.deepCopy();
            remove(copy, pointer);
            bodies.add(json(pointer + " missing", pointer, null, JSON.writeValueAsString(copy)));
        }
        List<String> containers = new ArrayList<>(List.of(""));
        containers.addAll(pointers);
        for (String pointer : containers) {
            JsonNode node = valid.at(pointer);
            if (node instanceof ObjectNode) {
                JsonNode copy = valid.deepCopy();
                ((ObjectNode) copy.at(pointer)).put("unexpectedField", "x");
                bodies.add(json((pointer.isEmpty() ? "/" : pointer) + " with an extra field", pointer, null,
                        JSON.writeValueAsString(copy)));
            } else if (node instanceof ArrayNode array && !array.isEmpty()) {
                JsonNode copy = valid.deepCopy();
                ArrayNode many = (ArrayNode) copy.at(pointer);
                JsonNode first = many.get(0);
                for (int i = 0; i < 999; i++) {
                    many.add(first.deepCopy());
                }
                bodies.add(json(pointer + " with 1,000 elements", pointer, null, JSON.writeValueAsString(copy)));
            }
        }
        return bodies;
    }

    /**
     * Whole bodies that are not the expected document: none, not JSON, truncated, another JSON type, trailing
     * tokens, deeply nested, invalid UTF-8, the wrong content type, and a body just over the
     * {@link #MAX_BODY_BYTES 64 KB limit}, with a declared length and chunked.
     */
    public static List<Body> wholeBodies(String validJson) {
        String oversized = oversized(validJson);
        byte[] invalidUtf8 = validJson.replaceFirst("\"", "\"\u0000").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < invalidUtf8.length; i++) {
            if (invalidUtf8[i] == 0) {
                invalidUtf8[i] = (byte) 0xC3; // a lead byte followed by an ASCII byte: not UTF-8
            }
        }
        return List.of(
                new Body("no body", "", null, null, "application/json", false),
                json("empty body", "", null, ""),
                json("not JSON", "", null, "hello"),
                json("truncated JSON", "", null, validJson.substring(0, validJson.length() - 1)),
                json("JSON null", "", null, "null"),
                json("JSON array instead of an object", "", null, "[" + validJson + "]"),
                json("JSON string instead of an object", "", null, "\"" + validJson.replace("\"", "'") + "\""),
                json("trailing tokens", "", null, validJson + " {}"),
                json("deeply nested (2,000 levels)", "", null, "[".repeat(2_000) + "]".repeat(2_000)),
                new Body("invalid UTF-8", "", null, invalidUtf8, "application/json", false),
                new Body("text/plain instead of JSON", "", null, validJson.getBytes(StandardCharsets.UTF_8),
                        "text/plain", false),
                new Body("oversized body (" + oversized.length() + " bytes, declared length)", "", null,
                        oversized.getBytes(StandardCharsets.UTF_8), "application/json", false),
                new Body("oversized body (" + oversized.length() + " bytes, chunked)", "", null,
                        oversized.getBytes(StandardCharsets.UTF_8), "application/json", true));
    }

    /** The valid body with one extra string field that makes it exactly one byte over the limit. */
    static String oversized(String validJson) {
        JsonNode valid = JSON.readTree(validJson);
        String prefix = valid instanceof ObjectNode && !valid.isEmpty()
                ? validJson.substring(0, validJson.lastIndexOf('}')) + ",\"padding\":\""
                : "{\"padding\":\"";
        int fill = MAX_BODY_BYTES + 1 - prefix.length() - "\"}".length();
        return prefix + "x".repeat(fill) + "\"}";
    }

    /** Hostile path segments, as they go on the wire (percent-encoded where a client would encode them). */
    public static List<Value> pathSegments() {
        return List.of(
                new Value("non-ASCII (percent-encoded UTF-8)", "%ED%9B%84%EB%93%9C%ED%8B%B0"),
                new Value("non-ASCII (raw UTF-8 bytes)", "후드티", true),
                new Value("emoji", "%F0%9F%91%95"),
                new Value("over-long (65 chars)", "A".repeat(65)),
                new Value("over-long (2,000 chars)", "A".repeat(2_000)),
                new Value("encoded space", "a%20b"),
                new Value("control character", "a%01b"),
                new Value("invalid UTF-8", "%FF%FE", true),
                new Value("SQL-ish", "%27%20OR%20%271%27%3D%271"),
                new Value("encoded slash", "a%2Fb", true),
                new Value("encoded percent", "a%25b"),
                new Value("dot segment", ".."));
    }

    /** Hostile query parameter values, as they go on the wire; dates beyond any sane range included. */
    public static List<Value> queryValues() {
        return List.of(
                new Value("empty", ""),
                new Value("blank", "%20%20"),
                new Value("non-ASCII (percent-encoded UTF-8)", "%ED%9B%84%EB%93%9C%ED%8B%B0"),
                new Value("non-ASCII (raw UTF-8 bytes)", "후드티", true),
                new Value("over-long (5,000 chars)", "a".repeat(5_000)),
                new Value("control character", "a%01b"),
                new Value("invalid UTF-8", "%FF%FE"),
                new Value("SQL-ish", "%27%20OR%20%271%27%3D%271"),
                new Value("JSON object", "%7B%22a%22%3A1%7D"),
                new Value("negative", "-1"),
                new Value("fraction", "1.5"),
                new Value("huge number", "99999999999999999999"),
                new Value("year +999999999", "%2B999999999-12-31"),
                new Value("month +999999999", "%2B999999999-12"),
                new Value("year -1", "-0001-01-01"),
                new Value("year 0", "0000-01-01"),
                new Value("year 9999", "9999-12-31"),
                new Value("impossible date", "2026-02-30"),
                new Value("date and time", "2026-01-01T00:00:00Z"));
    }

    private static Body json(String name, String pointer, String value, String text) {
        return new Body(name, pointer, value, text.getBytes(StandardCharsets.UTF_8), "application/json", false);
    }

    /** The JSON pointers of every object member and array element below {@code node}. */
    static void collect(JsonNode node, String at, List<String> pointers) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                pointers.add(pointer);
                collect(object.get(name), pointer, pointers);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String pointer = at + "/" + i;
                pointers.add(pointer);
                collect(array.get(i), pointer, pointers);
            }
        }
    }

    /** {@code valid} with the node at {@code pointer} replaced by the raw JSON text, written exactly as given. */
    static String replaced(JsonNode valid, String pointer, String rawJson) {
        JsonNode copy = valid.deepCopy();
        set(copy, pointer, JSON.getNodeFactory().stringNode(MARKER));
        return JSON.writeValueAsString(copy).replace("\"" + MARKER + "\"", rawJson);
    }

    static void set(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = unescape(pointer.substring(slash + 1));
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    static void remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = unescape(pointer.substring(slash + 1));
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        }
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
