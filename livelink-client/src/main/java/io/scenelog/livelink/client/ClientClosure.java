package io.scenelog.livelink.client;

import io.scenelog.livelink.DisconnectReason;
import java.util.Optional;

/**
 * Why a {@link LivelinkClient} closed for good: the value of {@link LivelinkClient#closed()}.
 *
 * @param clientId the client's id (from its last Welcome), or empty when none arrived
 * @param requested true when the program called {@link LivelinkClient#close()}
 * @param disconnectReason the reason of the bridge's last Disconnect, or null when the bridge sent none
 * @param message a sentence for people: the bridge's detail, or what failed
 * @param cause the failure that ended the client (a refused reconnect, a protocol violation, a lost
 *     connection that was not resumed), or null
 */
public record ClientClosure(String clientId, boolean requested, DisconnectReason disconnectReason, String message,
        Throwable cause) {

    /** The bridge's Disconnect reason, when the bridge ended the connection with one. */
    public Optional<DisconnectReason> disconnect() {
        return Optional.ofNullable(disconnectReason);
    }

    /** One line for logs: who closed it and why. */
    public String describe() {
        if (requested) {
            return "closed by the program";
        }
        StringBuilder text = new StringBuilder();
        if (disconnectReason != null) {
            text.append("disconnected by the bridge: ").append(disconnectReason);
        } else {
            text.append("connection ended");
        }
        if (message != null && !message.isEmpty()) {
            text.append(" (").append(message).append(')');
        }
        return text.toString();
    }
}
