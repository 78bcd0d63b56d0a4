package com.acme.shop.admin.audit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log is append-only in code: no statement anywhere in admin-service (Java or SQL, migrations included)
 * updates, deletes, replaces or truncates {@code audit_log} rows, only {@link AuditLog} writes to it at all, and
 * {@link AuditLog} offers nothing but an append and reads.
 */
class AuditLogAppendOnlyTest {

    private static final Path MAIN = Path.of("src/main");
    private static final Pattern CHANGES_ROWS = Pattern.compile(
            "(?is)\\b(update\\s+(low_priority\\s+|ignore\\s+)*audit_log\\b|delete\\s+(\\w+\\s+)*from\\s+audit_log\\b"
                    + "|truncate\\s+(table\\s+)?audit_log\\b|replace\\s+(into\\s+)?audit_log\\b|drop\\s+table\\s+(if\\s+exists\\s+)?audit_log\\b"
                    + "|on\\s+duplicate\\s+key\\s+update)");
    private static final Pattern WRITES = Pattern.compile("(?is)insert\\s+(ignore\\s+)?into\\s+audit_log\\b");

    @Test
    void noCodeChangesOrRemovesAnAuditRow() {
        List<String> offenders = sources().filter(file -> {
            String text = read(file);
            return text.toLowerCase().contains("audit_log") && CHANGES_ROWS.matcher(text).find();
        }).map(Path::toString).toList();

        assertThat(offenders).as("files with UPDATE/DELETE/REPLACE/TRUNCATE/DROP of audit_log").isEmpty();
    }

    @Test
    void onlyTheAuditLogWritesRows() {
        List<String> writers = sources().filter(file -> WRITES.matcher(read(file)).find())
                .map(file -> file.getFileName().toString()).toList();

        assertThat(writers).containsExactly("AuditLog.java");
    }

    @Test
    void theAuditLogOffersAnAppendAndReadsOnly() {
        List<String> methods = Arrays.stream(AuditLog.class.getDeclaredMethods())
                .filter(m -> !m.isSynthetic() && !Modifier.isPrivate(m.getModifiers()))
                .map(Method::getName).sorted().toList();

        assertThat(methods).containsExactly("append", "find", "ofTarget");
        assertThat(Arrays.stream(AuditTrail.class.getMethods()).map(Method::getName))
                .noneMatch(name -> name.matches("(?i).*(update|delete|remove|change|edit|purge|clear).*"));
    }

    private static Stream<Path> sources() {
        try {
            return Files.walk(MAIN).filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
