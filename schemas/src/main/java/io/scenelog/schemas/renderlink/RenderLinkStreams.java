package io.scenelog.schemas.renderlink;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes {@link RenderLinkMessage}s on a byte stream (a TCP connection to {@code tcp://host:port}).
 *
 * <p>Layout of one message, all integers big-endian: a 4-byte length N of what follows (at most the reader's limit),
 * a 2-byte length C of the client id, C bytes of UTF-8 client id, then N - 2 - C bytes of Livelink frame. The layout
 * is pinned by golden-bytes tests.
 */
public final class RenderLinkStreams {

    /** The default bound on one message: a 4K key frame fits many times over. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 << 20;

    private RenderLinkStreams() {
    }

    /** Writes one message; the caller flushes (so that several can go out in one write). */
    public static void write(OutputStream out, RenderLinkMessage message) throws IOException {
        byte[] client = message.clientId().getBytes(StandardCharsets.UTF_8);
        DataOutputStream data = out instanceof DataOutputStream d ? d : new DataOutputStream(out);
        data.writeInt(2 + client.length + message.frame().length);
        data.writeShort(client.length);
        data.write(client);
        data.write(message.frame());
    }

    /**
     * Reads one message, blocking.
     *
     * @return the message, or null at a clean end of the stream (before a message's first byte)
     * @throws RenderLinkFormatException when the message is malformed or longer than {@code maxMessageBytes}
     * @throws EOFException              when the stream ends inside a message
     */
    public static RenderLinkMessage read(InputStream in, int maxMessageBytes) throws IOException {
        DataInputStream data = in instanceof DataInputStream d ? d : new DataInputStream(in);
        int first = data.read();
        if (first < 0) {
            return null;
        }
        int length = first << 24 | data.readUnsignedByte() << 16 | data.readUnsignedByte() << 8
                | data.readUnsignedByte();
        if (length < 3 || length > maxMessageBytes) {
            throw new RenderLinkFormatException("a RenderLink message of " + Integer.toUnsignedString(length)
                    + " bytes is outside 3.." + maxMessageBytes);
        }
        int clientLength = data.readUnsignedShort();
        if (clientLength > length - 3) {
            throw new RenderLinkFormatException("a client id of " + clientLength + " bytes does not fit a message of "
                    + length + " bytes with a frame");
        }
        byte[] client = data.readNBytes(clientLength);
        byte[] frame = new byte[length - 2 - clientLength];
        data.readFully(frame);
        if (client.length != clientLength) {
            throw new EOFException("the stream ended inside a client id");
        }
        return new RenderLinkMessage(new String(client, StandardCharsets.UTF_8), frame);
    }
}
