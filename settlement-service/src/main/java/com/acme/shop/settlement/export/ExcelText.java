package com.acme.shop.settlement.export;

/**
 * Neutralises text that a spreadsheet could read as a formula (CSV/formula injection, OWASP): text starting with
 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so it stays text when a user re-enters the
 * cell, copies it, or saves the sheet as CSV.
 */
final class ExcelText {

    private ExcelText() {
    }

    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + text;
        }
        return text;
    }
}
