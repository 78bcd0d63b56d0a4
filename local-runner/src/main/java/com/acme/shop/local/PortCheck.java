package com.acme.shop.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Collectors;

/** Finds out, before anything starts, whether a port the local system needs is already taken. */
final class PortCheck {

    /**
     * @param port     the port
     * @param owner    what will listen on it
     * @param variable the environment variable that moves it, or null when it is fixed
     */
    record Wanted(int port, String owner, String variable) {
    }

    private PortCheck() {
    }

    /**
     * True when nothing listens on the port. Binds the wildcard address, as the services do: that fails whether
     * the other listener is on 0.0.0.0 or only on 127.0.0.1.
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // a port in TIME_WAIT from a previous run is not "taken"
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static List<Wanted> taken(List<Wanted> wanted) {
        return wanted.stream().filter(w -> !isFree(w.port())).toList();
    }

    /** What to tell the user; names every taken port, who needed it and what to do. */
    static String message(List<Wanted> taken) {
        String lines = taken.stream().map(w -> "  port " + w.port() + " (" + w.owner() + ")"
                        + (w.variable() != null ? "  - or move it: " + w.variable() + "=<port> ./run.sh" : ""))
                .collect(Collectors.joining("\n"));
        String first = String.valueOf(taken.getFirst().port());
        return "Cannot start: " + (taken.size() == 1 ? "a port is" : taken.size() + " ports are") + " already in use.\n"
                + lines + "\n"
                + "Is another ./run.sh still running? Stop it (Ctrl-C in its terminal). "
                + "To see who holds a port: ss -ltnp 'sport = :" + first + "'  (or: lsof -i :" + first + ")";
    }
}
