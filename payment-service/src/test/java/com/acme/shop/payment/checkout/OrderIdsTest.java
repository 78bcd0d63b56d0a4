package com.acme.shop.payment.checkout;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OrderIdsTest {

    @Test
    void orderIdsAreUnguessableAndFitThePgsRule() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String id = OrderIds.next();
            assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]{6,64}");
            ids.add(id);
        }
        assertThat(ids).hasSize(1_000);
    }
}
