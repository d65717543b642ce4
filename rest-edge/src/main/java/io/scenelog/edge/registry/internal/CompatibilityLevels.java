package io.scenelog.edge.registry.internal;

import io.scenelog.schemas.compat.CompatibilityLevel;
import java.util.Locale;

/** The registry's use of the shared {@link CompatibilityLevel}: its default and the parsing clients expect. */
public final class CompatibilityLevels {

    /** The level of a registry nobody configured, as in Confluent's registry. */
    public static final CompatibilityLevel DEFAULT = CompatibilityLevel.BACKWARD;

    private CompatibilityLevels() {
    }

    /**
     * Parses a level as clients send it (case-insensitive, as Confluent accepts it).
     *
     * @throws InvalidCompatibilityLevelException for anything else, including null or blank (error 42203)
     */
    public static CompatibilityLevel parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCompatibilityLevelException(String.valueOf(text));
        }
        try {
            return CompatibilityLevel.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCompatibilityLevelException(text);
        }
    }
}
