package io.scenelog.renderer.scene.internal;

import java.util.Optional;
import java.util.regex.Pattern;
import org.joml.Vector3f;

/**
 * Reads a scene's {@code skyColor} setting: CSS hex {@code #RRGGBB} (or {@code #RGB}) in sRGB, as a person picks it
 * (the REST API's example is {@code #87ceeb}), converted to the linear RGB the renderer draws in.
 */
public final class SkyColors {

    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");

    private SkyColors() {
    }

    /** The linear colour of a setting, or empty when it is not a hex colour. */
    public static Optional<Vector3f> parse(String text) {
        if (text == null || !HEX.matcher(text.trim()).matches()) {
            return Optional.empty();
        }
        String hex = text.trim().substring(1);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        int rgb = Integer.parseInt(hex, 16);
        return Optional.of(new Vector3f(linear(rgb >> 16 & 0xff), linear(rgb >> 8 & 0xff), linear(rgb & 0xff)));
    }

    /** The sRGB transfer function undone (IEC 61966-2-1). */
    private static float linear(int channel) {
        double c = channel / 255.0;
        return (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    }
}
