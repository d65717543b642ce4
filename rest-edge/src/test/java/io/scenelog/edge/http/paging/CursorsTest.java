package io.scenelog.edge.http.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorsTest {

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "5e2b1f9a-0c44-4c1b-8f3e-7d9a6b2c1e00", "Große Halle/😀", "with spaces & ?="})
    void shouldRoundTripAKey(String key) {
        // when
        String cursor = Cursors.encode(key);

        // then
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.decode(cursor)).isEqualTo(key);
    }

    @Test
    void shouldRoundTripTheLongestKey() {
        String key = "k".repeat(Cursors.MAX_KEY_BYTES);
        assertThat(Cursors.decode(Cursors.encode(key))).isEqualTo(key);
    }

    @Test
    void shouldRefuseToEncodeAKeyThatIsTooLong() {
        assertThatThrownBy(() -> Cursors.encode("é".repeat(Cursors.MAX_KEY_BYTES / 2 + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldDetectEveryChangedCharacterOrDecodeTheSameKey() {
        // given
        String key = "5e2b1f9a-0c44-4c1b-8f3e-7d9a6b2c1e00";
        String cursor = Cursors.encode(key);

        for (int i = 0; i < cursor.length(); i++) {
            for (char replacement : BASE64URL.toCharArray()) {
                if (replacement == cursor.charAt(i)) {
                    continue;
                }
                String tampered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
                // then: the unused low bits of the last character may change without changing the bytes
                try {
                    assertThat(Cursors.decode(tampered)).isEqualTo(key);
                } catch (PagingException expected) {
                    assertThat(expected.field()).isEqualTo("cursor");
                }
            }
        }
    }

    @Test
    void shouldRejectATruncatedCursor() {
        String cursor = Cursors.encode("scene-0042");
        assertThatThrownBy(() -> Cursors.decode(cursor.substring(0, cursor.length() - 3)))
                .isInstanceOf(PagingException.class)
                .hasMessage("cursor is garbled; pass the nextCursor of the previous page unchanged, or leave cursor "
                        + "out to start from the first page");
    }

    @Test
    void shouldRejectCharactersOutsideUrlSafeBase64() {
        assertThatThrownBy(() -> Cursors.decode("abc+/def")).isInstanceOf(PagingException.class)
                .hasMessageStartingWith("cursor is garbled");
    }

    @Test
    void shouldRejectAPayloadTooShortToHoldAChecksum() {
        assertThatThrownBy(() -> Cursors.decode("AAAA")).isInstanceOf(PagingException.class)
                .hasMessageStartingWith("cursor is too short");
    }

    @Test
    void shouldRejectAnAbsurdlyLongCursorBeforeDecodingIt() {
        assertThatThrownBy(() -> Cursors.decode("A".repeat(100_000))).isInstanceOf(PagingException.class)
                .hasMessageStartingWith("cursor is too long");
    }

    @Test
    void shouldRejectACursorOfAnotherFormatVersion() {
        assertThatThrownBy(() -> Cursors.decode(cursorOf((byte) 2, "key".getBytes())))
                .isInstanceOf(PagingException.class)
                .hasMessageStartingWith("cursor comes from another version of the server");
    }

    @Test
    void shouldRejectAKeyThatIsNotUtf8EvenWithAValidChecksum() {
        assertThatThrownBy(() -> Cursors.decode(cursorOf((byte) 1, new byte[] {(byte) 0xC3, (byte) 0x28})))
                .isInstanceOf(PagingException.class)
                .hasMessageStartingWith("cursor is garbled");
    }

    /** A cursor built by hand, with a correct checksum, to reach the checks behind it. */
    private static String cursorOf(byte version, byte[] key) {
        ByteBuffer payload = ByteBuffer.allocate(1 + key.length + 4).put(version).put(key);
        CRC32C crc = new CRC32C();
        crc.update(payload.array(), 0, 1 + key.length);
        payload.putInt((int) crc.getValue());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
    }
}
