package com.acme.shop.chaos.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small round-robin TCP front for several instances of one application: each new connection goes to the next
 * instance, and to the one after it when that refuses (killed, still starting). Byte-level, so HTTP keep-alive
 * keeps a client on one instance until the connection closes, as a real L4 balancer does. Written by hand because
 * it is forty lines and the run must not need anything installed.
 */
final class TcpFront implements AutoCloseable {

    private final ServerSocket server;
    private final List<Integer> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    TcpFront(int port, List<Integer> backends) throws IOException {
        this.backends = backends;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port), 512);
        threads.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        int start = Math.floorMod(next.getAndIncrement(), backends.size());
        for (int i = 0; i < backends.size(); i++) {
            int port = backends.get((start + i) % backends.size());
            Socket backend = new Socket();
            try {
                backend.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
            catch (IOException refused) {
                close(backend);
                continue;
            }
            threads.execute(() -> pipe(backend, client));
            pipe(client, backend);
            return;
        }
        close(client);
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        }
        catch (IOException ignored) {
            // one side went away: close both below
        }
        finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        }
        catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        }
        catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
