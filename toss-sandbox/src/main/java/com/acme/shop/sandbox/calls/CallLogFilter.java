package com.acme.shop.sandbox.calls;

import java.io.IOException;
import java.time.Clock;

import com.acme.shop.sandbox.api.ApiCall;
import com.acme.shop.sandbox.api.ApiFilterOrder;
import com.acme.shop.sandbox.api.ApiRoute;
import com.acme.shop.sandbox.api.CachedBodyRequest;
import com.acme.shop.sandbox.api.TossTime;
import com.acme.shop.sandbox.payment.PaymentService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The entry of the {@code /v1} pipeline: works out which operation, order and payment a call is about (from the
 * path, the JSON body, or the stored payments), hands that to the inner filters as an {@link ApiCall}, and records
 * the outcome in the {@link CallLog} whatever happens inside.
 */
@Component
@Order(ApiFilterOrder.CALL_LOG)
class CallLogFilter extends OncePerRequestFilter {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final String TEST_CODE = "TossPayments-Test-Code";

    private final CallLog log;

    private final PaymentService payments;

    private final JsonMapper json;

    private final Clock clock;

    CallLogFilter(CallLog log, PaymentService payments, JsonMapper json, Clock clock) {
        this.log = log;
        this.payments = payments;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiRoute.isApiPath(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CachedBodyRequest cached = CachedBodyRequest.wrap(request);
        ApiCall call = describe(cached);
        call.attachTo(cached);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(cached, captured);
        }
        finally {
            log.record(new CallRecord(TossTime.format(call.receivedAt()), call.method(), call.path(),
                    call.idempotencyKey(), call.testCode(), call.orderId(), call.paymentKey(),
                    call.statusOr(captured.getStatus()), errorCode(captured), call.replayed(), call.fault()));
        }
        captured.copyBodyToResponse();
    }

    private ApiCall describe(CachedBodyRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI();
        ApiRoute route = ApiRoute.parse(method, path);
        JsonNode body = readJson(request.body());
        String paymentKey = route.paymentKey() != null ? route.paymentKey() : text(body, "paymentKey");
        String orderId = route.orderId() != null ? route.orderId() : text(body, "orderId");
        if (orderId == null && paymentKey != null) {
            orderId = payments.orderIdOf(paymentKey).orElse(null);
        }
        if (paymentKey == null && orderId != null) {
            paymentKey = payments.paymentKeyOf(orderId).orElse(null);
        }
        return new ApiCall(clock.instant(), method, path, route.endpoint(),
                blankToNull(request.getHeader(IDEMPOTENCY_KEY)), blankToNull(request.getHeader(TEST_CODE)), orderId,
                paymentKey);
    }

    private String errorCode(ContentCachingResponseWrapper response) {
        if (response.getStatus() < 400) {
            return null;
        }
        return text(readJson(response.getContentAsByteArray()), "code");
    }

    private JsonNode readJson(byte[] content) {
        if (content.length == 0) {
            return null;
        }
        try {
            return json.readTree(content);
        }
        catch (JacksonException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
