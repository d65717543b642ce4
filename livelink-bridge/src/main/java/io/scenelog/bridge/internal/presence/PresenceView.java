package io.scenelog.bridge.internal.presence;

import io.scenelog.livelink.CameraPose;
import io.scenelog.livelink.Presence;
import io.scenelog.livelink.PresenceKind;
import io.scenelog.model.Components;
import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.model.Role;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.Transform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who one connection has been told is in its session, so that it hears of each client once: PRESENT at the
 * Welcome, then JOINED, CAMERA and LEFT as the session's presence entities change (from the commit log) or clients
 * leave the session (from the sessions view). Not thread-safe: its connection calls it under its own lock.
 */
public final class PresenceView {

    private final Map<String, Known> byClient = new HashMap<>();
    private String self;
    private final Map<UUID, String> byEntity = new HashMap<>();

    /** What the session's member list says about a client: role and video, or empty when it is not in it. */
    @FunctionalInterface
    public interface Members {
        /** The client's role and whether it is headless, if it is in the session. */
        Optional<Member> find(String clientId);
    }

    /**
     * A member of the session.
     *
     * @param role     its role
     * @param headless whether it has no video
     */
    public record Member(Role role, boolean headless) {
    }

    /**
     * The PRESENT frames for the session's presence entities, and the receiver itself first (its own entity may not
     * exist yet: the bridge creates it right after the Welcome).
     */
    public List<Presence> present(UUID sessionId, String self, String selfName, Member selfMember,
            List<EntityState> overlay, Members members, Instant now) {
        List<Presence> frames = new ArrayList<>();
        this.self = self;
        remember(self, PresenceEntities.entityId(sessionId, self), displayName(self, selfName), selfMember,
                selfMember.headless() ? null : PresenceEntities.defaultTransform(),
                PresenceEntities.DEFAULT_FOV_DEGREES);
        for (EntityState entity : overlay) {
            Optional<String> client = PresenceEntities.clientOf(entity.getComponents())
                    .filter(named -> entity.getEntityId().equals(PresenceEntities.entityId(sessionId, named)));
            if (client.isEmpty()) {
                continue;
            }
            Optional<Member> member = client.get().equals(self) ? Optional.of(selfMember) : members.find(
                    client.get());
            if (member.isEmpty()) {
                continue;
            }
            Components components = entity.getComponents();
            remember(client.get(), entity.getEntityId(), displayName(client.get(), components.getName()),
                    member.get(), components.getTransform(), fov(components));
        }
        Known own = byClient.get(self);
        frames.add(frame(PresenceKind.PRESENT, self, own, now));
        for (Map.Entry<String, Known> entry : byClient.entrySet()) {
            if (!entry.getKey().equals(self)) {
                frames.add(frame(PresenceKind.PRESENT, entry.getKey(), entry.getValue(), now));
            }
        }
        return frames;
    }

    /** The JOINED, CAMERA and LEFT frames a transient event of the session causes. */
    public List<Presence> onEvent(SceneEvent event, Members members, Instant now) {
        List<Presence> frames = new ArrayList<>();
        for (EntityChange change : event.getChanges()) {
            if (change.getKind() == EntityChangeKind.CREATED) {
                Optional<String> client = presenceCreatedBy(event, change);
                Optional<Member> member = client.flatMap(members::find);
                if (member.isPresent() && !byClient.containsKey(client.get())) {
                    Components components = change.getComponents();
                    Known known = remember(client.get(), change.getEntityId(),
                            displayName(client.get(), components.getName()), member.get(),
                            components.getTransform(), fov(components));
                    frames.add(frame(PresenceKind.JOINED, client.get(), known, now));
                } else if (member.isPresent()) {
                    // PRESENT already told of it (the snapshot was newer than the event): learn the camera only.
                    Known known = byClient.get(client.get()).moved(change.getEntityId(),
                            change.getComponents().getTransform(), fov(change.getComponents()));
                    byClient.put(client.get(), known);
                    byEntity.put(change.getEntityId(), client.get());
                }
            } else if (change.getKind() == EntityChangeKind.DELETED) {
                String client = byEntity.get(change.getEntityId());
                if (client != null) {
                    frames.add(left(client, now));
                }
            } else if (change.getKind() == EntityChangeKind.UPDATED) {
                String client = byEntity.get(change.getEntityId());
                Components components = change.getComponents();
                if (client != null && (components.getTransform() != null || components.getCamera() != null)) {
                    Known known = byClient.get(client).moved(change.getEntityId(), components.getTransform(),
                            fov(components));
                    byClient.put(client, known);
                    if (!known.member().headless()) {
                        frames.add(frame(PresenceKind.CAMERA, client, known, now));
                    }
                }
            }
        }
        return frames;
    }

    /**
     * The client whose presence entity {@code change} creates, if it is one: tagged as a client's presence, with the
     * id the bridge derives for that client in the event's session, and created by that client's own action (the
     * bridge signs it with the client's token). Any member may create overlay entities with any tags; without these
     * checks one could announce another member's arrival, or take over its camera and announce its departure.
     */
    private static Optional<String> presenceCreatedBy(SceneEvent event, EntityChange change) {
        UUID sessionId = event.getEmitter().getSessionId();
        String emitter = event.getEmitter().getClientId();
        return PresenceEntities.clientOf(change.getComponents())
                .filter(client -> client.equals(emitter) && sessionId != null
                        && change.getEntityId().equals(PresenceEntities.entityId(sessionId, client)));
    }

    /** LEFT frames for the clients known present that are no longer in the session's member list. */
    public List<Presence> onMembers(Set<String> members, String self, Instant now) {
        List<Presence> frames = new ArrayList<>();
        for (Iterator<String> it = new ArrayList<>(byClient.keySet()).iterator(); it.hasNext(); ) {
            String client = it.next();
            if (!client.equals(self) && !members.contains(client)) {
                frames.add(left(client, now));
            }
        }
        return frames;
    }

    /** Whether the connection has been told the client is present. */
    public boolean knows(String clientId) {
        return byClient.containsKey(clientId);
    }

    /**
     * A LEFT frame, forgetting the client; the receiver itself stays known (its connection is alive, and the bridge
     * creates its entity again: the frame only tells the connection so).
     */
    private Presence left(String client, Instant now) {
        Known known = client.equals(self) ? byClient.get(client) : byClient.remove(client);
        if (!client.equals(self)) {
            byEntity.values().removeIf(client::equals);
        }
        return Presence.newBuilder().setKind(PresenceKind.LEFT).setClientId(client)
                .setDisplayName(known.displayName()).setRole(known.member().role())
                .setHeadless(known.member().headless()).setCamera(null).setAt(now).build();
    }

    private Known remember(String client, UUID entityId, String displayName, Member member, Transform transform,
            Float fov) {
        Known known = new Known(entityId, displayName, member, transform, fov);
        byClient.put(client, known);
        byEntity.put(entityId, client);
        return known;
    }

    private static Presence frame(PresenceKind kind, String client, Known known, Instant now) {
        CameraPose camera = null;
        if (!known.member().headless() && known.transform() != null) {
            camera = new CameraPose(known.entityId(), known.transform(),
                    known.fov() == null ? PresenceEntities.DEFAULT_FOV_DEGREES : known.fov());
        }
        return Presence.newBuilder().setKind(kind).setClientId(client).setDisplayName(known.displayName())
                .setRole(known.member().role()).setHeadless(known.member().headless()).setCamera(camera).setAt(now)
                .build();
    }

    private static String displayName(String client, String name) {
        return name == null || name.equals(client) ? "" : name;
    }

    private static Float fov(Components components) {
        return components.getCamera() == null ? null : components.getCamera().getFovDegrees();
    }

    /** What the connection knows of a present client. */
    private record Known(UUID entityId, String displayName, Member member, Transform transform, Float fov) {
        Known moved(UUID entity, Transform newTransform, Float newFov) {
            return new Known(entity, displayName, member, newTransform == null ? transform : newTransform,
                    newFov == null ? fov : newFov);
        }
    }
}
