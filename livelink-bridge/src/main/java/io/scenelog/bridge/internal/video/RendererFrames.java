package io.scenelog.bridge.internal.video;

import io.scenelog.livelink.Control;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.schemas.livelink.Channel;
import io.scenelog.schemas.livelink.Direction;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.schemas.livelink.FrameException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Checks the frames a renderer sends for a client before the bridge relays them byte for byte. Only VideoFrame,
 * QueryResult and Control VideoStatus may go to a client from a renderer. Small frames are decoded in full; a
 * VideoFrame is not (its data is most of it, and the client decodes it anyway): only its first two fields are read,
 * which is all the bridge needs to drop video sensibly.
 */
final class RendererFrames {

    /** What a renderer's frame for a client is. */
    sealed interface Kind permits Video, Relayed, Refused {
    }

    /** A VideoFrame: its number and whether it is a key frame. */
    record Video(long frameNumber, boolean keyFrame) implements Kind {
    }

    /** A QueryResult or a VideoStatus, relayed as it is. */
    record Relayed(Channel channel) implements Kind {
    }

    /** A frame no client may get from a renderer, and why. */
    record Refused(String why) implements Kind {
    }

    private final FrameCodec codec;

    RendererFrames(FrameCodec codec) {
        this.codec = codec;
    }

    /** What the frame is, without copying it. */
    Kind classify(byte[] frame) {
        Optional<Channel> channel = Channel.byId(frame[0] & 0xff);
        if (channel.isEmpty()) {
            return new Refused("unknown channel " + (frame[0] & 0xff));
        }
        return switch (channel.get()) {
            case VIDEO -> videoHeader(frame);
            case QUERY_RESULT -> decodes(frame) ? new Relayed(Channel.QUERY_RESULT)
                    : new Refused("an undecodable query result");
            case CONTROL -> videoStatus(frame);
            default -> new Refused("a " + channel.get().channelName() + " frame is not the renderer's to send");
        };
    }

    private Kind videoStatus(byte[] frame) {
        try {
            Frame decoded = codec.decode(ByteBuffer.wrap(frame), Direction.SERVER_TO_CLIENT);
            if (decoded.payload(Control.class).getCommand() instanceof VideoStatus) {
                return new Relayed(Channel.CONTROL);
            }
            return new Refused("a renderer may only send VideoStatus on the control channel");
        } catch (FrameException e) {
            return new Refused("an undecodable control frame: " + e.getMessage());
        }
    }

    private boolean decodes(byte[] frame) {
        try {
            codec.decode(ByteBuffer.wrap(frame), Direction.SERVER_TO_CLIENT);
            return true;
        } catch (FrameException e) {
            return false;
        }
    }

    /** Reads VideoFrame's frameNumber (a zig-zag varint long) and keyFrame (one byte, 0 or 1). */
    static Kind videoHeader(byte[] frame) {
        long raw = 0;
        int shift = 0;
        int at = 1;
        while (true) {
            if (at >= frame.length || shift > 63) {
                return new Refused("a video frame whose frame number does not decode");
            }
            int next = frame[at++] & 0xff;
            raw |= (long) (next & 0x7f) << shift;
            shift += 7;
            if ((next & 0x80) == 0) {
                break;
            }
        }
        if (at >= frame.length || (frame[at] & 0xff) > 1) {
            return new Refused("a video frame whose key-frame flag does not decode");
        }
        long frameNumber = raw >>> 1 ^ -(raw & 1);
        return new Video(frameNumber, frame[at] == 1);
    }
}
