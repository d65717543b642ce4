package io.scenelog.edge.assets.internal;

import java.util.Locale;

/** Byte counts and user-supplied names as messages show them to people. */
public final class Sizes {

    private static final long KIB = 1024;
    private static final int MAX_NAME = 80;

    private Sizes() {
    }

    /** "64 MiB", "1.5 KiB", "17 bytes". */
    public static String human(long bytes) {
        if (bytes < KIB) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= KIB && unit < units.length - 1) {
            value /= KIB;
            unit++;
        }
        String number = value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + units[unit];
    }

    /** A file name fit to quote in a message: no control characters, not longer than a line. */
    public static String quoteName(String name) {
        if (name == null || name.isBlank()) {
            return "The upload";
        }
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_NAME).forEach(clean::appendCodePoint);
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            clean.append('…');
        }
        return "'" + clean + "'";
    }
}
