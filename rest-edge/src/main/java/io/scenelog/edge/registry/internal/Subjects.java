package io.scenelog.edge.registry.internal;

/** The rules a subject name must follow to be written. */
final class Subjects {

    private Subjects() {
    }

    /**
     * Refuses subject names a log key or a URL cannot carry faithfully.
     *
     * @throws InvalidSubjectException for a blank name or one with control characters
     */
    static void requireValid(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new InvalidSubjectException(String.valueOf(subject), "a subject must not be blank.");
        }
        if (subject.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSubjectException(subject.replaceAll("\\p{Cntrl}", "?"),
                    "a subject must not contain control characters.");
        }
    }
}
