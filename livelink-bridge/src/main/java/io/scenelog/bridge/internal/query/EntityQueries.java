package io.scenelog.bridge.internal.query;

import io.scenelog.livelink.EntityStateQuery;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.model.EntityState;
import io.scenelog.schemas.ScenelogSchemas;
import io.scenelog.schemas.wire.PlainListSpecificData;
import io.scenelog.streams.query.SceneStateQueries;
import io.scenelog.streams.query.SessionSnapshot;
import io.scenelog.streams.query.StateNotQueryableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Answers {@code EntityStateQuery}s from the pipeline's state (the scene as the client's session sees it, at one
 * version not below the connection's start version), split into {@code QueryResult} parts that each fit in a frame.
 * Blocking: runs on the bridge's query workers.
 */
public final class EntityQueries {

    /** The most entity ids one query may name. */
    public static final int MAX_ENTITY_IDS = 10_000;

    /** Room in each part for everything but its entities. */
    private static final int PART_OVERHEAD_BYTES = 512;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(25);

    static {
        ScenelogSchemas.trustGeneratedClasses();
    }

    private final SceneStateQueries queries;
    private final int partBudget;
    private final Duration versionWait;
    private final SpecificDatumWriter<EntityState> writer = new SpecificDatumWriter<>(EntityState.getClassSchema(),
            PlainListSpecificData.forClass(EntityState.class));

    /**
     * @param queries       the pipeline's state queries
     * @param maxFrameBytes the largest frame a part may become
     * @param versionWait   how long to wait for the state to reach a connection's start version, or to become
     *                      queryable, before answering UNAVAILABLE
     */
    public EntityQueries(SceneStateQueries queries, int maxFrameBytes, Duration versionWait) {
        this.queries = queries;
        this.partBudget = maxFrameBytes - PART_OVERHEAD_BYTES;
        this.versionWait = versionWait;
    }

    /**
     * The answer to an entity query of a client of {@code sessionId}, consistent at a version of at least
     * {@code minVersion}.
     */
    public List<QueryResult> answer(long queryId, EntityStateQuery query, UUID sceneId, UUID sessionId,
            long minVersion) throws InterruptedException {
        if (query.getEntityIds().size() > MAX_ENTITY_IDS) {
            return List.of(single(queryId, QueryStatus.INVALID, "a query names at most " + MAX_ENTITY_IDS
                    + " entities, this one " + query.getEntityIds().size(), minVersion));
        }
        long deadline = System.nanoTime() + versionWait.toNanos();
        String problem;
        while (true) {
            try {
                Optional<SessionSnapshot> snapshot = queries.session(sceneId, sessionId);
                if (snapshot.isEmpty()) {
                    return List.of(single(queryId, QueryStatus.UNAVAILABLE, "scene " + sceneId
                            + " does not exist (it was deleted)", minVersion));
                }
                if (snapshot.get().version() >= minVersion) {
                    return parts(queryId, snapshot.get(), query.getEntityIds());
                }
                problem = "the state is at version " + snapshot.get().version() + ", below this connection's start"
                        + " version " + minVersion;
            } catch (StateNotQueryableException e) {
                problem = "the scene's state cannot be queried now: " + e.getMessage();
            }
            if (System.nanoTime() - deadline > 0) {
                return List.of(single(queryId, QueryStatus.UNAVAILABLE, problem + "; ask again shortly", minVersion));
            }
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
    }

    /** A one-part answer without entities. */
    public static QueryResult single(long queryId, QueryStatus status, String message, long sceneVersion) {
        return QueryResult.newBuilder().setQueryId(queryId).setStatus(status).setMessage(message)
                .setSceneVersion(sceneVersion).setEntities(List.of()).setPart(0).setLast(true).setPick(null).build();
    }

    private List<QueryResult> parts(long queryId, SessionSnapshot snapshot, List<UUID> wanted) {
        Set<UUID> filter = wanted.isEmpty() ? null : new HashSet<>(wanted);
        List<List<EntityState>> parts = new ArrayList<>();
        List<EntityState> current = new ArrayList<>();
        long currentBytes = 0;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        for (EntityState entity : snapshot.visibleEntities()) {
            if (filter != null && !filter.contains(entity.getEntityId())) {
                continue;
            }
            int size = encodedSize(entity, buffer);
            if (!current.isEmpty() && currentBytes + size > partBudget) {
                parts.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(entity);
            currentBytes += size;
        }
        parts.add(current);
        List<QueryResult> results = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            results.add(QueryResult.newBuilder().setQueryId(queryId).setStatus(QueryStatus.OK).setMessage("")
                    .setSceneVersion(snapshot.version()).setEntities(parts.get(i)).setPart(i)
                    .setLast(i == parts.size() - 1).setPick(null).build());
        }
        return results;
    }

    private int encodedSize(EntityState entity, ByteArrayOutputStream buffer) {
        buffer.reset();
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
            writer.write(entity, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot measure entity " + entity.getEntityId(), e);
        }
        return buffer.size();
    }
}
