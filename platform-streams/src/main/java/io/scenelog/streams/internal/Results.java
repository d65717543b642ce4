package io.scenelog.streams.internal;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.streams.action.Rejection;
import java.time.Instant;
import java.util.UUID;

/** Builds the ActionResult of an action or command. */
final class Results {

    private Results() {
    }

    /**
     * Who a result answers.
     *
     * @param actionId  the action id (or command id)
     * @param sceneId   the scene
     * @param sessionId the session, or null
     * @param clientId  the sender
     * @param clientSeq the sender's number (0 for commands)
     */
    record Sender(UUID actionId, UUID sceneId, UUID sessionId, String clientId, long clientSeq) {

        static Sender of(SceneAction action) {
            return new Sender(action.getActionId(), action.getSceneId(), action.getSessionId(),
                    action.getClientId(), action.getClientSeq());
        }

        static Sender of(SceneControl command, UUID sessionId) {
            return new Sender(command.getCommandId(), command.getSceneId(), sessionId, command.getClientId(), 0L);
        }

        /** The action-results key: the session when there is one, so a bridge reads its sessions' results. */
        String resultKey() {
            return sessionId != null ? sessionId.toString() : clientId;
        }
    }

    static ActionResult accepted(Sender sender, long sceneVersion, Instant now) {
        return base(sender, now).setStatus(ActionStatus.ACCEPTED).setSceneVersion(sceneVersion).build();
    }

    static ActionResult rejected(Sender sender, Rejection rejection, Instant now) {
        return base(sender, now)
                .setStatus(ActionStatus.REJECTED)
                .setReason(rejection.reason())
                .setMessage(rejection.message())
                .build();
    }

    static ActionResult duplicate(Sender sender, ActionResult original, Instant now) {
        String first = original.getStatus() == ActionStatus.ACCEPTED
                ? "ACCEPTED at scene version " + original.getSceneVersion()
                : "REJECTED (" + original.getReason() + ": " + original.getMessage() + ")";
        return base(sender, now)
                .setStatus(ActionStatus.REJECTED)
                .setReason(ReasonCode.DUPLICATE)
                .setMessage("action " + original.getActionId() + " was decided before: " + first)
                .setSceneVersion(original.getSceneVersion())
                .setOriginalStatus(original.getStatus())
                .setOriginalReason(original.getReason())
                .build();
    }

    private static ActionResult.Builder base(Sender sender, Instant now) {
        return ActionResult.newBuilder()
                .setActionId(sender.actionId())
                .setSceneId(sender.sceneId())
                .setSessionId(sender.sessionId())
                .setClientId(sender.clientId())
                .setClientSeq(sender.clientSeq())
                .setMessage("")
                .setDecidedAt(now);
    }
}
