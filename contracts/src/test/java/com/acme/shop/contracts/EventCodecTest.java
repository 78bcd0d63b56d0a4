package com.acme.shop.contracts;

import com.acme.shop.contracts.order.FailureReason;
import com.acme.shop.contracts.order.OrderCreated;
import com.acme.shop.contracts.order.OrderCreationFailed;
import com.acme.shop.contracts.payment.CancelCause;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.contracts.payment.PaymentCanceled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    static final Instant AT = Instant.parse("2026-11-21T05:30:15.123456Z");
    static final List<LineItem> ITEMS = List.of(new LineItem("TSHIRT-BLK-M", "토스 티셔츠", 2, 15_000));

    static final Map<EventType, EventPayload> SAMPLES = Map.of(
            EventType.PAYMENT_APPROVED, new PaymentApproved("order-000001", "pk_1", "customer-1", "토스 티셔츠 외 1건",
                    "카드", null, 30_000, "KRW", "TX0001", AT, ITEMS),
            EventType.PAYMENT_CANCELED, new PaymentCanceled("order-000001", "pk_1", "카드", 30_000, 30_000, 0, "TX0002",
                    "주문 생성 실패로 인한 환불", CancelCause.ORDER_CREATION_FAILED, AT),
            EventType.ORDER_CREATED, new OrderCreated("order-000001", "pk_1", "customer-1", 30_000, ITEMS, AT),
            EventType.ORDER_CREATION_FAILED, new OrderCreationFailed("order-000001", "pk_1", 30_000,
                    FailureReason.OUT_OF_STOCK, "재고 부족"));

    final EventCodec codec = new EventCodec();
    final EventSchemas schemas = EventSchemas.load();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasASample(EventType type) {
        assertThat(SAMPLES).containsKey(type);
        assertThat(SAMPLES.get(type)).isInstanceOf(type.payloadType());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void encodedEventsValidateAgainstTheirSchema(EventType type) {
        String json = codec.encode(EventEnvelope.of(SAMPLES.get(type), AT));

        assertThat(schemas.validate(type, json)).isEmpty();
        assertThat(json).contains("\"eventType\":\"" + type.name() + "\"")
                .contains("\"occurredAt\":\"2026-11-21T05:30:15.123456Z\"")
                .doesNotContain("com.acme").doesNotContain("@class");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void roundTripsEveryEvent(EventType type) {
        EventEnvelope<?> sent = EventEnvelope.of(SAMPLES.get(type), AT);

        assertThat(codec.decode(codec.encode(sent))).isEqualTo(sent);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void examplesValidateAndDecode(EventType type) {
        String example = EventSchemas.example(type);

        assertThat(schemas.validate(type, example)).isEmpty();
        EventEnvelope<?> decoded = codec.decode(example);
        assertThat(decoded.eventType()).isEqualTo(type);
        assertThat(decoded.payload()).isInstanceOf(type.payloadType());
        assertThat(decoded.orderId()).isEqualTo(decoded.payload().orderId());
    }

    @Test
    void ignoresFieldsAddedByNewerProducers() {
        String example = EventSchemas.example(EventType.PAYMENT_APPROVED)
                .replace("\"currency\": \"KRW\"", "\"currency\": \"KRW\", \"loyaltyPoints\": 120");

        assertThat(codec.decode(example).payload()).isInstanceOf(PaymentApproved.class);
    }

    @Test
    void rejectsMessagesThatBreakTheSchema() {
        Function<String, String> breakAmount = s -> s.replace("\"totalAmount\": 39000", "\"totalAmount\": -1");
        String broken = breakAmount.apply(EventSchemas.example(EventType.PAYMENT_APPROVED));

        assertThatThrownBy(() -> codec.decode(broken))
                .isInstanceOf(EventCodec.InvalidEventException.class)
                .hasMessageContaining("totalAmount");
    }

    @Test
    void rejectsNonJsonAndMissingType() {
        assertThatThrownBy(() -> codec.decode("{not json")).isInstanceOf(EventCodec.InvalidEventException.class);
        assertThatThrownBy(() -> codec.decode("[1,2]")).isInstanceOf(EventCodec.InvalidEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"orderId\":\"x\"}"))
                .isInstanceOf(EventCodec.InvalidEventException.class).hasMessageContaining("eventType");
    }

    @Test
    void reportsUnknownEventTypesSeparately() {
        String future = EventSchemas.example(EventType.ORDER_CREATED).replace("\"ORDER_CREATED\"", "\"ORDER_SHIPPED\"");

        assertThatThrownBy(() -> codec.decode(future))
                .isInstanceOfSatisfying(EventCodec.UnknownEventTypeException.class,
                        e -> assertThat(e.eventType()).isEqualTo("ORDER_SHIPPED"));
    }

    @Test
    void envelopeRefusesPayloadOfAnotherTypeOrOrder() {
        EventPayload created = SAMPLES.get(EventType.ORDER_CREATED);
        assertThatThrownBy(() -> new EventEnvelope<>(java.util.UUID.randomUUID(), EventType.PAYMENT_APPROVED, AT,
                "order-000001", created)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventEnvelope<>(java.util.UUID.randomUUID(), EventType.ORDER_CREATED, AT,
                "order-999999", created)).isInstanceOf(IllegalArgumentException.class);
    }
}
