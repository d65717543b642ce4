package io.scenelog.streams.control;

import io.scenelog.model.ActionResult;
import io.scenelog.streams.action.Rejection;
import java.util.List;
import java.util.Objects;

/** What {@link ControlDecider#decide} concluded about one control command. */
public sealed interface ControlOutcome permits ControlOutcome.Applied, ControlOutcome.Rejected,
        ControlOutcome.Duplicate {

    /**
     * The command is accepted.
     *
     * @param events what happened, in order (a scene deletion also ends the scene's live sessions)
     */
    record Applied(List<ControlEvent> events) implements ControlOutcome {
        public Applied {
            events = List.copyOf(events);
        }
    }

    /**
     * The command changes nothing.
     *
     * @param rejection why
     */
    record Rejected(Rejection rejection) implements ControlOutcome {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    /**
     * The command (same commandId) was decided before.
     *
     * @param original the first outcome
     */
    record Duplicate(ActionResult original) implements ControlOutcome {
        public Duplicate {
            Objects.requireNonNull(original, "original");
        }
    }
}
