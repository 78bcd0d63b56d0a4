package com.acme.shop.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The local stand-in for a Kubernetes Service in front of a service's instances: listens on the service's own port
 * and hands each new TCP connection to the next instance in turn (round robin), trying the following one when an
 * instance refuses the connection (dead, or restarting). Like kube-proxy it balances connections, not requests: a
 * kept-alive HTTP connection stays with its instance, and a connection cut by an instance's death is not retried
 * here; the client sees it fail, as it would in production.
 *
 * <p>Hand-written rather than a library: it is ~100 lines of blocking socket copying on virtual threads, and the
 * candidates (an HAProxy or nginx binary, Netty-based proxies) would add a native install or a large dependency to
 * a launcher that must run with nothing but a JDK.
 */
final class RoundRobinFront implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 1000;

    private final String name;
    private final ServerSocket server;
    private final List<Integer> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray connections;
    private volatile boolean closed;

    private RoundRobinFront(String name, ServerSocket server, List<Integer> backends) {
        this.name = name;
        this.server = server;
        this.backends = List.copyOf(backends);
        this.connections = new AtomicLongArray(backends.size());
    }

    /**
     * Listens on {@code port} (all interfaces, as the services do) and forwards to {@code 127.0.0.1:<backend>}.
     */
    static RoundRobinFront start(String name, int port, List<Integer> backends) throws IOException {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException(name + ": no instances to forward to");
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(port), 200);
        RoundRobinFront front = new RoundRobinFront(name, server, backends);
        Thread.ofPlatform().daemon().name(name + "-front").start(front::acceptLoop);
        return front;
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many connections each instance (by index) was handed so far. */
    long connections(int instance) {
        return connections.get(instance);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().name(name + "-conn").start(() -> forward(client));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println(name + " front: accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void forward(Socket client) {
        Socket backend = null;
        int first = Math.floorMod(next.getAndIncrement(), backends.size());
        for (int i = 0; i < backends.size() && backend == null; i++) {
            int candidate = (first + i) % backends.size();
            backend = connect(backends.get(candidate));
            if (backend != null) {
                connections.incrementAndGet(candidate);
            }
        }
        if (backend == null) {
            close(client); // no instance takes connections: the client sees the connection closed
            return;
        }
        try {
            client.setTcpNoDelay(true);
            backend.setTcpNoDelay(true);
            Socket up = backend;
            Thread upstream = Thread.ofVirtual().start(() -> pump(client, up));
            pump(up, client);
            upstream.join();
        } catch (IOException | InterruptedException e) {
            // one side went away; both are closed below
        } finally {
            close(client);
            close(backend);
        }
    }

    private static Socket connect(int port) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MS);
            return socket;
        } catch (IOException e) {
            close(socket);
            return null; // refused (not listening) or timed out: try the next instance
        }
    }

    /** Copies until {@code from} ends, then half-closes {@code to} so the other direction can finish. */
    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (SocketException e) {
            // reset or closed by the other direction: ends this one too
            close(from);
            close(to);
        } catch (IOException e) {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
