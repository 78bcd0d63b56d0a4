package com.acme.shop.admin.console;

import com.acme.shop.admin.DownstreamStub;
import com.acme.shop.admin.DownstreamStub.Reply;
import com.acme.shop.platform.security.Credentials;
import com.acme.shop.platform.security.SecurityProperties;
import com.acme.shop.platform.security.ServiceCalls;
import com.acme.shop.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

import com.acme.shop.admin.downstream.ServicesProperties;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The overview against real HTTP: a stub server for the services and a port where nothing listens. */
class OrderOverviewServiceTest {

    private static final String ORDER_ID = "order-0001";
    private static final String PAYMENT = "/api/v1/payments/" + ORDER_ID;
    private static final String ORDER = "/api/v1/orders/" + ORDER_ID;
    private static final String SETTLEMENT = "/api/v1/settlements/payments/" + ORDER_ID;

    private final DownstreamStub stub = DownstreamStub.start();
    private OrderOverviewService service;

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        if (service != null) {
            service.close();
        }
        stub.close();
    }

    private static final ServiceCalls SERVICE_CALLS = new ServiceCalls(Credentials.of(
            new SecurityProperties(TestInfrastructure.SERVICE_TOKEN, null, DataSize.ofKilobytes(64)), new MockEnvironment()));

    private OrderOverviewService service(String paymentUrl, String orderUrl, String settlementUrl, Duration readTimeout) {
        service = new OrderOverviewService(new ServicesProperties(URI.create(paymentUrl), URI.create(orderUrl),
                URI.create(settlementUrl), Duration.ofSeconds(1), readTimeout, Duration.ofSeconds(20)), SERVICE_CALLS,
                io.micrometer.observation.ObservationRegistry.NOOP);
        return service;
    }

    private OrderOverviewService allOnStub() {
        return service(stub.baseUrl(), stub.baseUrl(), stub.baseUrl(), Duration.ofSeconds(3));
    }

    private void allAnswer() {
        stub.reply(PAYMENT, Reply.json("{\"orderId\":\"order-0001\",\"status\":\"DONE\",\"totalAmount\":39000}"));
        stub.reply(ORDER, Reply.json("{\"orderId\":\"order-0001\",\"status\":\"CREATED\",\"items\":[]}"));
        stub.reply(SETTLEMENT, Reply.json("{\"grossAmount\":39000,\"feeAmount\":1287,\"netAmount\":37713}"));
    }

    @Test
    void combinesTheThreeAnswers() {
        allAnswer();

        OrderOverviewService.OrderOverview overview = allOnStub().overview(ORDER_ID);

        assertThat(overview.orderId()).isEqualTo(ORDER_ID);
        assertThat(overview.payment().path("totalAmount").asLong()).isEqualTo(39_000);
        assertThat(overview.order().path("status").asString()).isEqualTo("CREATED");
        assertThat(overview.settlement().path("netAmount").asLong()).isEqualTo(37_713);
        assertThat(overview.errors()).isEmpty();
        assertThat(stub.requested()).containsExactlyInAnyOrder(PAYMENT, ORDER, SETTLEMENT);
    }

    @Test
    void everyCallCarriesTheServiceTokenAndTheOperatorItIsMadeFor() {
        allAnswer();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "kim.operator", null, AuthorityUtils.createAuthorityList("ROLE_OPERATOR")));

        allOnStub().overview(ORDER_ID);

        // the three calls run on other threads: the operator's security context travels with them
        for (String path : new String[] {PAYMENT, ORDER, SETTLEMENT}) {
            assertThat(stub.requestsFor(path)).singleElement().satisfies(request -> {
                assertThat(request.header("Authorization")).isEqualTo("Bearer " + TestInfrastructure.SERVICE_TOKEN);
                assertThat(request.header("X-Operator")).isEqualTo("kim.operator");
            });
        }
    }

    @Test
    void aCallMadeForNobodyNamesNoOperator() {
        allAnswer();

        allOnStub().overview(ORDER_ID);

        assertThat(stub.requestsFor(PAYMENT)).singleElement().satisfies(request -> {
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + TestInfrastructure.SERVICE_TOKEN);
            assertThat(request.header("X-Operator")).isNull();
        });
    }

    @Test
    void aServiceThatKnowsNothingYetGivesNullWithoutError() {
        stub.reply(PAYMENT, Reply.json("{\"status\":\"DONE\"}"));
        // order- and settlement-service answer 404 (the stub's default)

        OrderOverviewService.OrderOverview overview = allOnStub().overview(ORDER_ID);

        assertThat(overview.payment()).isNotNull();
        assertThat(overview.order()).isNull();
        assertThat(overview.settlement()).isNull();
        assertThat(overview.errors()).isEmpty();
    }

    @Test
    void aServiceThatIsDownIsReportedAndTheOthersStillAnswer() {
        allAnswer();
        String down = "http://127.0.0.1:" + DownstreamStub.deadPort();

        OrderOverviewService.OrderOverview overview = service(stub.baseUrl(), stub.baseUrl(), down, Duration.ofSeconds(3))
                .overview(ORDER_ID);

        assertThat(overview.settlement()).isNull();
        assertThat(overview.errors()).containsOnlyKeys("settlement-service");
        assertThat(overview.errors().get("settlement-service")).startsWith("연결 실패");
        assertThat(overview.payment().path("status").asString()).isEqualTo("DONE");
        assertThat(overview.order().path("status").asString()).isEqualTo("CREATED");
    }

    @Test
    void aFailingServiceIsReportedWithItsProblemCode() {
        allAnswer();
        stub.reply(ORDER, Reply.status(503, "{\"status\":503,\"code\":\"DATABASE_UNAVAILABLE\"}", "application/problem+json"));
        stub.reply(SETTLEMENT, Reply.status(500, "<html>oops</html>", "text/html"));

        OrderOverviewService.OrderOverview overview = allOnStub().overview(ORDER_ID);

        assertThat(overview.errors()).containsOnly(
                entry("order-service", "HTTP 503 DATABASE_UNAVAILABLE"),
                entry("settlement-service", "HTTP 500"));
        assertThat(overview.order()).isNull();
        assertThat(overview.payment()).isNotNull();
    }

    @Test
    void anAnswerThatIsNotJsonIsAnError() {
        allAnswer();
        stub.reply(PAYMENT, Reply.status(200, "<html>login</html>", "text/html"));

        OrderOverviewService.OrderOverview overview = allOnStub().overview(ORDER_ID);

        assertThat(overview.payment()).isNull();
        assertThat(overview.errors()).containsOnlyKeys("payment-service");
        assertThat(overview.errors().get("payment-service")).startsWith("응답을 읽을 수 없음");
    }

    @Test
    void aHangingServiceTimesOutWithoutHoldingUpTheOthers() {
        allAnswer();
        stub.reply(SETTLEMENT, Reply.slow(Duration.ofSeconds(20), "{}"));
        OrderOverviewService overviews = service(stub.baseUrl(), stub.baseUrl(), stub.baseUrl(), Duration.ofMillis(400));

        long started = System.nanoTime();
        OrderOverviewService.OrderOverview overview = overviews.overview(ORDER_ID);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(overview.errors()).containsOnly(entry("settlement-service", "응답 시간 초과 (400ms)"));
        assertThat(overview.payment()).isNotNull();
        assertThat(overview.order()).isNotNull();
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }
}
