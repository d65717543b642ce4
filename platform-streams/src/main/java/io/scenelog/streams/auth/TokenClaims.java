package io.scenelog.streams.auth;

import io.scenelog.model.Role;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a token says about its bearer: who it is ({@code sub}), what it may do ({@code role}) and, optionally,
 * the one scene and the one session it is limited to. A token scoped to scene A authorises nothing on scene B; a
 * token scoped to a session authorises nothing outside it.
 *
 * @param subject the principal: the client id that must appear in the bearer's actions
 * @param role    viewer, editor or admin
 * @param scene   the only scene the token is good for, or empty for every scene
 * @param session the only session the token is good for, or empty for every session (and for writes without one)
 */
public record TokenClaims(String subject, Role role, Optional<UUID> scene, Optional<UUID> session) {

    /** The longest subject accepted; client ids are short names or UUIDs. */
    public static final int MAX_SUBJECT_LENGTH = 256;

    /**
     * @throws IllegalArgumentException when the subject is blank or too long
     */
    public TokenClaims {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(session, "session");
        if (subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException("A token subject must be a non-blank client id of at most "
                    + MAX_SUBJECT_LENGTH + " characters, got '" + subject + "'");
        }
    }

    /** Claims for a subject and role, good for every scene and session. */
    public static TokenClaims of(String subject, Role role) {
        return new TokenClaims(subject, role, Optional.empty(), Optional.empty());
    }

    /** The same claims limited to one scene. */
    public TokenClaims forScene(UUID sceneId) {
        return new TokenClaims(subject, role, Optional.of(sceneId), session);
    }

    /** The same claims limited to one session. */
    public TokenClaims forSession(UUID sessionId) {
        return new TokenClaims(subject, role, scene, Optional.of(sessionId));
    }

    /** Whether the token may act on this scene. */
    public boolean allowsScene(UUID sceneId) {
        return scene.isEmpty() || scene.get().equals(sceneId);
    }

    /** Whether the token may act in this session; {@code null} stands for "no session" (a write without one). */
    public boolean allowsSession(UUID sessionId) {
        return session.isEmpty() || session.get().equals(sessionId);
    }
}
