package io.scenelog.bridge.internal.connection;

import io.scenelog.bridge.internal.session.Membership;
import io.scenelog.model.SessionClient;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A session's record as one sweep saw it, its members indexed by client id: built once per record (the sessions
 * view replaces the instance when the session changes), so checking each connection costs a lookup, not a scan of
 * the member list.
 */
final class SessionMembers {

    private final SessionRecord record;
    private final Map<String, SessionClient> byClient = new HashMap<>();

    /** @param record the session's record, or null when the view has none (an unknown or deleted session) */
    SessionMembers(SessionRecord record) {
        this.record = record;
        if (record != null) {
            for (SessionClient client : record.getClients()) {
                byClient.put(client.getClientId(), client);
            }
        }
    }

    /** The record indexed (its identity says whether the session changed), or null for an unknown session. */
    SessionRecord record() {
        return record;
    }

    /** Where a client stands in the session, as {@code SessionDirectory.membership} answers it. */
    Membership membership(String clientId) {
        if (record == null) {
            return new Membership(Membership.Status.UNKNOWN_SESSION, null, null, null, false);
        }
        if (record.getStatus() == SessionStatus.ENDED) {
            return new Membership(Membership.Status.ENDED, record.getSceneId(), record.getMode(), null, false);
        }
        SessionClient client = byClient.get(clientId);
        return client == null
                ? new Membership(Membership.Status.NOT_JOINED, record.getSceneId(), record.getMode(), null, false)
                : new Membership(Membership.Status.JOINED, record.getSceneId(), record.getMode(), client.getRole(),
                        client.getHeadless());
    }

    /** The clients the session lists. */
    Set<String> clientIds() {
        return byClient.keySet();
    }
}
