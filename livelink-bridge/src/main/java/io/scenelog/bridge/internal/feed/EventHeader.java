package io.scenelog.bridge.internal.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The routing fields of a committed event, read straight from its Avro bytes without decoding the changes: the
 * first fields of {@code SceneEvent}'s layout are sceneId, version, actionId, emitter (clientId, role, sessionId),
 * persisted and committedAt, in that order. Fan-out needs no more, so most events are never decoded.
 *
 * @param sceneId          the scene
 * @param version          the scene version the event creates
 * @param emitterClientId  the client that caused it
 * @param emitterSessionId the session it came from, or null
 * @param persisted        whether every session sees it (false: only the emitter's session)
 * @param committedAt      when the pipeline committed it
 */
public record EventHeader(UUID sceneId, long version, String emitterClientId, UUID emitterSessionId,
        boolean persisted, Instant committedAt) {

    /**
     * Reads the header of the Avro-encoded {@code SceneEvent} that starts at {@code offset} of {@code bytes} (1 for
     * an event frame, after its channel byte).
     *
     * @throws MalformedEventException when the bytes end early or hold no valid header
     */
    public static EventHeader read(byte[] bytes, int offset) {
        Reader reader = new Reader(bytes, offset);
        UUID sceneId = reader.uuid();
        long version = reader.varLong();
        reader.skipString();
        String clientId = reader.string();
        reader.varLong();
        long sessionBranch = reader.varLong();
        UUID sessionId = switch ((int) sessionBranch) {
            case 0 -> null;
            case 1 -> reader.uuid();
            default -> throw new MalformedEventException("the emitter's sessionId has union branch "
                    + sessionBranch);
        };
        boolean persisted = reader.bool();
        Instant committedAt = Instant.ofEpochMilli(reader.varLong());
        return new EventHeader(sceneId, version, clientId, sessionId, persisted, committedAt);
    }

    /** Whether a client of {@code sessionId} may see the event: persisted ones, and its session's transient ones. */
    public boolean visibleTo(UUID sessionId) {
        return persisted || (emitterSessionId != null && emitterSessionId.equals(sessionId));
    }

    /** A cursor over Avro binary data that trusts no length. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        long varLong() {
            long raw = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= bytes.length) {
                    throw new MalformedEventException("the event ends inside a number");
                }
                int b = bytes[position++] & 0xff;
                raw |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return (raw >>> 1) ^ -(raw & 1);
                }
            }
            throw new MalformedEventException("a number of the event is longer than 10 bytes");
        }

        String string() {
            int length = length();
            String text = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }

        void skipString() {
            int length = length();
            position += length;
        }

        UUID uuid() {
            String text = string();
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new MalformedEventException("'" + text + "' is not a UUID");
            }
        }

        boolean bool() {
            if (position >= bytes.length) {
                throw new MalformedEventException("the event ends before its persisted flag");
            }
            return bytes[position++] != 0;
        }

        private int length() {
            long length = varLong();
            if (length < 0 || length > bytes.length - position) {
                throw new MalformedEventException("a string of " + length + " bytes does not fit in the "
                        + (bytes.length - position) + " bytes left");
            }
            return (int) length;
        }
    }
}
