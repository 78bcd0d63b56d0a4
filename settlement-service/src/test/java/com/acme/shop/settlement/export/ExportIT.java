package com.acme.shop.settlement.export;

import com.acme.shop.contracts.EventEnvelope;
import com.acme.shop.contracts.LineItem;
import com.acme.shop.contracts.payment.PaymentApproved;
import com.acme.shop.settlement.ledger.AbstractIntegrationTest;
import com.acme.shop.testsupport.Http;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static com.acme.shop.settlement.ledger.PaymentEventFixtures.approved;
import static com.acme.shop.settlement.ledger.PaymentEventFixtures.canceled;
import static org.assertj.core.api.Assertions.assertThat;

/** The finance workbook, downloaded and read back. July 2025 belongs to this test. */
class ExportIT extends AbstractIntegrationTest {

    private static final String FROM = "2025-07-01";
    private static final String TO = "2025-07-31";

    @Test
    void exportsSummaryDetailAndMismatchSheetsThatAddUpToTheLedger() throws Exception {
        String card = "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String easyPay = "ex-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String transfer = "ex-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String hostileProvider = "=HYPERLINK(\"http://evil.example\",\"pay\")";
        publish(approved(card, "카드", 10_000, Instant.parse("2025-07-01T01:00:00Z")));
        publish(canceled(card, "카드", 10_000, 4_000, 6_000, Instant.parse("2025-07-02T01:00:00Z")));
        publish(EventEnvelope.of(new PaymentApproved(easyPay, "tpk_" + easyPay, "customer-1", "export", "간편결제",
                hostileProvider, 5_000, "KRW", "SALE" + easyPay.toUpperCase(), Instant.parse("2025-07-01T02:00:00Z"),
                List.of(new LineItem("MUG", "머그", 1, 5_000))), Instant.parse("2025-07-01T02:00:01Z")));
        publish(approved(transfer, "계좌이체", 20_000, Instant.parse("2025-07-03T03:00:00Z")));
        awaitSettlement(card, 2, view -> { });
        awaitSettlement(easyPay, 1, view -> { });
        awaitSettlement(transfer, 1, view -> { });
        // Nothing was sold at the sandbox on 1 July: both sales of that day are missing at Toss.
        assertThat(post("/api/v1/settlements/reconciliations?date=2025-07-01")).isEqualTo(200);

        HttpResponse<byte[]> response = download("?from=" + FROM + "&to=" + TO);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).isEqualTo(
                "attachment; filename=\"settlement_20250701-20250731.xlsx\"; "
                        + "filename*=UTF-8''%EC%A0%95%EC%82%B0_20250701-20250731.xlsx");
        byte[] file = response.body();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file),
                new ReadingOptions(true, false))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("요약", "거래내역", "대사불일치");

            List<Row> detail = sheets.get(1).read();
            assertThat(texts(detail.get(0))).containsExactlyElementsOf(SettlementExport.DETAIL_HEADERS);
            assertThat(detail).hasSize(1 + 4);
            JsonNode daily = get("/api/v1/settlements/daily?from=" + FROM + "&to=" + TO).body();
            long[] ledger = new long[4];
            daily.forEach(day -> {
                ledger[0] += day.get("gross").asLong() - day.get("canceled").asLong();
                ledger[1] += day.get("fee").asLong();
                ledger[2] += day.get("vat").asLong();
                ledger[3] += day.get("net").asLong();
            });
            long[] sheet = new long[4];
            Map<String, Row> byOrder = new HashMap<>();
            for (Row row : detail.subList(1, detail.size())) {
                for (int i = 0; i < 4; i++) {
                    Cell amount = row.getCell(8 + i);
                    assertThat(amount.getDataFormatString()).isEqualTo("#,##0");
                    sheet[i] += amount.asNumber().longValueExact();
                }
                assertThat(row.getCell(0).getDataFormatString()).isEqualTo("yyyy-mm-dd");
                assertThat(row.getCell(12).getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
                row.stream().filter(java.util.Objects::nonNull)
                        .forEach(cell -> assertThat(cell.getFormula()).as("no formulas").isNull());
                byOrder.putIfAbsent(row.getCellText(3), row);
            }
            assertThat(sheet).as("detail totals = ledger totals").containsExactly(ledger);
            assertThat(ledger[0]).isEqualTo(31_000);

            Row cardSale = byOrder.get("'" + card);
            assertThat(cardSale).as("order id starting with '-' is neutralised").isNotNull();
            assertThat(cardSale.getCell(0).asDate()).isEqualTo(LocalDateTime.parse("2025-07-01T00:00"));
            assertThat(cardSale.getCellText(2)).isEqualTo("승인");
            assertThat(cardSale.getCell(12).asDate()).as("Korean time").isEqualTo("2025-07-01T10:00");
            Row easyPaySale = byOrder.get(easyPay);
            assertThat(easyPaySale.getCellText(7)).isEqualTo("'" + hostileProvider);

            List<Row> summary = sheets.get(0).read();
            assertThat(texts(summary.get(0))).containsExactlyElementsOf(SettlementExport.SUMMARY_HEADERS);
            assertThat(summary).hasSize(1 + daily.size() + 1);
            Row total = summary.get(summary.size() - 1);
            assertThat(total.getCellText(0)).isEqualTo("합계");
            assertThat(total.getCell(2).asNumber().longValue()).as("transactions").isEqualTo(4);
            assertThat(total.getCell(7).asNumber().longValue()).isEqualTo(ledger[3]);
            assertThat(total.getCell(7).getDataFormatString()).isEqualTo("#,##0");
            assertThat(summary.get(1).getCell(0).getDataFormatString()).isEqualTo("yyyy-mm-dd");

            List<Row> mismatches = sheets.get(2).read();
            assertThat(texts(mismatches.get(0))).containsExactlyElementsOf(SettlementExport.MISMATCH_HEADERS);
            assertThat(mismatches).hasSize(1 + 2);
            assertThat(mismatches.subList(1, 3)).allSatisfy(row -> {
                assertThat(row.getCellText(1)).isEqualTo("토스 누락");
                assertThat(row.getCellText(2)).isEqualTo("미해결");
                assertThat(row.getCell(6).getDataFormatString()).isEqualTo("#,##0");
            });
        }
        Map<String, String> xml = sheetXml(file);
        for (String sheetXml : xml.values()) {
            assertThat(sheetXml).contains("state=\"frozen\"").contains("<autoFilter ref=\"A1:");
        }
        assertThat(xml.get("xl/worksheets/sheet2.xml")).contains("width=\"28");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"?from=2025-07-31&to=2025-07-01", "?from=2024-01-01&to=2025-01-01",
            "?from=2025-07-01", "?from=2025-7-1&to=2025-07-31", "?from=20250701&to=20250731", ""})
    void rejectsBadRangesWithAProblemBeforeSendingAnything(String query) throws Exception {
        HttpResponse<byte[]> response = download(query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"code\":\"INVALID_DATE_RANGE\"");
    }

    private HttpResponse<byte[]> download(String query) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/settlements/export.xlsx" + query)).timeout(Duration.ofSeconds(60)).GET();
        Http.AS_SERVICE.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private int post(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.noBody());
        Http.AS_SERVICE.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<String> texts(Row row) {
        return row.stream().filter(java.util.Objects::nonNull).map(Cell::getText).toList();
    }

    private static Map<String, String> sheetXml(byte[] file) throws IOException {
        Map<String, String> sheets = new HashMap<>();
        java.nio.file.Path copy = java.nio.file.Files.createTempFile("export", ".xlsx");
        try {
            java.nio.file.Files.write(copy, file);
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    if (entry.getName().startsWith("xl/worksheets/sheet")) {
                        try (var in = zip.getInputStream(entry)) {
                            sheets.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(copy);
        }
        return sheets;
    }
}
