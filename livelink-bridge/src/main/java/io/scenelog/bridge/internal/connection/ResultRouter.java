package io.scenelog.bridge.internal.connection;

import io.scenelog.bridge.internal.feed.ResultSink;
import io.scenelog.model.ActionResult;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.topics.Topics;
import java.util.Collection;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes action results to the connection of the client that sent the action, by session (the record key) and
 * client. Results of sessions without a connection here are skipped before decoding; a result for a client connected
 * to another bridge finds no connection here and is ignored.
 */
public final class ResultRouter implements ResultSink {

    private static final Logger LOG = LoggerFactory.getLogger(ResultRouter.class);

    private final ConnectionRegistry connections;
    private final Deserializer<ActionResult> deserializer;

    /**
     * @param connections the welcomed connections
     * @param registry    where the results' writer schemas are found
     */
    public ResultRouter(ConnectionRegistry connections, SchemaRegistryClient registry) {
        this.connections = connections;
        this.deserializer = Topics.ACTION_RESULTS.valueSerde(registry).deserializer();
    }

    @Override
    public void onResult(String key, byte[] value) {
        Collection<Connection> session = connections.inSession(key);
        if (session.isEmpty()) {
            return;
        }
        // A registry that cannot be asked now throws (the feed reads the record again later); a record that cannot
        // be decoded at all throws too, and the feed skips it with a log line and a count.
        ActionResult result = deserializer.deserialize(Topics.ACTION_RESULTS.name(), value);
        for (Connection connection : session) {
            if (connection.identity().clientId().equals(result.getClientId())) {
                try {
                    connection.onResult(result);
                } catch (RuntimeException e) {
                    // One connection's failure must not cost the others their results, nor the feed its thread.
                    LOG.error("Cannot hand the result of action {} to client {} of session {}.",
                            result.getActionId(), result.getClientId(), key, e);
                }
            }
        }
    }
}
