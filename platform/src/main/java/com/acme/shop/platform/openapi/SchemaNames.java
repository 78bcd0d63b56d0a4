package com.acme.shop.platform.openapi;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses two classes under one schema name. A schema is named after its class's simple name, so two records both
 * called {@code Item} in different places would silently share one schema and one of them would be described wrong;
 * this makes the description fail instead, naming both classes (give one a name with
 * {@code @Schema(name = "...")}). It only watches the names; the resolving is left to the converters after it.
 */
class SchemaNames implements ModelConverter {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType javaType = type.getType() == null ? null : Json.mapper().constructType(type.getType());
        if (javaType != null && !javaType.isContainerType() && !javaType.isEnumType() && !javaType.isPrimitive()) {
            Class<?> raw = javaType.getRawClass();
            if (raw.getPackageName().startsWith("com.acme.")) {
                io.swagger.v3.oas.annotations.media.Schema named =
                        raw.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
                String name = named != null && !named.name().isBlank() ? named.name() : raw.getSimpleName();
                Class<?> earlier = classes.putIfAbsent(name, raw);
                if (earlier != null && !earlier.equals(raw)) {
                    throw new IllegalStateException("Two classes would be described as the schema '" + name + "': "
                            + earlier.getName() + " and " + raw.getName() + "; name one with @Schema(name = \"...\")");
                }
            }
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }
}
