package com.acme.shop.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void lastLinesOfALongLog() throws Exception {
        Path log = write(IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).toList());

        assertThat(LogTail.lastLines(log, 30)).hasSize(30).startsWith("line 71").endsWith("line 100");
    }

    @Test
    void aShortLogIsShownWhole() throws Exception {
        Path log = write(List.of("Starting", "APPLICATION FAILED TO START", "Port 8081 was already in use."));

        assertThat(LogTail.lastLines(log, 30))
                .containsExactly("Starting", "APPLICATION FAILED TO START", "Port 8081 was already in use.");
    }

    @Test
    void aLogMuchLargerThanOneReadChunk() throws Exception {
        String padding = "x".repeat(500);
        Path log = write(IntStream.rangeClosed(1, 2000).mapToObj(i -> i + " " + padding).toList());

        List<String> tail = LogTail.lastLines(log, 30);

        assertThat(tail).hasSize(30);
        assertThat(tail.getFirst()).startsWith("1971 ");
        assertThat(tail.getLast()).startsWith("2000 ");
    }

    @Test
    void aLastLineWithoutLineBreakAndUtf8() throws Exception {
        Path log = dir.resolve("a.log");
        Files.writeString(log, "one\r\ntwo\n결제 승인 실패");

        assertThat(LogTail.lastLines(log, 2)).containsExactly("two", "결제 승인 실패");
    }

    @Test
    void aMissingOrEmptyLogHasNoLines() throws Exception {
        assertThat(LogTail.lastLines(dir.resolve("missing.log"), 30)).isEmpty();
        assertThat(LogTail.lastLines(Files.createFile(dir.resolve("empty.log")), 30)).isEmpty();
    }

    private Path write(List<String> lines) throws Exception {
        return Files.write(dir.resolve("app.log"), lines);
    }
}
