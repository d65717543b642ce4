package io.scenelog.edge.registry.internal;

/**
 * A version as a request names it: a positive number, or the latest version ({@code latest} or
 * {@code -1}, which Confluent clients use interchangeably).
 *
 * @param number the version number, or {@code -1} for the latest
 */
public record VersionRef(int number) {

    private static final int LATEST_NUMBER = -1;

    /** The latest version of a subject. */
    public static final VersionRef LATEST = new VersionRef(LATEST_NUMBER);

    public VersionRef {
        if (number != LATEST_NUMBER && number < 1) {
            throw new InvalidVersionException(Integer.toString(number));
        }
    }

    /**
     * Parses a path segment.
     *
     * @throws InvalidVersionException unless it is {@code latest}, {@code -1} or in [1, 2^31-1]
     */
    public static VersionRef parse(String text) {
        if ("latest".equalsIgnoreCase(text)) {
            return LATEST;
        }
        try {
            return new VersionRef(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new InvalidVersionException(text);
        }
    }

    /** Whether this names the latest version rather than a number. */
    public boolean isLatest() {
        return number == LATEST_NUMBER;
    }

    @Override
    public String toString() {
        return isLatest() ? "latest" : Integer.toString(number);
    }
}
