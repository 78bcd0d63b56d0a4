package com.acme.shop.testsupport.openapi;

import com.acme.shop.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The REST API description a running service serves ({@code /v3/api-docs}) against the one checked in under
 * {@code contracts/src/main/resources/openapi/<service>.json} (docs/api.md). Both are compared as JSON with their keys
 * in order, so neither formatting nor key order makes a difference; what differs is listed path by path.
 *
 * <p>With {@code -Dopenapi.write=true} the served description is written to the checked-in file instead: the way to
 * regenerate it after a deliberate change of the API (then review the file's diff like code).
 */
public final class ApiDescriptions {

    public static final String WRITE_PROPERTY = "openapi.write";
    private static final int MAX_DIFFERENCES = 60;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ApiDescriptions() {
    }

    /** The description the service at {@code baseUrl} serves, read with the service token, keys in order. */
    public static JsonNode served(String baseUrl) {
        Http.Response response = Http.get(baseUrl + "/v3/api-docs", Http.AS_SERVICE);
        if (response.status() != 200 || response.body() == null) {
            throw new AssertionError("GET /v3/api-docs answered " + response.status() + ": " + response.raw());
        }
        return normalised(response.body());
    }

    /**
     * Fails, listing the differences, unless the service describes its API exactly as the checked-in file does; or,
     * with {@code -Dopenapi.write=true}, writes the file. Returns the served description.
     */
    public static JsonNode assertMatchesCheckedIn(String service, String baseUrl) {
        JsonNode served = served(baseUrl);
        Path file = checkedIn(service);
        String text = JSON.writeValueAsString(served) + "\n";
        try {
            if (Boolean.getBoolean(WRITE_PROPERTY)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
                System.out.println("[openapi] wrote " + file.toAbsolutePath().normalize());
                return served;
            }
            Path actual = Path.of("target", "openapi", service + ".json");
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, text, StandardCharsets.UTF_8);
            if (!Files.exists(file)) {
                throw new AssertionError("No checked-in API description " + file + "; generate it with "
                        + regenerateCommand() + " (what the service serves is in " + actual + ")");
            }
            JsonNode expected = normalised(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
            List<String> differences = differences(expected, served);
            if (!differences.isEmpty()) {
                throw new AssertionError(service + " describes its API differently from " + file + " ("
                        + differences.size() + (differences.size() >= MAX_DIFFERENCES ? "+" : "") + " differences):\n  "
                        + String.join("\n  ", differences) + "\nIf the change is meant, regenerate with "
                        + regenerateCommand() + " and review the file's diff; what the service serves is in "
                        + actual.toAbsolutePath().normalize());
            }
            return served;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String regenerateCommand() {
        return "./mvnw -pl <service> -am verify -Dit.test=ApiDescriptionIT -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false "
                + "-DfailIfNoTests=false -Dopenapi.write=true";
    }

    /**
     * What a reader of the description would miss: an operation without a summary or with a generated operation id
     * ({@code name_1}: springdoc's way to make two equal method names unique, which depends on the order it found them),
     * two operations with one id, or a 4xx or 5xx answer that is not a problem with a {@code code}.
     */
    public static List<String> gaps(JsonNode description) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (var path : description.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String what = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = operation.getValue();
                if (op.path("summary").asString("").isBlank()) {
                    out.add(what + ": no summary");
                }
                String id = op.path("operationId").asString("");
                if (id.matches(".*_\\d+") || !ids.add(id)) {
                    out.add(what + ": operationId '" + id + "' is generated or not unique; rename the method");
                }
                for (var response : op.path("responses").properties()) {
                    if (response.getKey().matches("[45]\\d\\d")
                            && !response.getValue().path("content").has("application/problem+json")) {
                        out.add(what + ": " + response.getKey() + " is not described as a problem");
                    }
                }
            }
        }
        return out;
    }

    /**
     * Who may read the description outside the local profile (docs/api.md): for each path, an anonymous caller gets a
     * 401 problem {@code AUTHENTICATION_REQUIRED} and the scrape token a 403; the service token reads
     * {@code /v3/api-docs.yaml}. Returns what answered otherwise, empty when the door holds.
     */
    public static List<String> doorRefusals(String baseUrl, String... paths) {
        List<String> out = new ArrayList<>();
        for (String path : paths) {
            Http.Response anonymous = Http.get(baseUrl + path);
            if (anonymous.status() != 401 || anonymous.body() == null
                    || !"AUTHENTICATION_REQUIRED".equals(anonymous.body().path("code").asString())) {
                out.add("anonymous GET " + path + " answered " + anonymous.status() + " " + anonymous.raw());
            }
            int scraper = Http.get(baseUrl + path, Http.AS_SCRAPER).status();
            if (scraper != 403) {
                out.add("GET " + path + " with the scrape token answered " + scraper);
            }
        }
        int service = Http.get(baseUrl + "/v3/api-docs.yaml", Http.AS_SERVICE).status();
        if (service != 200) {
            out.add("GET /v3/api-docs.yaml with the service token answered " + service);
        }
        return out;
    }

    /** The checked-in file, found from the module's folder (where Maven runs the tests) or the repository's root. */
    public static Path checkedIn(String service) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("contracts").resolve("src"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("the contracts module is not above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("contracts/src/main/resources/openapi").resolve(service + ".json");
    }

    /** The same JSON with every object's keys in order (arrays keep theirs: their order means something). */
    public static JsonNode normalised(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            new TreeSet<>(node.propertyNames()).forEach(name -> sorted.set(name, normalised(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> array.add(normalised(item)));
            return array;
        }
        return node;
    }

    /** What differs, as JSON Pointer paths with the checked-in and the served value; at most 60 of them. */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        diff("", expected, actual, out);
        return out;
    }

    private static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (out.size() >= MAX_DIFFERENCES || expected.equals(actual)) {
            return;
        }
        String at = path.isEmpty() ? "/" : path;
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            for (String name : names) {
                String child = path + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!actual.has(name)) {
                    add(out, child + ": only in the checked-in file: " + brief(expected.get(name)));
                } else if (!expected.has(name)) {
                    add(out, child + ": only in what the service serves: " + brief(actual.get(name)));
                } else {
                    diff(child, expected.get(name), actual.get(name), out);
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            int common = Math.min(expected.size(), actual.size());
            for (int i = 0; i < common; i++) {
                diff(path + "/" + i, expected.get(i), actual.get(i), out);
            }
            for (int i = common; i < expected.size(); i++) {
                add(out, path + "/" + i + ": only in the checked-in file: " + brief(expected.get(i)));
            }
            for (int i = common; i < actual.size(); i++) {
                add(out, path + "/" + i + ": only in what the service serves: " + brief(actual.get(i)));
            }
        } else {
            add(out, at + ": checked in " + brief(expected) + ", served " + brief(actual));
        }
    }

    private static void add(List<String> out, String line) {
        if (out.size() < MAX_DIFFERENCES) {
            out.add(line);
        }
    }

    private static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }
}
