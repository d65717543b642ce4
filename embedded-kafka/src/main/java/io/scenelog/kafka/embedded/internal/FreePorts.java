package io.scenelog.kafka.embedded.internal;

import io.scenelog.kafka.embedded.BrokerStartException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Asks the operating system for a currently free port. Another process may take it before the
 * broker binds it, so callers retry on a bind failure.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * @param host    the interface the port will be bound on
     * @param exclude a port the result must differ from (0 for none)
     * @return a port that was free a moment ago
     */
    public static int pick(String host, int exclude) {
        for (int attempt = 0; attempt < 10; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
                int port = socket.getLocalPort();
                if (port != exclude) {
                    return port;
                }
            } catch (IOException e) {
                throw new BrokerStartException("Cannot find a free port on " + host + ": "
                        + e.getMessage() + "; check that the host is a local address", e);
            }
        }
        throw new BrokerStartException("The operating system kept returning port " + exclude
                + " on " + host + " as the only free port");
    }
}
