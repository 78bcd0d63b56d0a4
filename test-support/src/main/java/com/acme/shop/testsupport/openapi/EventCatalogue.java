package com.acme.shop.testsupport.openapi;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A service's Kafka consumers against the AsyncAPI event catalogue of the contracts jar ({@code contracts/asyncapi.yaml},
 * docs/api.md): every {@code @KafkaListener} of the service is a receive operation of the catalogue on its topic,
 * named for the service with its consumer group, and every receive operation the catalogue names the service for has
 * a listener. Read from the compiled classes, so no Spring context is needed.
 */
public final class EventCatalogue {

    private static final String KAFKA_LISTENER = "org.springframework.kafka.annotation.KafkaListener";

    private EventCatalogue() {
    }

    /** The catalogue as the contracts jar ships it. */
    public static JsonNode catalogue() {
        try (InputStream in = EventCatalogue.class.getClassLoader().getResourceAsStream("contracts/asyncapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("contracts/asyncapi.yaml is not on the classpath");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Consumer(String topic, String group) {
    }

    /**
     * Where the service's listeners and the catalogue disagree, empty when they agree. A listener without a
     * {@code groupId} consumes in the service's default group, its name.
     */
    public static List<String> disagreements(String service, String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        Set<Consumer> listeners = new LinkedHashSet<>();
        for (var javaClass : classes) {
            for (JavaMethod method : javaClass.getMethods()) {
                for (JavaAnnotation<JavaMethod> annotation : method.getAnnotations()) {
                    if (annotation.getRawType().getName().equals(KAFKA_LISTENER)) {
                        String group = annotation.get("groupId").map(String::valueOf).filter(g -> !g.isBlank()).orElse(service);
                        for (Object topic : (Object[]) annotation.get("topics").orElse(new Object[0])) {
                            listeners.add(new Consumer(String.valueOf(topic), group));
                        }
                    }
                }
            }
        }
        JsonNode doc = catalogue();
        Set<Consumer> declared = new LinkedHashSet<>();
        for (JsonNode operation : doc.get("operations")) {
            if (!operation.get("action").asString().equals("receive") || !names(operation.get("x-services")).contains(service)) {
                continue;
            }
            String channel = operation.at("/channel/$ref").asString().replaceFirst("^#/channels/", "");
            String topic = doc.at("/channels/" + channel + "/address").asString();
            for (String group : names(operation.at("/bindings/kafka/groupId/enum"))) {
                declared.add(new Consumer(topic, group));
            }
        }
        List<String> out = new ArrayList<>();
        for (Consumer listener : listeners) {
            if (!declared.contains(listener)) {
                out.add(service + " consumes " + listener.topic() + " in group " + listener.group()
                        + ", which the catalogue does not declare (a receive operation with x-services and groupId)");
            }
        }
        for (Consumer consumer : declared) {
            if (!listeners.contains(consumer)) {
                out.add("the catalogue says " + service + " consumes " + consumer.topic() + " in group " + consumer.group()
                        + ", but no @KafkaListener of " + basePackage + " does");
            }
        }
        if (listeners.isEmpty() && declared.isEmpty()) {
            out.add("no @KafkaListener found under " + basePackage + " and none declared: wrong package?");
        }
        return out;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> out.add(item.asString()));
        }
        return out;
    }
}
