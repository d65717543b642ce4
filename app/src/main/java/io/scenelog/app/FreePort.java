package io.scenelog.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A free TCP port, for a server whose address other parts must know before it starts ({@code up --bridge-port 0}:
 * the edge is told the bridge's URL first). The port is free when asked; another process could take it before the
 * server binds, which the server then reports as a start-up failure.
 */
public final class FreePort {

    private FreePort() {
    }

    /** A port free on the given interface now. */
    public static int on(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + host, e);
        }
    }
}
