package io.scenelog.renderer.node;

import io.scenelog.renderer.session.SessionRendererSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;

/**
 * A renderer-like process for orchestration tests, which must not need Vulkan: reads the same arguments as the real
 * renderer (so they are checked), serves a TCP port, prints the READY line with its endpoint, and runs until it is
 * terminated.
 */
public final class FakeRendererMain {

    private FakeRendererMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        SessionRendererSettings settings = SessionRendererSettings.fromArguments(args);
        settings.readTokenKey();
        ServerSocket server = new ServerSocket(settings.framePort(), 16, InetAddress.getByName(settings.bindHost()));
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket ignored = server.accept()) {
                    // connections are only accepted and closed: the tests check the endpoint is served
                } catch (IOException e) {
                    return;
                }
            }
        }, "fake-renderer-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        System.out.println("fake renderer of session " + settings.sessionId() + " on node " + settings.nodeId());
        System.out.println("SCENELOG-RENDERER-READY " + settings.frameEndpoint(server.getLocalPort()));
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
