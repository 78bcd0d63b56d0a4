package com.acme.shop.testsupport.security;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client over a plain {@link Socket} that sends the request target exactly as written: no normalisation
 * of {@code ..} or {@code //}, no re-encoding of {@code %69} or {@code ;}. {@code java.net.http.HttpClient} and
 * {@code RestClient} build a {@link URI} first, which may resolve or re-encode a path, so a bypass spelling could be
 * "fixed" before it ever reaches the server and the test would prove nothing. Every answer carries the request line
 * as it was written to the socket ({@link Response#requestLine()}), so a test can show what went over the wire.
 *
 * <p>One request per connection ({@code Connection: close}); the answer is read to the end of the stream, chunked
 * bodies are decoded. Bodies are sent with {@code Content-Length} or, with {@link Request#chunked()}, chunked (no
 * declared length: a size limit must then be enforced while reading).
 */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String host;
    private final int port;
    private final Duration readTimeout;

    public RawHttp(String host, int port, Duration readTimeout) {
        this.host = host;
        this.port = port;
        this.readTimeout = readTimeout;
    }

    /** A client for {@code http://host:port} (any path of the URL is ignored); answers must come within 30 s. */
    public static RawHttp to(String baseUrl) {
        URI uri = URI.create(baseUrl);
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("plain http only: " + baseUrl);
        }
        return new RawHttp(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), Duration.ofSeconds(30));
    }

    /**
     * A request; {@code target} is sent verbatim (path and query, percent-encoded as intended). Characters beyond
     * ASCII are sent as raw UTF-8 bytes, as curl sends a URL typed with them.
     */
    public record Request(String method, String target, Map<String, String> headers, byte[] body, boolean chunked) {

        public Request {
            if (target.isEmpty() || target.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
                throw new IllegalArgumentException("the request target must not contain spaces or control characters "
                        + "(percent-encode them): " + target);
            }
            headers = Map.copyOf(headers);
        }

        public static Request of(String method, String target) {
            return new Request(method, target, Map.of(), null, false);
        }

        /** A JSON body sent with {@code Content-Type: application/json} and its {@code Content-Length}. */
        public static Request json(String method, String target, String json) {
            return new Request(method, target, Map.of("Content-Type", "application/json"),
                    json == null ? null : json.getBytes(StandardCharsets.UTF_8), false);
        }

        public Request withHeaders(Map<String, String> more) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putAll(more);
            return new Request(method, target, all, body, chunked);
        }

        public Request withTarget(String newTarget) {
            return new Request(method, newTarget, headers, body, chunked);
        }

        /** The same body sent chunked, without a declared length. */
        public Request asChunked() {
            return new Request(method, target, headers, body, true);
        }

        public String requestLine() {
            return method + " " + target + " HTTP/1.1";
        }
    }

    /** An answer, and the request line that produced it exactly as it was written to the socket. */
    public record Response(String requestLine, int status, Map<String, List<String>> headers, String body) {

        /** The first value of a header (names are matched case-insensitively), or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        public String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }

        public boolean isProblem() {
            return contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }

        /** The body as JSON, or null when it is empty or not JSON. */
        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return null;
            }
            try {
                return JSON.readTree(body);
            } catch (RuntimeException notJson) {
                return null;
            }
        }

        /** The problem's stable {@code code}, or null. */
        public String code() {
            JsonNode json = json();
            JsonNode code = json == null ? null : json.get("code");
            return code == null || !code.isString() ? null : code.asString();
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return requestLine + " -> " + status + " " + contentType() + " " + shown;
        }
    }

    public Response send(Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout((int) readTimeout.toMillis());
            String requestLine = request.requestLine();
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head(request, requestLine));
                writeBody(out, request);
                out.flush();
            } catch (IOException refusedWhileSending) {
                // the server may answer (413) and close before the whole body was sent: read what it answered
            }
            return read(requestLine, socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP " + request.requestLine() + " to " + host + ":" + port + " failed", e);
        }
    }

    private byte[] head(Request request, String requestLine) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        head.append("Connection: close\r\n");
        request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (request.body() != null) {
            head.append(request.chunked() ? "Transfer-Encoding: chunked" : "Content-Length: " + request.body().length)
                    .append("\r\n");
        } else if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeBody(OutputStream out, Request request) throws IOException {
        byte[] body = request.body();
        if (body == null) {
            return;
        }
        if (!request.chunked()) {
            out.write(body);
            return;
        }
        for (int offset = 0; offset < body.length; offset += 8192) {
            int length = Math.min(8192, body.length - offset);
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Response read(String requestLine, InputStream in) throws IOException {
        byte[] raw = in.readAllBytes();
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IOException("no complete HTTP answer to " + requestLine + ": "
                    + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        if (encoding.stream().anyMatch(e -> e.equalsIgnoreCase("chunked"))) {
            body = dechunk(body);
        }
        return new Response(requestLine, Integer.parseInt(status[1]), headers,
                new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(length, chunked.length - start));
            at = start + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, pattern, 0);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
