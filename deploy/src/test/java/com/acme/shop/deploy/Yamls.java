package com.acme.shop.deploy;

import java.util.Map;

/** Parsed YAML (SnakeYAML: maps, lists, scalars) seen as what the test expects. */
final class Yamls {

    private Yamls() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
