package com.acme.shop.payment;

import com.acme.shop.contracts.LineItem;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * A checkout's priced lines, stored as one JSON array in the payment row ({@code payment.items}). They are written
 * once at checkout and only ever read whole, with the payment, to build PAYMENT_APPROVED: a column of the row
 * spares the second query a child table costs on every load of a payment.
 */
@Converter
class LineItemsJson implements AttributeConverter<List<LineItem>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<LineItem>> LINES = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<LineItem> lines) {
        return lines == null ? null : JSON.writeValueAsString(lines);
    }

    @Override
    public List<LineItem> convertToEntityAttribute(String json) {
        return json == null ? List.of() : List.copyOf(JSON.readValue(json, LINES));
    }
}
