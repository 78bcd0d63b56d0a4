package com.acme.shop.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The last lines of a (possibly large) log file, read from its end. */
final class LogTail {

    private static final int CHUNK = 64 * 1024;

    private LogTail() {
    }

    static List<String> lastLines(Path file, int count) {
        if (count <= 0 || !Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = length;
            byte[] tail = new byte[0];
            // Read backwards in chunks until the tail holds more than `count` line breaks or the file is exhausted.
            while (start > 0 && newlines(tail) <= count) {
                int size = (int) Math.min(CHUNK, start);
                start -= size;
                byte[] chunk = new byte[size];
                in.seek(start);
                in.readFully(chunk);
                byte[] joined = new byte[size + tail.length];
                System.arraycopy(chunk, 0, joined, 0, size);
                System.arraycopy(tail, 0, joined, size, tail.length);
                tail = joined;
            }
            List<String> lines = new ArrayList<>(Arrays.asList(new String(tail, StandardCharsets.UTF_8).split("\r?\n", -1)));
            if (!lines.isEmpty() && lines.getLast().isEmpty()) {
                lines.removeLast(); // the file ends with a line break
            }
            if (start > 0 && !lines.isEmpty()) {
                lines.removeFirst(); // probably cut in the middle
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }

    private static int newlines(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }
}
