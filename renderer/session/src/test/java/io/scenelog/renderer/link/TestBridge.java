package io.scenelog.renderer.link;

import io.scenelog.livelink.Hello;
import io.scenelog.schemas.livelink.Direction;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.schemas.livelink.LivelinkSchemas;
import io.scenelog.schemas.renderlink.RenderLinkMessage;
import io.scenelog.schemas.renderlink.RenderLinkStreams;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** A bridge's end of a RenderLink connection, as a test drives it. */
final class TestBridge implements AutoCloseable {

    static final FrameCodec CODEC = new FrameCodec(16 << 20);

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private TestBridge(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    static TestBridge connect(int port) throws IOException {
        return new TestBridge(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    /** A bridge whose receive buffer is small, so that it falls behind quickly when it does not read. */
    static TestBridge connectSlow(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new TestBridge(socket);
    }

    static Hello hello(String token) {
        return Hello.newBuilder().setProtocolVersion(LivelinkSchemas.PROTOCOL_VERSION).setToken(token)
                .setVideoCodecs(List.of()).build();
    }

    void send(String clientId, SpecificRecord payload) throws IOException {
        sendRaw(new RenderLinkMessage(clientId, CODEC.encode(Frame.of(payload))));
    }

    void sendRaw(RenderLinkMessage message) throws IOException {
        RenderLinkStreams.write(out, message);
        out.flush();
    }

    /** The next message, or null when the renderer closed the connection. */
    RenderLinkMessage read() throws IOException {
        return RenderLinkStreams.read(in, 32 << 20);
    }

    /** The next message's Livelink frame. */
    Frame readFrame() throws IOException {
        RenderLinkMessage message = read();
        if (message == null) {
            throw new IOException("the renderer closed the connection");
        }
        return CODEC.decode(ByteBuffer.wrap(message.frame()), Direction.SERVER_TO_CLIENT);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
