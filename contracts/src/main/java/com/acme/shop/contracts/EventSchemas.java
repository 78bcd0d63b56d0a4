package com.acme.shop.contracts;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The JSON Schema of every event, loaded once from the contracts jar. Thread-safe after loading. */
public final class EventSchemas {

    private final Map<EventType, Schema> schemas;

    private EventSchemas(Map<EventType, Schema> schemas) {
        this.schemas = schemas;
    }

    public static EventSchemas load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            schemas.put(type, registry.getSchema(resource(type.schemaResource()), InputFormat.JSON));
        }
        return new EventSchemas(schemas);
    }

    /** Violations of the event type's schema, empty when {@code json} conforms. */
    public List<String> validate(EventType type, String json) {
        return schemas.get(type).validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    /** The example message shipped beside the schema; consumer tests read it to prove they understand the contract. */
    public static String example(EventType type) {
        return resource(type.exampleResource());
    }

    static String resource(String path) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing contract resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
