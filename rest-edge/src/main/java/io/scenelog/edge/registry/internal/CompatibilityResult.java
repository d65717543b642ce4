package io.scenelog.edge.registry.internal;

import java.util.List;

/**
 * Whether a schema may join a subject, with one human-readable line per incompatibility
 * (naming the incompatibility type, the field location and the version it breaks with).
 *
 * @param compatible true when no incompatibility was found
 * @param messages the incompatibilities, empty when compatible
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {

    public CompatibilityResult {
        messages = List.copyOf(messages);
    }

    /** A compatible result. */
    public static CompatibilityResult ok() {
        return new CompatibilityResult(true, List.of());
    }
}
