package com.acme.shop.admin.payment;

import com.acme.shop.admin.Korean;
import com.acme.shop.admin.OrderIds;
import com.acme.shop.platform.web.ApiException;
import com.acme.shop.platform.web.ProblemCodes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A payment search as the form states it, checked before payment-service is asked: KST created dates (at most 366
 * days), statuses, method, an exact orderId or paymentKey, customer, amount range, sort and direction. Anything else
 * is a 400 {@code VALIDATION_FAILED} with a Korean detail, and nothing is asked.
 */
public record PaymentQuery(LocalDate from, LocalDate to, List<String> statuses, String method, String orderId,
                           String paymentKey, String customerId, Long minAmount, Long maxAmount, String sort,
                           String direction) {

    /** Statuses and their Korean labels, in the order the form lists them. */
    public static final Map<String, String> STATUSES = statusLabels();
    public static final List<String> METHODS = List.of("카드", "가상계좌", "간편결제", "계좌이체", "휴대폰", "문화상품권",
            "도서문화상품권", "게임문화상품권", "기타");
    static final int MAX_DAYS = 366;
    private static final Pattern PAYMENT_KEY = Pattern.compile("[A-Za-z0-9_-]{1,200}");
    private static final Pattern CUSTOMER = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    private static Map<String, String> statusLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("DONE", "결제 완료");
        labels.put("PARTIAL_CANCELED", "부분 취소");
        labels.put("CANCELED", "전액 취소");
        labels.put("WAITING_FOR_DEPOSIT", "입금 대기");
        labels.put("MANUAL_REVIEW", "수동 검토");
        labels.put("OUTCOME_UNKNOWN", "결과 미확정");
        labels.put("IN_PROGRESS", "승인 진행 중");
        labels.put("READY", "결제 대기");
        labels.put("ABORTED", "실패/중단");
        labels.put("EXPIRED", "만료");
        return labels;
    }

    public static String statusLabel(String status) {
        return STATUSES.getOrDefault(status, status);
    }

    /** The form as sent; blank fields mean "any", missing dates the last 7 days up to {@code today}. */
    public static PaymentQuery parse(Map<String, List<String>> form, LocalDate today) {
        LocalDate to = date(first(form, "to"), "to", today);
        LocalDate from = date(first(form, "from"), "from", to.minusDays(6));
        if (from.isAfter(to)) {
            throw invalid("시작일이 종료일보다 늦습니다");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw invalid("기간은 최대 " + MAX_DAYS + "일입니다");
        }
        List<String> statuses = new ArrayList<>();
        for (String status : form.getOrDefault("status", List.of())) {
            if (status == null || status.isBlank()) {
                continue;
            }
            if (!STATUSES.containsKey(status)) {
                throw invalid("알 수 없는 결제 상태입니다: " + shorten(status));
            }
            if (!statuses.contains(status)) {
                statuses.add(status);
            }
        }
        String method = first(form, "method");
        if (method != null && !METHODS.contains(method)) {
            throw invalid("알 수 없는 결제 수단입니다: " + shorten(method));
        }
        String orderId = first(form, "orderId");
        if (orderId != null && !orderId.matches(OrderIds.PATTERN)) {
            throw invalid("주문번호는 영문, 숫자, -, _ 6~64자입니다");
        }
        String paymentKey = first(form, "paymentKey");
        if (paymentKey != null && !PAYMENT_KEY.matcher(paymentKey).matches()) {
            throw invalid("paymentKey는 영문, 숫자, -, _ 200자 이하입니다");
        }
        String customerId = first(form, "customerId");
        if (customerId != null && !CUSTOMER.matcher(customerId).matches()) {
            throw invalid("고객 ID는 영문, 숫자, _ . @ - 64자 이하입니다");
        }
        Long minAmount = amount(first(form, "minAmount"), "최소 금액");
        Long maxAmount = amount(first(form, "maxAmount"), "최대 금액");
        if (minAmount != null && maxAmount != null && minAmount > maxAmount) {
            throw invalid("최소 금액이 최대 금액보다 큽니다");
        }
        String sort = oneOf(first(form, "sort"), "createdAt", List.of("createdAt", "amount"), "정렬 기준");
        String direction = oneOf(first(form, "direction"), "desc", List.of("desc", "asc"), "정렬 방향");
        return new PaymentQuery(from, to, List.copyOf(statuses), method, orderId, paymentKey, customerId, minAmount,
                maxAmount, sort, direction);
    }

    /** The query as payment-service's search parameters, in order (status repeats). */
    public List<Map.Entry<String, Object>> params() {
        List<Map.Entry<String, Object>> params = new ArrayList<>();
        params.add(Map.entry("from", from.toString()));
        params.add(Map.entry("to", to.toString()));
        statuses.forEach(s -> params.add(Map.entry("status", s)));
        addIfSet(params, "method", method);
        addIfSet(params, "orderId", orderId);
        addIfSet(params, "paymentKey", paymentKey);
        addIfSet(params, "customerId", customerId);
        addIfSet(params, "minAmount", minAmount);
        addIfSet(params, "maxAmount", maxAmount);
        params.add(Map.entry("sort", sort));
        params.add(Map.entry("direction", direction));
        return params;
    }

    private static void addIfSet(List<Map.Entry<String, Object>> params, String name, Object value) {
        if (value != null) {
            params.add(Map.entry(name, value));
        }
    }

    /** The query as form parameters again (for the "more" link and the Excel download), without the cursor. */
    public String queryString() {
        StringBuilder q = new StringBuilder("from=").append(from).append("&to=").append(to);
        statuses.forEach(s -> q.append("&status=").append(s));
        append(q, "method", method);
        append(q, "orderId", orderId);
        append(q, "paymentKey", paymentKey);
        append(q, "customerId", customerId);
        append(q, "minAmount", minAmount);
        append(q, "maxAmount", maxAmount);
        append(q, "sort", sort);
        append(q, "direction", direction);
        return q.toString();
    }

    /** What the search was, in Korean, for the Excel sheet and the audit log. */
    public String describe() {
        StringBuilder d = new StringBuilder("기간 ").append(from).append(" ~ ").append(to).append(" (KST)");
        if (!statuses.isEmpty()) {
            d.append(", 상태 ").append(String.join("/", statuses.stream().map(PaymentQuery::statusLabel).toList()));
        }
        if (method != null) {
            d.append(", 수단 ").append(method);
        }
        if (orderId != null) {
            d.append(", 주문번호 ").append(orderId);
        }
        if (paymentKey != null) {
            d.append(", paymentKey ").append(paymentKey);
        }
        if (customerId != null) {
            d.append(", 고객 ").append(customerId);
        }
        if (minAmount != null || maxAmount != null) {
            d.append(", 금액 ").append(minAmount == null ? "" : Korean.won(minAmount)).append(" ~ ")
                    .append(maxAmount == null ? "" : Korean.won(maxAmount));
        }
        d.append(", 정렬 ").append("amount".equals(sort) ? "금액" : "결제일시").append(" ")
                .append("asc".equals(direction) ? "오름차순" : "내림차순");
        return d.toString();
    }

    private static void append(StringBuilder q, String name, Object value) {
        if (value != null) {
            q.append('&').append(name).append('=')
                    .append(java.net.URLEncoder.encode(String.valueOf(value), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty() || values.getFirst() == null || values.getFirst().isBlank()) {
            return null;
        }
        return values.getFirst().strip();
    }

    private static LocalDate date(String value, String field, LocalDate otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            LocalDate date = LocalDate.parse(value, Korean.DATE);
            if (date.getYear() < 2000 || date.getYear() > 2999) {
                throw invalid("날짜가 범위를 벗어났습니다: " + value);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw invalid("날짜는 yyyy-MM-dd 형식입니다 (" + field + ": " + shorten(value) + ")");
        }
    }

    private static Long amount(String value, String label) {
        if (value == null) {
            return null;
        }
        String digits = value.replace(",", "").replace("원", "").strip();
        if (!digits.matches("\\d{1,12}")) {
            throw invalid(label + "은 0 이상의 정수(원)입니다");
        }
        return Long.parseLong(digits);
    }

    private static String oneOf(String value, String otherwise, List<String> allowed, String label) {
        if (value == null) {
            return otherwise;
        }
        if (!allowed.contains(value)) {
            throw invalid(label + "이 올바르지 않습니다: " + shorten(value));
        }
        return value;
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    static ApiException invalid(String detail) {
        return ApiException.badRequest(ProblemCodes.VALIDATION_FAILED, detail);
    }
}
