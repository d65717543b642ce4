package io.scenelog.streams.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The compact JWS serialisation (RFC 7515 §7.1) for HS256: base64url without padding, dot-separated. */
final class Jws {

    /** The only algorithm Scenelog signs or accepts. */
    static final String ALGORITHM = "HS256";
    /** The {@code iss} of every Scenelog token. */
    static final String ISSUER = "scenelog";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Jws() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * @throws IllegalArgumentException when the text is not base64url
     */
    static byte[] decode(String text) {
        if (text.indexOf('=') >= 0 || text.indexOf('+') >= 0 || text.indexOf('/') >= 0) {
            // JWS uses unpadded base64url only; accepting other spellings would give one token several forms.
            throw new IllegalArgumentException("not unpadded base64url");
        }
        return DECODER.decode(text);
    }

    /** The HMAC-SHA256 of {@code header.payload} (the JWS signing input, ASCII). */
    static byte[] sign(TokenKey key, String signingInput) {
        return key.newMac().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    }
}
