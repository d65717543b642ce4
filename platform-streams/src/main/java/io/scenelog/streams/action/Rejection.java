package io.scenelog.streams.action;

import io.scenelog.model.ReasonCode;
import java.util.Objects;

/**
 * Why an action or command changed nothing: a stable code for programs and a message for people naming the
 * offending operation or entity.
 *
 * @param reason  the stable code
 * @param message the detail, in words
 */
public record Rejection(ReasonCode reason, String message) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
