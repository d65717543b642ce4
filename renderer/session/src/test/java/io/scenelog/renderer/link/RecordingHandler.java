package io.scenelog.renderer.link;

import io.scenelog.livelink.Configure;
import io.scenelog.livelink.Input;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A renderer side that remembers what the link handed it and answers queries with their id. */
final class RecordingHandler implements RenderLinkHandler {

    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public long sceneVersion() {
        return 42L;
    }

    @Override
    public void configure(String clientId, Configure configure) {
        events.add("configure " + clientId + (configure.getVideo() == null ? " none"
                : " " + configure.getVideo().getWidth() + "x" + configure.getVideo().getHeight()));
    }

    @Override
    public void input(String clientId, Input input) {
        events.add("input " + clientId + " " + input.getEvents().size());
    }

    @Override
    public CompletionStage<QueryResult> query(String clientId, Query query) {
        events.add("query " + clientId + " " + query.getQueryId());
        return CompletableFuture.completedFuture(QueryResult.newBuilder().setQueryId(query.getQueryId())
                .setStatus(QueryStatus.OK).setSceneVersion(42L).build());
    }

    @Override
    public void requestKeyFrame(String clientId) {
        events.add("key-frame " + clientId);
    }

    @Override
    public void released(String clientId) {
        events.add("released " + clientId);
    }
}
