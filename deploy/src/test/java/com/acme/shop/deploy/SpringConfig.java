package com.acme.shop.deploy;

import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The default-profile properties of a service's yml, flattened to Spring's dotted names. */
record SpringConfig(Map<String, Object> properties) {

    private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("^\\$\\{[A-Z0-9_]+:(.*)}$");

    /** The first document of the file (the default profile), or an empty configuration when the file is absent. */
    static SpringConfig of(String relativePath) {
        if (!Files.isRegularFile(Repository.path(relativePath))) {
            return new SpringConfig(Map.of());
        }
        Object first = new Yaml().loadAll(Repository.read(relativePath)).iterator().next();
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", first, flat);
        return new SpringConfig(flat);
    }

    static SpringConfig ofService(String service) {
        return of(service + "/src/main/resources/" + service + ".yml");
    }

    /** The value, with an environment placeholder {@code ${VAR:default}} resolved to its default. */
    Optional<String> get(String name) {
        Object value = properties.get(name);
        if (value == null) {
            return Optional.empty();
        }
        Matcher placeholder = PLACEHOLDER_DEFAULT.matcher(String.valueOf(value));
        return Optional.of(placeholder.matches() ? placeholder.group(1) : String.valueOf(value));
    }

    private static void flatten(String prefix, Object node, Map<String, Object> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
        } else {
            into.put(prefix, node);
        }
    }
}
