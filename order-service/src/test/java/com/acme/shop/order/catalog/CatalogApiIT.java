package com.acme.shop.order.catalog;

import com.acme.shop.order.AbstractIntegrationTest;
import com.acme.shop.testsupport.Http;
import com.acme.shop.testsupport.security.RawHttp;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CatalogApiIT extends AbstractIntegrationTest {

    private static String quoteBody(String... productIdAndQuantity) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < productIdAndQuantity.length; i += 2) {
            items.add("{\"productId\":\"%s\",\"quantity\":%s}".formatted(productIdAndQuantity[i], productIdAndQuantity[i + 1]));
        }
        return "{\"items\":[" + String.join(",", items) + "]}";
    }

    private Response quote(String body) {
        return internal("POST", "/internal/v1/quotes", body);
    }

    @Test
    void listsSellableProductsOfTheDemoCatalogSortedById() {
        Response response = get("/api/v1/products");

        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> products = new ArrayList<>();
        response.body().forEach(products::add);
        List<String> ids = products.stream().map(p -> p.get("productId").asString()).toList();
        assertThat(ids).contains("TSHIRT-BLK-M", "MUG-WHT", "ECOBAG-NAT", "HOODIE-LTD", "STICKER-PACK")
                .doesNotContain("CAP-BLU")
                .isSorted();
        assertThat(products).allSatisfy(p -> assertThat(p.get("sellable").asBoolean()).isTrue());
        JsonNode tshirt = products.get(ids.indexOf("TSHIRT-BLK-M"));
        assertThat(tshirt.get("name").asString()).isEqualTo("토스 티셔츠 (검정, M)");
        assertThat(tshirt.get("price").asLong()).isEqualTo(15_000);
        assertThat(tshirt.get("stock").isInt()).isTrue();
    }

    @Test
    void showsOneProductEvenWhenWithdrawnAndAnswers404ForUnknown() {
        Response hoodie = get("/api/v1/products/HOODIE-LTD");
        assertThat(hoodie.status()).isEqualTo(200);
        assertThat(hoodie.body().get("name").asString()).isEqualTo("한정판 후드티");
        assertThat(hoodie.body().get("price").asLong()).isEqualTo(59_000);

        Response cap = get("/api/v1/products/CAP-BLU");
        assertThat(cap.status()).isEqualTo(200);
        assertThat(cap.body().get("sellable").asBoolean()).isFalse();

        Response unknown = get("/api/v1/products/NO-SUCH-PRODUCT");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.code()).isEqualTo("PRODUCT_NOT_FOUND");
    }

    @Test
    void quotesFromCatalogPricesWithoutTakingStock() {
        String shirt = newProduct("토스 티셔츠 (검정, M)", 15_000, 10);
        String mug = newProduct("토스 머그컵", 9_000, 1);

        Response response = quote(quoteBody(shirt, "2", mug, "1"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.body();
        assertThat(body.get("totalAmount").asLong()).isEqualTo(39_000);
        assertThat(body.get("orderName").asString()).isEqualTo("토스 티셔츠 (검정, M) 외 1건");
        JsonNode first = body.get("items").get(0);
        assertThat(first.get("productId").asString()).isEqualTo(shirt);
        assertThat(first.get("productName").asString()).isEqualTo("토스 티셔츠 (검정, M)");
        assertThat(first.get("quantity").asInt()).isEqualTo(2);
        assertThat(first.get("unitPrice").asLong()).isEqualTo(15_000);
        assertThat(first.get("lineAmount").asLong()).isEqualTo(30_000);
        assertThat(body.get("items").get(1).get("lineAmount").asLong()).isEqualTo(9_000);
        // a quote reserves nothing: the stock is taken only when the approved payment becomes an order
        assertThat(stockOf(shirt)).isEqualTo(10);
        assertThat(stockOf(mug)).isEqualTo(1);
    }

    @Test
    void quoteOfTheDemoCatalogMatchesTheContractExample() {
        Response response = quote(quoteBody("TSHIRT-BLK-M", "2", "MUG-WHT", "1"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("totalAmount").asLong()).isEqualTo(39_000);
        assertThat(response.body().get("orderName").asString()).isEqualTo("토스 티셔츠 (검정, M) 외 1건");
    }

    @Test
    void rejectsInvalidQuoteRequests() {
        String product = newProduct("검증용 상품", 1_000, 500);
        String[] invalid = {
                "{\"items\":[]}",
                "{}",
                "{\"items\":[null]}",
                quoteBody(product, "0"),
                quoteBody(product, "-1"),
                quoteBody(product, "101"),
                quoteBody(" ", "1"),
                "{\"items\":[{\"quantity\":1}]}",
                "{\"items\":[{\"productId\":\"" + product + "\"}]}",
                "{\"items\":[" + String.join(",", IntStream.range(0, 21)
                        .mapToObj(i -> "{\"productId\":\"P" + i + "\",\"quantity\":1}").toList()) + "]}",
        };
        for (String body : invalid) {
            Response response = quote(body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.code()).as(body).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(quote(quoteBody(product, "100")).status()).isEqualTo(200);
    }

    @Test
    void rejectsMalformedJson() {
        Response response = quote("{\"items\":[{\"productId\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void rejectsTheSameProductTwice() {
        String product = newProduct("중복 상품", 1_000, 10);

        Response response = quote(quoteBody(product, "1", product, "2"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("DUPLICATE_PRODUCT");
        assertThat(response.body().get("productId").asString()).isEqualTo(product);
    }

    @Test
    void rejectsUnknownProduct() {
        String product = newProduct("있는 상품", 1_000, 10);

        Response response = quote(quoteBody(product, "1", "NO-SUCH-PRODUCT", "1"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(response.body().get("productId").asString()).isEqualTo("NO-SUCH-PRODUCT");
    }

    @Test
    void rejectsProductNotOnSale() {
        Response response = quote(quoteBody("CAP-BLU", "1"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("PRODUCT_NOT_SELLABLE");
        assertThat(response.body().get("productId").asString()).isEqualTo("CAP-BLU");
    }

    @Test
    void rejectsMoreThanTheStockAndSaysHowMuchThereIs() {
        String product = newProduct("마지막 한 개", 5_000, 1);

        Response response = quote(quoteBody(product, "2"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("OUT_OF_STOCK");
        assertThat(response.body().get("productId").asString()).isEqualTo(product);
        assertThat(response.body().get("requested").asInt()).isEqualTo(2);
        assertThat(response.body().get("available").asInt()).isEqualTo(1);
        assertThat(quote(quoteBody(product, "1")).status()).isEqualTo(200);
    }

    @Test
    void internalEndpointsNeedTheServiceCredential() {
        String product = newProduct("보호된 상품", 1_000, 7);

        Response noToken = unauthenticated("POST", "/internal/v1/quotes", quoteBody(product, "1"));
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.code()).isEqualTo("AUTHENTICATION_REQUIRED");

        Response stockWithoutToken = unauthenticated("PUT", "/internal/v1/products/" + product + "/stock", "{\"stock\":0}");
        assertThat(stockWithoutToken.status()).isEqualTo(401);
        assertThat(stockWithoutToken.code()).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(stockOf(product)).isEqualTo(7);
    }

    @Test
    void changesStockThroughTheInternalEndpoint() {
        String product = newProduct("재고 조정 상품", 2_000, 10);

        Response changed = internal("PUT", "/internal/v1/products/" + product + "/stock", "{\"stock\":5}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("productId").asString()).isEqualTo(product);
        assertThat(changed.body().get("stock").asInt()).isEqualTo(5);
        assertThat(stockOf(product)).isEqualTo(5);
        assertThat(get("/api/v1/products/" + product).body().get("stock").asInt()).isEqualTo(5);

        Response negative = internal("PUT", "/internal/v1/products/" + product + "/stock", "{\"stock\":-1}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.code()).isEqualTo("VALIDATION_FAILED");
        Response missing = internal("PUT", "/internal/v1/products/" + product + "/stock", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(stockOf(product)).isEqualTo(5);

        Response unknown = internal("PUT", "/internal/v1/products/NO-SUCH-PRODUCT/stock", "{\"stock\":1}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("PRODUCT_NOT_FOUND");
    }

    /**
     * An operator's stock change that raced with an order: the order took a piece after the change read the product
     * and before it wrote. Overwriting would lose the order's piece; the change is refused with 409 and nothing is
     * lost. Deterministic: the "order" holds the row lock until the change's UPDATE is seen running (waiting for it).
     */
    @Test
    void aStockChangeThatLostARaceWithAnOrderIsAConflict() throws Exception {
        String product = newProduct("경합 상품", 1_000, 10);
        String target = "/internal/v1/products/" + product + "/stock";
        RawHttp http = RawHttp.to(baseUrl());
        CompletableFuture<RawHttp.Response> change;
        long started = System.nanoTime();
        ExecutorService operator = Executors.newSingleThreadExecutor();
        try (operator; Connection order = dataSource.getConnection()) {
            order.setAutoCommit(false);
            try (PreparedStatement take = order.prepareStatement(
                    "UPDATE product SET stock = stock - 1, version = version + 1 WHERE product_id = ?")) {
                take.setString(1, product);
                assertThat(take.executeUpdate()).isEqualTo(1);
            }
            change = CompletableFuture.supplyAsync(() -> http.send(RawHttp.Request.json("PUT", target,
                    "{\"stock\":20}").withHeaders(Http.AS_SERVICE)), operator);
            // the change's UPDATE is running, so it read the product before this "order" commits: it can only end
            // after the commit (InnoDB's lock wait also shows as such in INNODB_TRX, but not reliably on MariaDB)
            try {
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Query' "
                                + "AND LOWER(INFO) LIKE ?", Integer.class, "update product set%" + product.toLowerCase()
                                + "%") > 0);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("the stock change never reached its UPDATE; the server was doing: "
                        + jdbc.queryForList("SHOW FULL PROCESSLIST"), e);
            }
            order.commit();
        }

        RawHttp.Response response = change.get(30, TimeUnit.SECONDS);

        assertThat(response.status()).as("%s after %d ms", response, (System.nanoTime() - started) / 1_000_000)
                .isEqualTo(409);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.code()).isEqualTo("CONCURRENT_UPDATE");
        assertThat(stockOf(product)).as("the order's piece is not overwritten").isEqualTo(9);
        assertThat(internal("PUT", target, "{\"stock\":20}").status())
                .as("read again and retried, the change goes through").isEqualTo(200);
        assertThat(stockOf(product)).isEqualTo(20);
    }
}
