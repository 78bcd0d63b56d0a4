package com.acme.shop.admin.payment;

import com.acme.shop.admin.downstream.PaymentApi;
import com.acme.shop.admin.Korean;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The payment search's Excel download: every row of the search, read from payment-service page by page (200 at a
 * time, the same keyset paging as the screen) and written with fastexcel, up to {@link #MAX_ROWS} rows. A search with
 * more says so on the sheet: in the last row and on the 조건 sheet. Text that a spreadsheet would read as a formula
 * ({@code = + - @}) gets a leading apostrophe (customer ids and order names come from customers).
 */
class PaymentExport {

    /** The most rows one download holds; narrow the search for more (docs/console.md). */
    static final int MAX_ROWS = 100_000;
    static final int PAGE = 200;
    private static final String KRW = "#,##0\"원\"";
    private static final String DATE_TIME = "yyyy-mm-dd hh:mm:ss";
    private static final List<String> HEADERS = List.of("결제일시(KST)", "승인일시(KST)", "주문번호", "상태", "주문명", "고객 ID",
            "결제수단", "간편결제사", "결제금액", "잔액", "paymentKey");
    private static final double[] WIDTHS = {20, 20, 40, 12, 30, 20, 10, 12, 14, 14, 40};

    /** One page of the search: payment-service's, or a test's. */
    interface Pages {
        PaymentApi.SearchPage page(PaymentQuery query, String cursor, int limit);
    }

    private final Pages pages;
    private final int maxRows;

    PaymentExport(Pages pages, int maxRows) {
        this.pages = pages;
        this.maxRows = maxRows;
    }

    /** What was written. */
    record Written(long rows, long total, boolean totalCapped, boolean truncated) {
    }

    Written write(PaymentQuery query, Instant now, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "admin-service", "1.0");
        Worksheet sheet = workbook.newWorksheet("결제내역");
        for (int c = 0; c < HEADERS.size(); c++) {
            sheet.value(0, c, HEADERS.get(c));
            sheet.width(c, WIDTHS[c]);
        }
        sheet.range(0, 0, 0, HEADERS.size() - 1).style().bold().fillColor("DDEBF7").set();
        sheet.freezePane(0, 1);
        int row = 1;
        String cursor = null;
        long total = 0;
        boolean totalCapped = false;
        boolean more = true;
        while (more && row - 1 < maxRows) {
            PaymentApi.SearchPage page = pages.page(query, cursor, Math.min(PAGE, maxRows - (row - 1)));
            if (cursor == null) {
                total = page.total();
                totalCapped = page.totalCapped();
            }
            for (PaymentApi.PaymentRow p : page.items()) {
                if (row - 1 >= maxRows) {
                    break;
                }
                time(sheet, row, 0, p.createdAt());
                time(sheet, row, 1, p.approvedAt());
                sheet.value(row, 2, p.orderId());
                sheet.value(row, 3, PaymentQuery.statusLabel(p.status()));
                sheet.value(row, 4, neutralise(p.orderName()));
                sheet.value(row, 5, neutralise(p.customerId()));
                sheet.value(row, 6, p.method());
                sheet.value(row, 7, p.easyPayProvider());
                sheet.value(row, 8, p.amount());
                sheet.style(row, 8).format(KRW).set();
                sheet.value(row, 9, p.balanceAmount());
                sheet.style(row, 9).format(KRW).set();
                sheet.inlineString(row, 10, p.paymentKey());
                row++;
            }
            cursor = page.nextCursor();
            more = cursor != null && !page.items().isEmpty();
            if (row % 10_000 < PAGE) {
                sheet.flush();
            }
        }
        long written = row - 1L;
        boolean truncated = more && written >= maxRows;
        if (truncated) {
            sheet.value(row, 0, "최대 " + String.format("%,d", maxRows) + "건까지만 내려받았습니다. 검색 조건을 좁혀 다시 받으세요.");
            sheet.style(row, 0).bold().fontColor("C0262D").set();
        }
        Worksheet conditions = workbook.newWorksheet("조건");
        conditions.width(0, 16);
        conditions.width(1, 90);
        String[][] lines = {
                {"검색 조건", query.describe()},
                {"내려받은 시각", Korean.kst(now) + " (KST)"},
                {"검색 결과", (totalCapped ? String.format("%,d건 이상", total) : String.format("%,d건", total))},
                {"내려받은 행", String.format("%,d건", written)},
                {"최대 행 수", String.format("%,d건 (더 많으면 잘립니다%s)", maxRows, truncated ? ": 이 파일은 잘렸습니다" : "")}};
        for (int r = 0; r < lines.length; r++) {
            conditions.value(r, 0, lines[r][0]);
            conditions.style(r, 0).bold().set();
            conditions.value(r, 1, neutralise(lines[r][1]));
        }
        workbook.finish();
        return new Written(written, total, totalCapped, truncated);
    }

    private static void time(Worksheet sheet, int row, int column, Instant instant) {
        if (instant != null) {
            sheet.value(row, column, LocalDateTime.ofInstant(instant, Korean.KST));
            sheet.style(row, column).format(DATE_TIME).set();
        }
    }

    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
