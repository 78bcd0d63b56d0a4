package com.acme.shop.contracts;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI catalogue ({@code contracts/asyncapi.yaml}) against the AsyncAPI 3.0.0 JSON Schema and against the code:
 * every event type is a message on its topic with its JSON Schema as payload and a producer, every topic of
 * {@link Topics} and its dead-letter topic is a channel (and no other), the headers are the ones the outbox relay
 * writes, and every reference resolves. Each service's own test checks its {@code @KafkaListener}s against the
 * catalogue's receive operations (test-support's {@code EventCatalogue}).
 */
class AsyncApiCatalogueTest {

    static final String CATALOGUE = "contracts/asyncapi.yaml";
    private static final JsonNode DOC = new YAMLMapper().readTree(EventSchemas.resource(CATALOGUE));

    @Test
    void isAValidAsyncApi300Document() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        Schema schema = registry.getSchema(EventSchemas.resource("asyncapi/asyncapi-3.0.0.schema.json"), InputFormat.JSON);

        List<String> errors = schema.validate(JsonMapper.builder().build().writeValueAsString(DOC), InputFormat.JSON)
                .stream().map(Object::toString).toList();

        assertThat(DOC.get("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(errors).isEmpty();
    }

    @Test
    void theValidationCatchesABrokenDocument() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        Schema schema = registry.getSchema(EventSchemas.resource("asyncapi/asyncapi-3.0.0.schema.json"), InputFormat.JSON);
        String broken = EventSchemas.resource(CATALOGUE).replace("action: receive", "action: consume");

        String json = JsonMapper.builder().build().writeValueAsString(new YAMLMapper().readTree(broken));

        assertThat(schema.validate(json, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void everyEventTypeIsAMessageOnItsTopicWithItsSchemaAndAProducer() {
        for (EventType type : EventType.values()) {
            JsonNode message = DOC.at("/components/messages/" + type.name());
            assertThat(message.isMissingNode()).as(type + " in components/messages").isFalse();
            assertThat(message.get("name").asString()).isEqualTo(type.name());
            String schemaRef = message.at("/payload/schema/$ref").asString();
            assertThat("contracts/" + schemaRef.replaceFirst("^\\./", "")).as(type + "'s payload")
                    .isEqualTo(type.schemaResource());

            String channel = channelOf(type.topic());
            assertThat(DOC.at("/channels/" + channel + "/messages/" + type.name() + "/$ref").asString())
                    .isEqualTo("#/components/messages/" + type.name());
            assertThat(operations("send", channel)).as("a producer of " + type)
                    .anyMatch(op -> refs(op.get("messages")).contains("#/channels/" + channel + "/messages/" + type.name()));
        }
    }

    @Test
    void theChannelsAreTheTopicsAndTheirDeadLetterTopics() throws IllegalAccessException {
        Set<String> topics = new HashSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
                String topic = (String) field.get(null);
                topics.add(topic);
                topics.add(Topics.deadLetterOf(topic));
            }
        }
        Set<String> addresses = StreamSupport.stream(DOC.get("channels").spliterator(), false)
                .map(channel -> channel.get("address").asString()).collect(Collectors.toSet());

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(topics);
        for (String topic : topics) {
            JsonNode channel = DOC.get("channels").get(channelOf(topic));
            assertThat(channel.at("/bindings/kafka/topic").asString()).isEqualTo(topic);
            // a dead-letter topic has the partitions of its topic (the recoverer keeps the partition)
            assertThat(channel.at("/bindings/kafka/partitions").asInt()).isEqualTo(3);
        }
        for (String topic : topics) {
            if (topic.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
                assertThat(operations("send", channelOf(topic))).as("who dead-letters to " + topic).isNotEmpty();
                assertThat(operations("receive", channelOf(topic))).as("who keeps " + topic).isNotEmpty();
            }
        }
    }

    @Test
    void theHeadersAreTheOnesTheOutboxRelayWrites() {
        JsonNode headers = DOC.at("/components/schemas/eventHeaders");

        assertThat(headers.get("properties").propertyNames()).contains("eventId", "eventType", "traceparent");
        assertThat(refs(headers.get("required"))).containsExactlyInAnyOrder("eventId", "eventType");
        assertThat(refs(headers.at("/properties/eventType/enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(Enum::name).toList());
        assertThat("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .matches(headers.at("/properties/traceparent/pattern").asString());
        for (EventType type : EventType.values()) {
            assertThat(DOC.at("/components/messages/" + type.name() + "/headers/$ref").asString())
                    .isEqualTo("#/components/schemas/eventHeaders");
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> unresolved = new ArrayList<>();
        walk(DOC, ref -> {
            if (ref.startsWith("#/")) {
                if (DOC.at(ref.substring(1)).isMissingNode()) {
                    unresolved.add(ref);
                }
            } else {
                try {
                    EventSchemas.resource("contracts/" + ref.replaceFirst("^\\./", ""));
                } catch (IllegalStateException e) {
                    unresolved.add(ref);
                }
            }
        });
        assertThat(unresolved).isEmpty();
    }

    private static String channelOf(String topic) {
        for (var channel : DOC.get("channels").properties()) {
            if (channel.getValue().get("address").asString().equals(topic)) {
                return channel.getKey();
            }
        }
        throw new AssertionError("no channel has the address " + topic);
    }

    private static List<JsonNode> operations(String action, String channel) {
        List<JsonNode> out = new ArrayList<>();
        DOC.get("operations").forEach(op -> {
            if (op.get("action").asString().equals(action)
                    && op.at("/channel/$ref").asString().equals("#/channels/" + channel)) {
                out.add(op);
            }
        });
        return out;
    }

    private static List<String> refs(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> out.add(item.has("$ref") ? item.get("$ref").asString() : item.asString()));
        }
        return out;
    }

    private static void walk(JsonNode node, java.util.function.Consumer<String> refs) {
        if (node.isObject()) {
            for (var property : node.properties()) {
                if (property.getKey().equals("$ref")) {
                    refs.accept(property.getValue().asString());
                } else {
                    walk(property.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, refs));
        }
    }
}
