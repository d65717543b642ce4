package io.scenelog.streams.action;

import io.scenelog.model.ReasonCode;
import io.scenelog.streams.scene.EntityEvent;
import java.util.List;
import java.util.Optional;

/** What one operation's rule decided: the events it causes, or why it is refused. */
public final class OperationDecision {

    private final List<EntityEvent> events;
    private final Rejection rejection;

    private OperationDecision(List<EntityEvent> events, Rejection rejection) {
        this.events = events;
        this.rejection = rejection;
    }

    /** The operation is allowed and causes these events, in order. */
    public static OperationDecision accept(List<EntityEvent> events) {
        return new OperationDecision(List.copyOf(events), null);
    }

    /** The operation is allowed and causes this event. */
    public static OperationDecision accept(EntityEvent event) {
        return accept(List.of(event));
    }

    /** The operation is refused, and with it the whole action. */
    public static OperationDecision reject(ReasonCode reason, String message) {
        return new OperationDecision(List.of(), new Rejection(reason, message));
    }

    /** The events, empty when rejected. */
    public List<EntityEvent> events() {
        return events;
    }

    /** Why the operation was refused, if it was. */
    public Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection);
    }
}
