package io.scenelog.bridge.internal.connection;

import io.scenelog.bridge.internal.feed.EventEntry;
import io.scenelog.bridge.internal.presence.PresenceEntities;
import io.scenelog.bridge.internal.presence.PresenceView;
import io.scenelog.bridge.internal.session.Membership;
import io.scenelog.livelink.Presence;
import io.scenelog.livelink.PresenceKind;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.EntityState;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.SceneAction;
import io.scenelog.streams.auth.TokenClaims;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's side of presence: the frames its client hears (through a {@link PresenceView}), and the
 * client's own presence entity, created at the Welcome and deleted when the connection ends, with transient actions
 * whose results are the bridge's, not the client's. Its connection calls the frame methods under its own lock.
 */
final class ConnectionPresence {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPresence.class);
    private static final Duration CLEANUP_TOKEN_TTL = Duration.ofMinutes(1);

    private final ConnectionServices services;
    private final PresenceView view = new PresenceView();
    private final Set<UUID> ownActions = ConcurrentHashMap.newKeySet();
    /** Guarded by the connection's lock, like the view. */
    private long version;

    ConnectionPresence(ConnectionServices services) {
        this.services = services;
    }

    /**
     * What a session event means for presence.
     *
     * @param frames       the frames for the client
     * @param selfRemoved  whether the client's own entity was deleted (by another bridge cleaning up an older
     *                     connection of this client): it must be created again, and the client hears nothing of it
     */
    record Changes(List<Presence> frames, boolean selfRemoved) {
    }

    /** The PRESENT frames at the Welcome: the client first, then everyone the session's overlay shows. */
    List<Presence> present(Identity who, List<EntityState> overlay) {
        version++;
        return view.present(who.sessionId(), who.clientId(), who.displayName(),
                new PresenceView.Member(who.role(), who.headless()), overlay, clientId -> member(who, clientId),
                services.clock().instant());
    }

    /** The presence frames a transient event of the client's session causes. */
    Changes changes(Identity who, EventEntry entry) {
        version++;
        List<Presence> frames = new ArrayList<>();
        boolean selfRemoved = false;
        for (Presence change : view.onEvent(entry.event(services.codec()), clientId -> member(who, clientId),
                services.clock().instant())) {
            if (change.getKind() == PresenceKind.LEFT && change.getClientId().equals(who.clientId())) {
                selfRemoved = true;
            } else {
                frames.add(change);
            }
        }
        return new Changes(frames, selfRemoved);
    }

    /** LEFT frames for the clients the session no longer lists. */
    List<Presence> leftSince(Identity who, Set<String> members) {
        return view.onMembers(members, who.clientId(), services.clock().instant());
    }

    /**
     * Counts the calls that may have told the client of someone (the Welcome's PRESENT frames, session events): the
     * sweeper reconciles against the member list again only when it or the list changed.
     */
    long version() {
        return version;
    }

    /** Creates the client's presence entity (an existing one, from an earlier connection, is kept). */
    void create(Identity who) {
        SceneAction create = PresenceEntities.create(who.presence(), who.token(),
                who.displayName().isEmpty() ? who.clientId() : who.displayName(), who.headless(),
                services.clock().instant());
        ownActions.add(create.getActionId());
        services.relay().send(create, failure -> LOG.warn("Cannot create the presence of client {} in session {}:"
                + " {}", who.clientId(), who.sessionId(), failure.toString()));
    }

    /**
     * Deletes the client's presence entity, with its own token while it is valid, else with a short token the bridge
     * mints for the client (a clean-up must not fail because the client's token ran out).
     */
    void delete(Identity who) {
        String token = who.token();
        if (!services.verifier().verify(token).isValid()) {
            token = services.issuer().issue(new TokenClaims(who.clientId(), who.role(), Optional.of(who.sceneId()),
                    Optional.of(who.sessionId())), CLEANUP_TOKEN_TTL);
        }
        SceneAction delete = PresenceEntities.delete(who.presence(), token, services.clock().instant());
        services.relay().send(delete, failure -> LOG.warn("Cannot remove the presence of client {} from session {}:"
                + " {}", who.clientId(), who.sessionId(), failure.toString()));
    }

    /**
     * Takes the result of one of the bridge's own presence actions.
     *
     * @return false when the result answers an action of the client, which the client gets
     */
    boolean takeResult(ActionResult result) {
        if (!ownActions.remove(result.getActionId())) {
            return false;
        }
        if (result.getStatus() == ActionStatus.REJECTED && result.getReason() != ReasonCode.ENTITY_EXISTS
                && result.getReason() != ReasonCode.UNKNOWN_ENTITY) {
            LOG.warn("The presence action {} of client {} in session {} was rejected: {} {}", result.getActionId(),
                    result.getClientId(), result.getSessionId(), result.getReason(), result.getMessage());
        }
        return true;
    }

    private Optional<PresenceView.Member> member(Identity who, String clientId) {
        Membership membership = services.sessions().membership(who.sessionId(), clientId);
        return membership.joined() ? Optional.of(new PresenceView.Member(membership.role(), membership.headless()))
                : Optional.empty();
    }
}
