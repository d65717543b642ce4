package io.scenelog.streams.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenKeyTest {

    @Test
    void shouldRoundTripAGeneratedKeyThroughBase64() {
        // given
        TokenKey key = TokenKey.generate();

        // when
        TokenKey read = TokenKey.fromBase64(key.toBase64());

        // then
        assertThat(read).isEqualTo(key);
        assertThat(Base64.getDecoder().decode(key.toBase64())).hasSize(TokenKey.MIN_BYTES);
    }

    @Test
    void shouldGenerateDifferentKeys() {
        assertThat(TokenKey.generate()).isNotEqualTo(TokenKey.generate());
    }

    @Test
    void shouldRefuseAKeyShorterThan32Bytes() {
        // given
        String short31 = Base64.getEncoder().encodeToString(new byte[31]);

        // then
        assertThatThrownBy(() -> TokenKey.fromBase64(short31))
                .isInstanceOf(InvalidTokenKeyException.class)
                .hasMessageContaining("at least 32 bytes")
                .hasMessageContaining("got 31");
    }

    @Test
    void shouldRefuseTextThatIsNotBase64() {
        assertThatThrownBy(() -> TokenKey.fromBase64("not base64 at all!"))
                .isInstanceOf(InvalidTokenKeyException.class)
                .hasMessageContaining("not base64");
    }

    @Test
    void shouldRefuseAMissingKey() {
        assertThatThrownBy(() -> TokenKey.fromBase64(" "))
                .isInstanceOf(InvalidTokenKeyException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void shouldNeverPrintTheSecret() {
        // given
        TokenKey key = TokenKey.generate();

        // then
        assertThat(key.toString()).doesNotContain(key.toBase64()).contains("redacted");
    }
}
