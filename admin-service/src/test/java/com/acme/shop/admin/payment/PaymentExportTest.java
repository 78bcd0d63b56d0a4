package com.acme.shop.admin.payment;

import com.acme.shop.admin.downstream.PaymentApi;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentExportTest {

    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    private static final PaymentQuery QUERY = PaymentQuery.parse(Map.of("from", List.of("2026-11-01"),
            "to", List.of("2026-11-30"), "status", List.of("DONE")), LocalDate.of(2026, 11, 30));

    /** A search of {@code total} payments served {@code limit} at a time with the cursor as the next index. */
    private static PaymentExport.Pages pages(int total, List<Integer> limitsAsked) {
        return (query, cursor, limit) -> {
            limitsAsked.add(limit);
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            int to = Math.min(total, from + limit);
            List<PaymentApi.PaymentRow> rows = IntStream.range(from, to).mapToObj(i -> new PaymentApi.PaymentRow(
                    "ord_export_" + i, "DONE", i == 0 ? "=HYPERLINK(\"http://evil\")" : "토스 티셔츠", "customer-" + i,
                    1_000L * (i + 1), 1_000L * (i + 1), "카드", null, "pk_" + i, NOW.minusSeconds(i), NOW)).toList();
            return new PaymentApi.SearchPage(rows, to < total ? Integer.toString(to) : null, total, false);
        };
    }

    @Test
    void writesEveryRowOfEveryPageWithKoreanHeadersAndKstTimes() throws IOException {
        List<Integer> limits = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        PaymentExport.Written written = new PaymentExport(pages(450, limits), 100_000).write(QUERY, NOW, out);

        assertThat(written.rows()).isEqualTo(450);
        assertThat(written.truncated()).isFalse();
        assertThat(limits).containsExactly(200, 200, 200);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(451);
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("결제일시(KST)");
            assertThat(rows.getFirst().getCellText(8)).isEqualTo("결제금액");
            assertThat(rows.get(1).getCellText(2)).isEqualTo("ord_export_0");
            assertThat(rows.get(1).getCellText(3)).isEqualTo("결제 완료");
            // formula text from a customer stays text
            assertThat(rows.get(1).getCellText(4)).isEqualTo("'=HYPERLINK(\"http://evil\")");
            assertThat(rows.get(1).getCellAsNumber(8).orElseThrow().longValue()).isEqualTo(1_000);
            // 03:00 UTC is 12:00 in Seoul
            assertThat(rows.get(1).getCellAsDate(1).orElseThrow().toString()).isEqualTo("2026-11-30T12:00");
            List<Row> conditions = workbook.getSheets().toList().get(1).read();
            assertThat(conditions.getFirst().getCellText(1)).contains("2026-11-01 ~ 2026-11-30", "결제 완료");
            assertThat(conditions.get(3).getCellText(1)).isEqualTo("450건");
        }
    }

    @Test
    void stopsAtTheCapAndSaysSoInTheSheet() throws IOException {
        List<Integer> limits = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        PaymentExport.Written written = new PaymentExport(pages(1_000, limits), 250).write(QUERY, NOW, out);

        assertThat(written.rows()).isEqualTo(250);
        assertThat(written.truncated()).isTrue();
        assertThat(limits).containsExactly(200, 50);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(252);
            assertThat(rows.getLast().getCellText(0)).contains("최대 250건까지만 내려받았습니다");
            List<Row> conditions = workbook.getSheets().toList().get(1).read();
            assertThat(conditions.get(4).getCellText(1)).contains("이 파일은 잘렸습니다");
        }
    }
}
