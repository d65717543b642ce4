package io.scenelog.streams.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared secret that signs and verifies Scenelog tokens (HMAC-SHA256). Every component that mints or checks
 * tokens (REST edge, bridge, platform-streams, the launcher) is configured with the same key, as base64.
 *
 * <p>RFC 7518 §3.2 requires an HS256 key at least as long as the hash: 32 bytes. The key never appears in
 * {@link #toString()}, so it cannot leak into logs.
 */
public final class TokenKey {

    /** The shortest key accepted, in bytes. */
    public static final int MIN_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    private TokenKey(byte[] secret) {
        if (secret.length < MIN_BYTES) {
            throw new InvalidTokenKeyException("a token key needs at least " + MIN_BYTES + " bytes of secret, got "
                    + secret.length + "; generate one with TokenKey.generate() (e.g. `openssl rand -base64 32`)");
        }
        this.secret = secret.clone();
    }

    /** A new random key of {@value #MIN_BYTES} bytes from a strong random source. */
    public static TokenKey generate() {
        byte[] secret = new byte[MIN_BYTES];
        RANDOM.nextBytes(secret);
        return new TokenKey(secret);
    }

    /**
     * Reads a key written by {@link #toBase64()} (standard base64 with padding; url-safe base64 is accepted too).
     *
     * @throws InvalidTokenKeyException when the text is not base64 or decodes to fewer than 32 bytes
     */
    public static TokenKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new InvalidTokenKeyException("the token key is missing; give 32 or more random bytes as base64");
        }
        String trimmed = base64.trim();
        boolean urlSafe = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0;
        byte[] secret;
        try {
            secret = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenKeyException("the token key is not base64: " + e.getMessage(), e);
        }
        return new TokenKey(secret);
    }

    /** The key as standard base64, for configuration files and environment variables. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(secret);
    }

    /** A fresh MAC initialised with this key ({@link Mac} is not thread-safe, so each use gets its own). */
    Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide HmacSHA256 (JCA standard names): this is a broken JDK.
            throw new IllegalStateException("This Java runtime cannot compute " + ALGORITHM, e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenKey that && MessageDigest.isEqual(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
        return "TokenKey[" + secret.length + " bytes, redacted]";
    }
}
