package io.scenelog.edge.api;

import io.scenelog.edge.http.ApiException;
import io.scenelog.edge.http.ErrorCode;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.ReasonCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps the pipeline's {@link ActionResult} onto HTTP: REST callers see the same reason codes a live client does
 * ({@code details.reason}), with the status that fits. A DUPLICATE of an accepted action (a retry with the same
 * Idempotency-Key) counts as accepted, so retrying a write is safe.
 */
final class ActionOutcomes {

    private ActionOutcomes() {
    }

    /**
     * The committed scene version of an accepted action.
     *
     * @throws ApiException for a rejection, with the matching code and the pipeline's reason in the details
     */
    static long acceptedVersion(ActionResult result) {
        if (result.getStatus() == ActionStatus.ACCEPTED) {
            return result.getSceneVersion() == null ? 0L : result.getSceneVersion();
        }
        ReasonCode reason = result.getReason();
        if (reason == ReasonCode.DUPLICATE) {
            if (result.getOriginalStatus() == ActionStatus.ACCEPTED) {
                return result.getSceneVersion() == null ? 0L : result.getSceneVersion();
            }
            reason = result.getOriginalReason() == null ? ReasonCode.UNKNOWN : result.getOriginalReason();
        }
        throw rejection(reason, result.getMessage());
    }

    private static ApiException rejection(ReasonCode reason, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason.name());
        String text = message == null || message.isBlank() ? reason.name() : message;
        ErrorCode code = switch (reason) {
            case UNAUTHORIZED, FORBIDDEN_PERSIST -> ErrorCode.FORBIDDEN;
            case UNKNOWN_SCENE, UNKNOWN_SESSION, UNKNOWN_ENTITY -> ErrorCode.NOT_FOUND;
            case ENTITY_EXISTS, ALREADY_EXISTS -> ErrorCode.ALREADY_EXISTS;
            case VERSION_CONFLICT -> ErrorCode.VERSION_CONFLICT;
            case INVALID -> ErrorCode.INVALID_ACTION;
            case RATE_LIMITED -> ErrorCode.RATE_LIMITED;
            default -> ErrorCode.INTERNAL;
        };
        if (code == ErrorCode.RATE_LIMITED) {
            details.put("retryAfterSeconds", 1);
        }
        return new ApiException(code, "The commit pipeline rejected the change: " + text, details);
    }
}
