package io.scenelog.edge.registry.internal;

import java.util.Locale;

/**
 * The compatibility levels of the Confluent Schema Registry. A level says in which direction a
 * new schema must be able to exchange data with earlier ones, and whether with the latest version
 * only or with every version ({@code _TRANSITIVE}).
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** The level of a registry nobody configured. */
    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** The new schema, as reader, must decode data written with earlier schemas. */
    public boolean newReadsOld() {
        return newReadsOld;
    }

    /** Earlier schemas, as readers, must decode data written with the new schema. */
    public boolean oldReadsNew() {
        return oldReadsNew;
    }

    /** Checked against every live version rather than the latest only. */
    public boolean transitive() {
        return transitive;
    }

    /**
     * Parses a level as clients send it (case-insensitive, as Confluent accepts it).
     *
     * @throws InvalidCompatibilityLevelException for anything else, including null or blank
     */
    public static CompatibilityLevel parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCompatibilityLevelException(String.valueOf(text));
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCompatibilityLevelException(text);
        }
    }
}
