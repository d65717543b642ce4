package io.scenelog.bridge.internal.video;

import io.scenelog.livelink.Refusal;

/** The renderer answered the bridge's Hello with a Refusal (a token it does not accept, another session). */
final class LinkRefusedException extends Exception {

    private final transient Refusal refusal;

    LinkRefusedException(Refusal refusal) {
        super("the renderer refused the bridge: " + refusal.getReason() + " (" + refusal.getMessage() + ")");
        this.refusal = refusal;
    }

    /** The renderer's answer. */
    Refusal refusal() {
        return refusal;
    }
}
