package com.acme.shop.payment.confirm;

import com.acme.shop.infra.FreePorts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP forwarder in front of the Toss sandbox that can be switched off: while down nothing listens on
 * its port, so clients get "connection refused", exactly like a Toss outage seen from our side.
 */
final class ToggleableProxy implements AutoCloseable {

    private final int port = FreePorts.pick();
    private final int targetPort;
    private volatile ServerSocket server;

    ToggleableProxy(int targetPort) {
        this.targetPort = targetPort;
        up();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            server = socket;
            Thread.ofPlatform().daemon(true).name("proxy-accept").start(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void down() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            server = null;
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return; // closed by down()
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon(true).name("proxy-pump").start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the other side closed
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
    }

    @Override
    public void close() {
        down();
    }
}
