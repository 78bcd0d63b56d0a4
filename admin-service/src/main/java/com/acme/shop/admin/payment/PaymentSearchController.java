package com.acme.shop.admin.payment;

import com.acme.shop.admin.downstream.PaymentApi;
import com.acme.shop.admin.Korean;
import com.acme.shop.admin.OrderIds;
import com.acme.shop.admin.audit.AuditAction;
import com.acme.shop.admin.audit.AuditTrail;
import com.acme.shop.admin.downstream.DownstreamProblem;
import com.acme.shop.admin.page.ConsolePage;
import com.acme.shop.platform.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 결제 검색: the search form, its results (50 a page, "더 보기" appends the next page by keyset), the Excel download of
 * the whole result, and the lookup box of the header (an orderId or a paymentKey straight to the payment's detail).
 */
@Controller
class PaymentSearchController implements ConsolePage {

    static final int PAGE_SIZE = 50;

    private final PaymentApi payments;
    private final AuditTrail audit;
    private final Clock clock;
    private final PaymentExport export;

    PaymentSearchController(PaymentApi payments, AuditTrail audit, Clock clock) {
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
        this.export = new PaymentExport((query, cursor, limit) -> payments.search(query.params(), cursor, limit),
                PaymentExport.MAX_ROWS);
    }

    @GetMapping("/payments")
    String search(@RequestParam MultiValueMap<String, String> form, Model model) {
        PaymentQuery query = PaymentQuery.parse(form, today());
        model.addAttribute("query", query);
        model.addAttribute("statuses", PaymentQuery.STATUSES);
        model.addAttribute("methods", PaymentQuery.METHODS);
        results(query, null, model);
        return "payments/search";
    }

    /** The next page of a search, for htmx: its rows and a new "더 보기" row. */
    @GetMapping("/payments/results")
    String more(@RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) String cursor,
                Model model) {
        if (cursor != null && !cursor.matches("[A-Za-z0-9_=.:-]{1,500}")) {
            throw ApiException.badRequest("VALIDATION_FAILED", "페이지 커서가 올바르지 않습니다");
        }
        results(PaymentQuery.parse(form, today()), cursor, model);
        return "payments/search :: rows";
    }

    private void results(PaymentQuery query, String cursor, Model model) {
        PaymentApi.SearchPage page = payments.search(query.params(), cursor, PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("queryString", query.queryString());
        model.addAttribute("statusLabels", PaymentQuery.STATUSES);
    }

    @GetMapping("/payments/export.xlsx")
    void download(@RequestParam MultiValueMap<String, String> form, HttpServletResponse response) throws IOException {
        PaymentQuery query = PaymentQuery.parse(form, today());
        Path file = Files.createTempFile("payments-", ".xlsx");
        try {
            PaymentExport.Written written = audit.run(AuditAction.PAYMENT_EXPORT, query.from() + "~" + query.to(),
                    query.describe(), null, () -> {
                        try (OutputStream out = Files.newOutputStream(file)) {
                            return export.write(query, clock.instant(), out);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, w -> Map.of("rows", w.rows(), "total", w.total(), "truncated", w.truncated()));
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            response.setHeader("Content-Disposition", ContentDisposition.attachment()
                    .filename("결제검색_" + query.from().toString().replace("-", "") + "-"
                            + query.to().toString().replace("-", "") + ".xlsx", StandardCharsets.UTF_8).build().toString());
            response.setHeader("X-Export-Rows", Long.toString(written.rows()));
            response.setContentLengthLong(Files.size(file));
            Files.copy(file, response.getOutputStream());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * 결제 상세 without a payment yet, and the header's lookup box: an orderId opens its payment; otherwise a paymentKey
     * is looked up over the last year. Without {@code q} it is the page with the lookup form.
     */
    @GetMapping("/payments/lookup")
    String lookup(@RequestParam(required = false) String q) {
        if (q == null) {
            return "payments/lookup";
        }
        String key = q.strip();
        if (!key.matches("[A-Za-z0-9_-]{1,200}")) {
            throw ApiException.badRequest("VALIDATION_FAILED", "주문번호 또는 paymentKey를 입력하세요 (영문, 숫자, -, _)");
        }
        if (key.matches(OrderIds.PATTERN)) {
            try {
                payments.details(key);
                return "redirect:/payments/" + key;
            } catch (DownstreamProblem e) {
                if (e.status().value() != 404) {
                    throw e;
                }
            }
        }
        LocalDate today = today();
        PaymentQuery byKey = PaymentQuery.parse(Map.of("from", List.of(today.minusDays(PaymentQuery.MAX_DAYS - 1).toString()),
                "to", List.of(today.toString()), "paymentKey", List.of(key)), today);
        List<PaymentApi.PaymentRow> found = payments.search(byKey.params(), null, 1).items();
        if (found.isEmpty()) {
            throw ApiException.notFound("PAYMENT_NOT_FOUND", "주문번호나 paymentKey가 " + key + "인 결제를 찾을 수 없습니다");
        }
        return "redirect:/payments/" + found.getFirst().orderId();
    }

    private LocalDate today() {
        return Korean.dateOf(clock.instant());
    }

}
