package io.scenelog.bridge.internal.session;

import io.scenelog.model.SessionClient;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.TopicView;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The bridge's view of the {@code sessions} topic: which sessions are live, who is in them, with which role. The
 * bridge checks a connection against it at the Hello and again on every frame and every sweep, so an eviction, a
 * role change or the session's end reaches connected clients within moments.
 */
public final class SessionDirectory implements AutoCloseable {

    /** How long one round of waiting for a joining client lasts before the view is asked again. */
    private static final Duration RECHECK = Duration.ofMillis(500);
    /** The pause between rounds once the view has caught up without the client. */
    private static final Duration RECHECK_PAUSE = Duration.ofMillis(50);

    private final TopicView<SessionRecord> view;

    private SessionDirectory(TopicView<SessionRecord> view) {
        this.view = view;
    }

    /**
     * Starts following the {@code sessions} topic from its beginning.
     *
     * @param consumerConfig bootstrap servers and the like
     */
    public static SessionDirectory follow(Map<String, Object> consumerConfig, SchemaRegistryClient registry) {
        return new SessionDirectory(TopicView.follow(Topics.SESSIONS, consumerConfig,
                Topics.SESSIONS.valueSerde(registry).deserializer()));
    }

    /** The session's record, if the view has one. */
    public Optional<SessionRecord> session(UUID sessionId) {
        return view.get(sessionId.toString());
    }

    /** Where the client stands in the session now. */
    public Membership membership(UUID sessionId, String clientId) {
        Optional<SessionRecord> found = session(sessionId);
        if (found.isEmpty()) {
            return new Membership(Membership.Status.UNKNOWN_SESSION, null, null, null, false);
        }
        SessionRecord session = found.get();
        if (session.getStatus() == SessionStatus.ENDED) {
            return new Membership(Membership.Status.ENDED, session.getSceneId(), session.getMode(), null, false);
        }
        for (SessionClient client : session.getClients()) {
            if (client.getClientId().equals(clientId)) {
                return new Membership(Membership.Status.JOINED, session.getSceneId(), session.getMode(),
                        client.getRole(), client.getHeadless());
            }
        }
        return new Membership(Membership.Status.NOT_JOINED, session.getSceneId(), session.getMode(), null, false);
    }

    /**
     * Where the client stands, waiting up to {@code wait} for the view to catch up when it does not show the client
     * joined yet: a REST join was acknowledged moments ago, and this view may be a few records behind.
     */
    public Membership awaitMembership(UUID sessionId, String clientId, Duration wait) throws InterruptedException {
        Membership now = membership(sessionId, clientId);
        Instant deadline = Instant.now().plus(wait);
        // Caught up once is not always enough: the join may commit just after the view read the topic's end (a
        // client that connects the moment its REST join returns, on a busy machine), so look again until the wait
        // is over.
        while (!now.joined() && now.status() != Membership.Status.ENDED && Instant.now().isBefore(deadline)) {
            Duration left = Duration.between(Instant.now(), deadline);
            try {
                view.awaitCaughtUp(left.compareTo(RECHECK) < 0 ? left : RECHECK);
            } catch (TimeoutException e) {
                // not caught up within this round: look at what it shows, then go on waiting
            } catch (IllegalStateException e) {
                return membership(sessionId, clientId);
            }
            now = membership(sessionId, clientId);
            if (!now.joined()) {
                // caught up and still not there: give the pipeline a moment before asking the broker again
                TimeUnit.MILLISECONDS.sleep(Math.min(RECHECK_PAUSE.toMillis(),
                        Math.max(0, Duration.between(Instant.now(), deadline).toMillis())));
            }
        }
        return now;
    }

    /** Waits until the view has read every session committed before the call. */
    public void awaitCaughtUp(Duration timeout) throws TimeoutException, InterruptedException {
        view.awaitCaughtUp(timeout);
    }

    /** Whether the view is following the topic. */
    public boolean healthy() {
        return view.failure().isEmpty();
    }

    @Override
    public void close() {
        view.close();
    }
}
