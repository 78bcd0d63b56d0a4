package com.acme.shop.order.security;

import com.acme.shop.order.AbstractIntegrationTest;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.SpringTestContexts;
import com.acme.shop.testsupport.security.JsonBodyArbitraries;
import com.acme.shop.testsupport.security.RawHttp;
import com.acme.shop.testsupport.security.Refusals;
import com.acme.shop.testsupport.security.StateSnapshot;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jqwik properties over order-service's JSON bodies, generated from one valid example each by test-support's
 * {@link JsonBodyArbitraries}: whatever a caller sends, the answer is a 2xx or a 4xx problem with a code, never a 5xx,
 * and a refused body changes nothing. A field added to a request record is fuzzed here without a new table row. The
 * service is the one the other ITs of the module use (the cached Spring context, see {@link SpringTestContexts}).
 */
class OrderRequestBodiesFuzzIT extends AbstractIntegrationTest {

    private static final String QUOTE = "{\"items\":[{\"productId\":\"MUG-WHT\",\"quantity\":1},"
            + "{\"productId\":\"ECOBAG-NAT\",\"quantity\":2}]}";
    private static String fuzzProduct;

    private StateSnapshot state;

    @BeforeProperty
    void service() {
        SpringTestContexts.inject(this);
        if (fuzzProduct == null) {
            fuzzProduct = newProduct("퍼즈 상품", 1_000, 7);
        }
        state = StateSnapshot.rowCounts(dataSource, "product", "orders", "order_line", "outbox_event", "inbox_event")
                .and(dataSource, "stock", "SELECT product_id, stock, version FROM product ORDER BY product_id");
        state.awaitStable(Duration.ofMillis(300), Duration.ofSeconds(10));
    }

    @Property(tries = 150)
    void anyQuoteBodyIsAnsweredWithoutAServerErrorAndChangesNothing(@ForAll("quotes") String body) {
        Refusals refusals = new Refusals(state);
        Object before = state.take();

        refusals.expectHandled("quote " + body, () -> send("POST", "/internal/v1/quotes", body));

        refusals.assertAllRefused();
        assertThat(state.take()).as("a quote takes no stock").isEqualTo(before);
    }

    @Property(tries = 150)
    void anyStockBodyIsAnsweredWithoutAServerError(@ForAll("stocks") String body) {
        Refusals refusals = new Refusals(state);

        RawHttp.Response response = refusals.expectHandled("stock " + body,
                () -> send("PUT", "/internal/v1/products/" + fuzzProduct + "/stock", body));

        refusals.assertAllRefused();
        if (response.status() == 200) {
            assertThat(response.json().get("stock").asInt()).isBetween(0, 1_000_000);
        }
    }

    @Provide
    Arbitrary<String> quotes() {
        return JsonBodyArbitraries.bodiesFrom(QUOTE);
    }

    @Provide
    Arbitrary<String> stocks() {
        return JsonBodyArbitraries.bodiesFrom("{\"stock\":7}");
    }

    private RawHttp.Response send(String method, String target, String body) {
        return RawHttp.to(baseUrl()).send(RawHttp.Request.json(method, target, body).withHeaders(Http.AS_SERVICE));
    }
}
