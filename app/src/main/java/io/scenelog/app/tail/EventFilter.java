package io.scenelog.app.tail;

import io.scenelog.model.EntityChange;
import io.scenelog.model.SceneEvent;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides which committed events {@code tail} prints, from its settings: scene, client, start version or time,
 * and entity (which also narrows an event to that entity's changes, because a reader following one entity does not
 * want the rest of a large action).
 */
public final class EventFilter {

    private final TailSettings settings;

    /** A filter for these settings. */
    public EventFilter(TailSettings settings) {
        this.settings = settings;
    }

    /** The event as printed, or empty when it is filtered out. */
    public Optional<SceneEvent> apply(SceneEvent event) {
        if (settings.scene().isPresent() && !settings.scene().get().equals(event.getSceneId())) {
            return Optional.empty();
        }
        if (settings.client().isPresent() && !settings.client().get().equals(event.getEmitter().getClientId())) {
            return Optional.empty();
        }
        if (settings.start() instanceof StartPosition.FromVersion from && event.getVersion() < from.version()) {
            return Optional.empty();
        }
        if (settings.start() instanceof StartPosition.FromTime from && event.getCommittedAt().isBefore(from.time())) {
            return Optional.empty();
        }
        if (settings.entity().isEmpty()) {
            return Optional.of(event);
        }
        List<EntityChange> changes = event.getChanges().stream()
                .filter(c -> settings.entity().get().equals(c.getEntityId()))
                .collect(Collectors.toList());
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        // Built field by field: Avro's copying builder deep-copies through reflection on class names, which
        // Avro 1.12 refuses for our generated classes unless trusted (schemas/README.md).
        return Optional.of(SceneEvent.newBuilder()
                .setSceneId(event.getSceneId())
                .setVersion(event.getVersion())
                .setActionId(event.getActionId())
                .setEmitter(event.getEmitter())
                .setPersisted(event.getPersisted())
                .setCommittedAt(event.getCommittedAt())
                .setChanges(changes)
                .build());
    }
}
