package io.scenelog.streams.action;

import io.scenelog.model.ActionResult;
import io.scenelog.model.EntityState;
import io.scenelog.model.SceneEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** What {@link ActionDecider#decide} concluded about one action. */
public sealed interface ActionOutcome permits ActionOutcome.Committed, ActionOutcome.Rejected,
        ActionOutcome.Duplicate {

    /**
     * The action is accepted.
     *
     * @param event          the commit-log entry, with the next scene version
     * @param writes         every entity the action touched with its final state (null = deleted), in order
     * @param overlaySession the session whose overlay receives the writes, or null when they are persisted
     */
    record Committed(SceneEvent event, Map<UUID, EntityState> writes, UUID overlaySession)
            implements ActionOutcome {

        public Committed {
            Objects.requireNonNull(event, "event");
            writes = Collections.unmodifiableMap(new LinkedHashMap<>(writes));
        }

        /** Whether the writes go to the persisted scene. */
        public boolean persisted() {
            return overlaySession == null;
        }
    }

    /**
     * The action changes nothing.
     *
     * @param rejection why
     */
    record Rejected(Rejection rejection) implements ActionOutcome {

        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    /**
     * The action (same actionId, or same client sequence number) was decided before; it changes nothing again.
     *
     * @param original the first outcome
     */
    record Duplicate(ActionResult original) implements ActionOutcome {

        public Duplicate {
            Objects.requireNonNull(original, "original");
        }
    }
}
