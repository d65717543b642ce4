package io.scenelog.edge.http;

import io.scenelog.model.Role;
import java.util.Locale;
import java.util.UUID;

/**
 * The role and object checks every endpoint makes (DESIGN §9): role first (403 when too low), then the token's
 * scope: a token scoped to scene A may name nothing of scene B (403 for a scene named in the path; objects found
 * by their own id, such as a session or an asset, answer 404 so their existence does not leak).
 */
public final class Access {

    private Access() {
    }

    /** @throws ApiException FORBIDDEN when the caller's role is below {@code needed} */
    public static void requireRole(Caller caller, Role needed) {
        if (!caller.hasRole(needed)) {
            throw ApiException.forbidden("This needs the " + name(needed) + " role; the token has "
                    + name(caller.role()));
        }
    }

    /** @throws ApiException FORBIDDEN when the token is limited to another scene */
    public static void requireScene(Caller caller, UUID sceneId) {
        if (!caller.claims().allowsScene(sceneId)) {
            throw ApiException.forbidden("The token is limited to another scene");
        }
    }

    /** @throws ApiException FORBIDDEN when the token is limited to a session (REST manages, sessions act live) */
    public static void requireNoSessionScope(Caller caller) {
        if (caller.claims().session().isPresent()) {
            throw ApiException.forbidden("A session token acts inside its live session only; use a token without a"
                    + " session for this");
        }
    }

    /** @throws ApiException FORBIDDEN when the token is limited to one scene (the operation spans scenes) */
    public static void requireUnscoped(Caller caller) {
        if (caller.claims().scene().isPresent() || caller.claims().session().isPresent()) {
            throw ApiException.forbidden("This needs a token that is not limited to a scene or session");
        }
    }

    /** Whether the caller may see an object of this scene (null = a shared object every scene may use). */
    public static boolean canSee(Caller caller, UUID sceneIdOrNull) {
        return sceneIdOrNull == null || caller.claims().allowsScene(sceneIdOrNull);
    }

    /** A role as written in JSON. */
    public static String name(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
