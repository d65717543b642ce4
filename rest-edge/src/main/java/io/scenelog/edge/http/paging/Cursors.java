package io.scenelog.edge.http.paging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32C;

/**
 * Paging cursors: opaque to clients, so the sort order and key can change without breaking them, and checked, so
 * that a cursor cut short in a copy and paste is refused instead of silently starting somewhere else.
 *
 * <p>A cursor is the URL-safe base64 (no padding) of {@code version (1 byte) | key (UTF-8) | CRC32C (4 bytes, over
 * the version and key)}. It only says where a listing resumes; it grants nothing, since every page is filtered by
 * the caller's rights anyway, so it needs no signature. A client that forges one can at most skip items it could
 * list. A new layout gets a new version byte; old cursors then fail with a clear message rather than mislead.
 */
public final class Cursors {

    /** The longest sort key a cursor carries, in UTF-8 bytes: room for a 200-character name and an id. */
    public static final int MAX_KEY_BYTES = 1024;

    private static final byte VERSION = 1;
    private static final int CHECKSUM_BYTES = 4;
    /** Base64 of the largest payload; longer input is refused before decoding. */
    private static final int MAX_CURSOR_LENGTH = (1 + MAX_KEY_BYTES + CHECKSUM_BYTES + 2) / 3 * 4;
    private static final String FIELD = "cursor";

    private Cursors() {
    }

    /**
     * The cursor that resumes a listing after the item with this sort key.
     *
     * @throws IllegalArgumentException if the key is longer than {@link #MAX_KEY_BYTES}: a bug in the listing
     */
    public static String encode(String key) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        if (keyBytes.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("A cursor key of " + keyBytes.length + " bytes is longer than "
                    + MAX_KEY_BYTES);
        }
        ByteBuffer payload = ByteBuffer.allocate(1 + keyBytes.length + CHECKSUM_BYTES);
        payload.put(VERSION).put(keyBytes);
        payload.putInt(checksum(payload.array(), 1 + keyBytes.length));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
    }

    /**
     * The sort key a cursor from {@link #encode} holds.
     *
     * @throws PagingException with field {@code cursor} if it is not a cursor this server made
     */
    public static String decode(String cursor) {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw invalid("is too long");
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            throw invalid("is garbled");
        }
        if (payload.length < 1 + CHECKSUM_BYTES) {
            throw invalid("is too short");
        }
        int keyEnd = payload.length - CHECKSUM_BYTES;
        if (ByteBuffer.wrap(payload, keyEnd, CHECKSUM_BYTES).getInt() != checksum(payload, keyEnd)) {
            throw invalid("is garbled");
        }
        if (payload[0] != VERSION) {
            throw invalid("comes from another version of the server");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload, 1, keyEnd - 1))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw invalid("is garbled");
        }
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static PagingException invalid(String problem) {
        return new PagingException(FIELD, FIELD + " " + problem + "; pass the nextCursor of the previous page "
                + "unchanged, or leave cursor out to start from the first page");
    }
}
