package com.acme.shop.admin.finance;

import com.acme.shop.admin.downstream.Section;
import com.acme.shop.admin.downstream.SettlementApi;
import com.acme.shop.admin.Korean;
import com.acme.shop.admin.audit.AuditAction;
import com.acme.shop.admin.audit.AuditTrail;
import com.acme.shop.admin.page.ConsolePage;
import com.acme.shop.admin.downstream.PaymentApi;
import com.acme.shop.platform.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 정산 대시보드: daily and monthly gross, refunds, fees, VAT and net (Chart.js, from settlement-service's totals),
 * approval rates by method and by Toss error code and the refund rate (payment-service), upcoming payouts, open
 * reconciliation mismatches (resolve with a note or ignore with a reason), and the settlement export run as a job with a
 * progress bar. Everyone signed in reads it; the actions are finance staff's (the doors decide).
 */
@Controller
class FinanceController implements ConsolePage {

    static final int MAX_DAYS = 366;

    private final SettlementApi settlement;
    private final PaymentApi payments;
    private final AuditTrail audit;
    private final Clock clock;

    FinanceController(SettlementApi settlement, PaymentApi payments, AuditTrail audit, Clock clock) {
        this.settlement = settlement;
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/finance")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     Model model) {
        LocalDate today = Korean.dateOf(clock.instant());
        LocalDate end = date(to, today);
        LocalDate start = date(from, end.minusDays(29));
        range(start, end);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("stats", Section.of(() -> payments.stats(start, end)));
        model.addAttribute("payouts", Section.of(() -> settlement.upcomingPayouts(today, today.plusDays(30))));
        model.addAttribute("mismatches", Section.of(() -> settlement.mismatches(today.minusDays(MAX_DAYS - 1), today, "OPEN")));
        model.addAttribute("totals", Section.of(() -> totals(settlement.daily(start, end))));
        return "finance";
    }

    /** The charts' data: daily totals over the range and monthly totals over the last months up to its end. */
    @GetMapping("/finance/charts")
    @ResponseBody
    Map<String, Object> charts(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate today = Korean.dateOf(clock.instant());
        LocalDate end = date(to, today);
        LocalDate start = date(from, end.minusDays(29));
        range(start, end);
        Map<String, Object> charts = new LinkedHashMap<>();
        Map<String, long[]> daily = new TreeMap<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            daily.put(d.toString(), new long[5]);
        }
        for (SettlementApi.Daily d : settlement.daily(start, end)) {
            add(daily.computeIfAbsent(d.date().toString(), k -> new long[5]), d.gross(), d.canceled(), d.fee(), d.vat(), d.net());
        }
        YearMonth lastMonth = YearMonth.from(end);
        YearMonth firstMonth = lastMonth.minusMonths(11);
        Map<String, long[]> monthly = new TreeMap<>();
        for (YearMonth m = firstMonth; !m.isAfter(lastMonth); m = m.plusMonths(1)) {
            monthly.put(m.toString(), new long[5]);
        }
        for (SettlementApi.Monthly m : settlement.monthly(firstMonth.toString(), lastMonth.toString())) {
            add(monthly.computeIfAbsent(m.month(), k -> new long[5]), m.gross(), m.canceled(), m.fee(), m.vat(), m.net());
        }
        charts.put("daily", series(daily));
        charts.put("monthly", series(monthly));
        return charts;
    }

    private static void add(long[] sums, long gross, long canceled, long fee, long vat, long net) {
        sums[0] += gross;
        sums[1] += canceled;
        sums[2] += fee;
        sums[3] += vat;
        sums[4] += net;
    }

    private static Map<String, Object> series(Map<String, long[]> byLabel) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("labels", List.copyOf(byLabel.keySet()));
        String[] names = {"gross", "refunds", "fees", "vat", "net"};
        for (int i = 0; i < names.length; i++) {
            int index = i;
            series.put(names[i], byLabel.values().stream().map(v -> v[index]).toList());
        }
        return series;
    }

    /** The range's totals over all methods: 결제금액, 취소금액, 수수료, 부가세, 정산금액, 건수. */
    static Map<String, Long> totals(List<SettlementApi.Daily> days) {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("gross", days.stream().mapToLong(SettlementApi.Daily::gross).sum());
        totals.put("canceled", days.stream().mapToLong(SettlementApi.Daily::canceled).sum());
        totals.put("fee", days.stream().mapToLong(SettlementApi.Daily::fee).sum());
        totals.put("vat", days.stream().mapToLong(SettlementApi.Daily::vat).sum());
        totals.put("net", days.stream().mapToLong(SettlementApi.Daily::net).sum());
        totals.put("count", days.stream().mapToLong(SettlementApi.Daily::count).sum());
        return totals;
    }

    @PostMapping("/finance/mismatches/{id}/resolve")
    String resolve(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model) {
        long mismatch = id(id);
        String note = text(form.getFirst("note"), "해소 메모");
        model.addAttribute("mismatch", audit.run(AuditAction.MISMATCH_RESOLVE, Long.toString(mismatch), note, null,
                () -> settlement.resolve(mismatch, note), m -> m));
        return "finance :: mismatch-done";
    }

    @PostMapping("/finance/mismatches/{id}/ignore")
    String ignore(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model) {
        long mismatch = id(id);
        String reason = text(form.getFirst("reason"), "무시 사유");
        model.addAttribute("mismatch", audit.run(AuditAction.MISMATCH_IGNORE, Long.toString(mismatch), reason, null,
                () -> settlement.ignore(mismatch, reason), m -> m));
        return "finance :: mismatch-done";
    }

    /** Starts the settlement export for any range; the fragment polls its progress. */
    @PostMapping("/finance/exports")
    String startExport(@RequestParam MultiValueMap<String, String> form, Model model) {
        String fromText = form.getFirst("from");
        String toText = form.getFirst("to");
        SettlementApi.ExportJob job = audit.run(AuditAction.SETTLEMENT_EXPORT,
                String.valueOf(fromText) + "~" + String.valueOf(toText), "정산 엑셀 내보내기", null, () -> {
                    LocalDate start = required(fromText, "시작일");
                    LocalDate end = required(toText, "종료일");
                    range(start, end);
                    return settlement.startExport(start, end);
                }, j -> j);
        model.addAttribute("job", job);
        return "finance :: export-progress";
    }

    @GetMapping("/finance/exports/{id}")
    String exportProgress(@PathVariable String id, Model model) {
        model.addAttribute("job", settlement.export(jobId(id)));
        return "finance :: export-progress";
    }

    @GetMapping("/finance/exports/{id}/file")
    void exportFile(@PathVariable String id, HttpServletResponse response) throws IOException {
        String job = jobId(id);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("정산_" + job + ".xlsx", StandardCharsets.UTF_8).build().toString());
        settlement.exportFile(job, response.getOutputStream());
    }

    /**
     * The settlement workbook straight from settlement-service's export, streamed as it is built: for a range small
     * enough to wait for, and what finance has while the export job is not offered.
     */
    @GetMapping("/finance/export.xlsx")
    void exportNow(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   HttpServletResponse response) {
        audit.run(AuditAction.SETTLEMENT_EXPORT, String.valueOf(from) + "~" + String.valueOf(to), "정산 엑셀 바로 받기",
                null, () -> {
                    LocalDate start = required(from, "시작일");
                    LocalDate end = required(to, "종료일");
                    range(start, end);
                    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                    response.setHeader("Content-Disposition", ContentDisposition.attachment()
                            .filename("정산_" + start.toString().replace("-", "") + "-" + end.toString().replace("-", "")
                                    + ".xlsx", StandardCharsets.UTF_8).build().toString());
                    try {
                        settlement.exportWorkbook(start, end, response.getOutputStream());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return Boolean.TRUE;
                }, done -> Map.of("from", String.valueOf(from), "to", String.valueOf(to)));
    }

    private static String jobId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw ApiException.badRequest("VALIDATION_FAILED", "내보내기 작업 번호가 올바르지 않습니다");
        }
        return id;
    }

    private static long id(String id) {
        if (id == null || !id.matches("\\d{1,18}") || Long.parseLong(id) < 1) {
            throw ApiException.badRequest("VALIDATION_FAILED", "대사 불일치 번호가 올바르지 않습니다");
        }
        return Long.parseLong(id);
    }

    private static String text(String value, String label) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("VALIDATION_FAILED", label + "를 입력하세요");
        }
        String text = value.strip();
        if (text.length() > 500 || text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw ApiException.badRequest("VALIDATION_FAILED", label + "는 500자 이하입니다");
        }
        return text;
    }

    private static LocalDate required(String value, String label) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("VALIDATION_FAILED", label + "을 입력하세요 (yyyy-MM-dd)");
        }
        return date(value, null);
    }

    static LocalDate date(String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 2000 || date.getYear() > 2999) {
                throw new DateTimeParseException("out of range", value, 0);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_DATE_RANGE", "날짜는 yyyy-MM-dd 형식입니다: "
                    + (value.length() > 20 ? value.substring(0, 20) + "…" : value));
        }
    }

    static void range(LocalDate from, LocalDate to) {
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ApiException.badRequest("INVALID_DATE_RANGE", "기간은 시작일 ≤ 종료일, 최대 " + MAX_DAYS + "일입니다");
        }
    }
}
