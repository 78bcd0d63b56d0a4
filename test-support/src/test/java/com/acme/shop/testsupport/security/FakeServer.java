package com.acme.shop.testsupport.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A socket server for the kit's own tests: records each request exactly as received and answers with a handler. */
final class FakeServer implements AutoCloseable {

    /** A request as it arrived: the request line, lower-cased header names, the body (de-chunked). */
    record Received(String requestLine, Map<String, String> headers, byte[] body) {
    }

    private final ServerSocket server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    FakeServer(Function<Received, String> handler) throws IOException {
        server = new ServerSocket(0);
        acceptor = Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    Received request = read(socket.getInputStream());
                    received.add(request);
                    socket.getOutputStream().write(handler.apply(request).getBytes(StandardCharsets.UTF_8));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** A complete HTTP answer with the given status, content type and body. */
    static String answer(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n" + body;
    }

    static String problem(int status, String code) {
        return answer(status, "application/problem+json",
                "{\"title\":\"x\",\"status\":" + status + ",\"detail\":\"x\",\"code\":\"" + code + "\"}");
    }

    private static Received read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the head");
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.UTF_8).split("\r\n");
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equals(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                int length = Integer.parseInt(size, 16);
                if (length == 0) {
                    line(in);
                    break;
                }
                out.write(in.readNBytes(length));
                line(in);
            }
            body = out.toByteArray();
        } else {
            body = new byte[0];
        }
        return new Received(lines[0], headers, body);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
