package io.scenelog.streams.internal;

import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The task's sessions that have not ended, decoded, for placement: ended sessions stay in the sessions store for
 * good, so a placement round must not scan them all. Read from the store on first use (after restoration) and kept
 * in step by every session write, which all pass through {@link ControlApplier}.
 */
final class LiveSessions {

    private final RecordStore<SessionRecord> store;
    private Map<UUID, SessionRecord> live;

    LiveSessions(RecordStore<SessionRecord> store) {
        this.store = store;
    }

    /** Every live session of the task. */
    Collection<SessionRecord> all() {
        if (live == null) {
            Map<UUID, SessionRecord> loaded = new HashMap<>();
            store.forEach((key, session) -> {
                if (session.getStatus() != SessionStatus.ENDED) {
                    loaded.put(session.getSessionId(), session);
                }
            });
            live = loaded;
        }
        return live.values();
    }

    /** Notes a session just written to the store. */
    void written(SessionRecord session) {
        if (live == null) {
            return;
        }
        if (session.getStatus() == SessionStatus.ENDED) {
            live.remove(session.getSessionId());
        } else {
            live.put(session.getSessionId(), session);
        }
    }
}
