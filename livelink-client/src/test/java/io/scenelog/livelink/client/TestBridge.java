package io.scenelog.livelink.client;

import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.HeartbeatKind;
import io.scenelog.schemas.livelink.Channel;
import io.scenelog.schemas.livelink.Direction;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small, real WebSocket server (RFC 6455 over a plain socket on 127.0.0.1, port 0) that a test scripts
 * as a Livelink bridge: it accepts connections, hands each to the test as a {@link Peer}, records the
 * frames the client sends, and sends what the test tells it, whole or in fragments. JDK only; no Livelink
 * logic of its own, so every protocol step in a test is explicit.
 */
final class TestBridge implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FrameCodec codec = new FrameCodec();
    private final ServerSocket server;
    private final BlockingQueue<Peer> accepted = new LinkedBlockingQueue<>();
    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile int upgradeStatus = 101;
    private volatile boolean answerHeartbeats;

    TestBridge() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "test-bridge-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The Livelink URL of this server for a session. */
    URI url(String session) {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/livelink?session=" + session);
    }

    /** Answers later upgrades with this HTTP status instead of 101. */
    void refuseUpgradesWith(int status) {
        upgradeStatus = status;
    }

    /**
     * Answers every Livelink PING of later frames with a PONG, as a live bridge does, so that a client's idle
     * watchdog only fires when a connection is really gone.
     */
    void answerHeartbeats() {
        answerHeartbeats = true;
    }

    /** The next connection, once its upgrade is done. */
    Peer awaitPeer() throws InterruptedException {
        Peer peer = accepted.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (peer == null) {
            throw new AssertionError("No WebSocket connection within " + WAIT);
        }
        return peer;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Peer peer : peers) {
            peer.drop();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Peer peer = new Peer(socket);
                if (peer.upgrade(upgradeStatus)) {
                    peers.add(peer);
                    peer.startReading();
                    accepted.add(peer);
                } else {
                    socket.close();
                }
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                throw new IllegalStateException("The test bridge failed to accept a connection", e);
            }
        }
    }

    /** One client connection, as the bridge sees it. */
    final class Peer {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
        private final BlockingQueue<Integer> closes = new LinkedBlockingQueue<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String requestTarget;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** The request's path and query, e.g. {@code /livelink?session=s-1}. */
        String requestTarget() {
            return requestTarget;
        }

        /** A request header, by lower-case name, or null. */
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The next frame the client sent, decoded as a bridge decodes it. */
        Frame awaitFrame() throws InterruptedException {
            return codec.decode(ByteBuffer.wrap(awaitMessage()), Direction.CLIENT_TO_SERVER);
        }

        /** The next frame on {@code channel}, skipping others (e.g. heartbeats). */
        <T extends org.apache.avro.specific.SpecificRecord> T awaitPayload(Channel channel, Class<T> type)
                throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                Frame frame = awaitFrame();
                if (frame.channel() == channel) {
                    return frame.payload(type);
                }
            }
            throw new AssertionError("No " + channel.channelName() + " frame within " + WAIT);
        }

        /** The next binary message the client sent, as bytes. */
        byte[] awaitMessage() throws InterruptedException {
            byte[] message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("The client sent no message within " + WAIT);
            }
            return message;
        }

        /** The status of the close frame the client sent. */
        int awaitClose() throws InterruptedException {
            Integer status = closes.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (status == null) {
                throw new AssertionError("The client sent no close frame within " + WAIT);
            }
            return status;
        }

        /** Sends a frame in one message. */
        void send(Frame frame) throws IOException {
            writeFrame(true, 0x2, codec.encode(frame));
        }

        /** Sends the payload record's frame in one message. */
        void send(org.apache.avro.specific.SpecificRecord payload) throws IOException {
            send(Frame.of(payload));
        }

        /** Sends a frame as one message in fragments of at most {@code partBytes}. */
        void sendFragmented(org.apache.avro.specific.SpecificRecord payload, int partBytes) throws IOException {
            byte[] bytes = codec.encode(Frame.of(payload));
            int offset = 0;
            boolean first = true;
            while (offset < bytes.length) {
                int length = Math.min(partBytes, bytes.length - offset);
                byte[] part = java.util.Arrays.copyOfRange(bytes, offset, offset + length);
                offset += length;
                writeFrame(offset == bytes.length, first ? 0x2 : 0x0, part);
                first = false;
            }
        }

        /** Sends raw bytes as one binary message. */
        void sendRaw(byte[] bytes) throws IOException {
            writeFrame(true, 0x2, bytes);
        }

        /** Sends a close frame with {@code status}. */
        void sendClose(int status) throws IOException {
            writeFrame(true, 0x8, new byte[] {(byte) (status >> 8), (byte) status});
        }

        /** Drops the TCP connection without a close frame. */
        void drop() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot close a test socket", e);
            }
        }

        private boolean upgrade(int status) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int previous = -1;
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (previous == '\r' && b == '\n') {
                    line.setLength(line.length() - 1);
                    if (line.length() == 0) {
                        break;
                    }
                    lines.add(line.toString());
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
                previous = b;
            }
            requestTarget = lines.get(0).split(" ")[1];
            for (String header : lines.subList(1, lines.size())) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1)
                        .trim());
            }
            if (status != 101) {
                out.write(("HTTP/1.1 " + status + " Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return false;
            }
            String accept = accept(headers.get("sec-websocket-key"));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return true;
        }

        private void startReading() {
            Thread reader = new Thread(this::readLoop, "test-bridge-peer");
            reader.setDaemon(true);
            reader.start();
        }

        private void readLoop() {
            DataInputStream data = new DataInputStream(in);
            ByteArrayOutputStream fragments = new ByteArrayOutputStream();
            try {
                while (true) {
                    int first = data.readUnsignedByte();
                    int second = data.readUnsignedByte();
                    boolean fin = (first & 0x80) != 0;
                    int opcode = first & 0x0f;
                    long length = second & 0x7f;
                    if (length == 126) {
                        length = data.readUnsignedShort();
                    } else if (length == 127) {
                        length = data.readLong();
                    }
                    byte[] mask = new byte[4];
                    if ((second & 0x80) != 0) {
                        data.readFully(mask);
                    }
                    byte[] payload = new byte[(int) length];
                    data.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    switch (opcode) {
                        case 0x0, 0x2 -> {
                            fragments.write(payload);
                            if (fin) {
                                byte[] message = fragments.toByteArray();
                                fragments.reset();
                                answerHeartbeat(message);
                                messages.add(message);
                            }
                        }
                        case 0x8 -> {
                            closes.add(payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005);
                            writeFrame(true, 0x8, payload.length >= 2 ? new byte[] {payload[0], payload[1]}
                                    : new byte[0]);
                            drop();
                            return;
                        }
                        case 0x9 -> writeFrame(true, 0xA, payload);
                        default -> {
                            // Text and pong frames mean nothing to a Livelink bridge.
                        }
                    }
                }
            } catch (IOException e) {
                // The connection ended (the client closed or dropped it, or the test dropped it).
                drop();
            }
        }

        private void answerHeartbeat(byte[] message) throws IOException {
            if (answerHeartbeats && message.length > 0 && (message[0] & 0xff) == Channel.HEARTBEAT.id()) {
                Heartbeat ping = codec.decode(ByteBuffer.wrap(message), Direction.CLIENT_TO_SERVER)
                        .payload(Heartbeat.class);
                if (ping.getKind() == HeartbeatKind.PING) {
                    send(new Heartbeat(HeartbeatKind.PONG, ping.getSequence(), ping.getPingSentMicros(),
                            ping.getSentAt(), null));
                }
            }
        }

        private synchronized void writeFrame(boolean fin, int opcode, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
            frame.write((fin ? 0x80 : 0) | opcode);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else if (payload.length < 65536) {
                frame.write(126);
                frame.write(payload.length >> 8);
                frame.write(payload.length);
            } else {
                frame.write(127);
                frame.write(ByteBuffer.allocate(8).putLong(payload.length).array());
            }
            frame.write(payload);
            out.write(frame.toByteArray());
            out.flush();
        }
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
