package com.acme.shop.chaos.check;

import java.util.List;

/**
 * One line of the checker's output: a subject (an orderId, {@code product:<id>} or {@code outbox:<service>}),
 * its kind (the first finding's, or match) and every finding's reason.
 */
public record Row(String subject, Kind kind, List<Finding> findings, String note) {

    public record Finding(Kind kind, String rule, String reason) {
    }

    public String format() {
        StringBuilder line = new StringBuilder(kind.label()).append('|').append(subject);
        for (Finding f : findings) {
            line.append('|').append(f.rule()).append(": ").append(f.reason());
        }
        if (note != null && findings.isEmpty()) {
            line.append('|').append(note);
        }
        return line.toString();
    }
}
