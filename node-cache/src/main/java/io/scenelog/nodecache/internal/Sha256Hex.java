package io.scenelog.nodecache.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 as the platform spells it: 64 lower-case hex digits. */
public final class Sha256Hex {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256Hex() {
    }

    /** Whether a string is a SHA-256 in the platform's spelling. */
    public static boolean isValid(String value) {
        return value != null && HEX.matcher(value).matches();
    }

    /**
     * @throws IllegalArgumentException naming the value when it is not a SHA-256
     */
    public static String require(String value) {
        if (!isValid(value)) {
            String shown = value == null ? "null" : "'" + (value.length() > 80 ? value.substring(0, 80) + "..." : value)
                    + "'";
            throw new IllegalArgumentException("Not a SHA-256 (64 lower-case hex digits): " + shown);
        }
        return value;
    }

    /** A new SHA-256 digest. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The digest's value in the platform's spelling. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
