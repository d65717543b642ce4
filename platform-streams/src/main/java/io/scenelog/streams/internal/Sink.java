package io.scenelog.streams.internal;

import io.scenelog.topics.Topic;
import io.scenelog.topics.Topics;

/** The topology's output nodes: each writes one catalogue topic, partitioned by scene. */
public enum Sink {
    /** One SceneEvent per accepted action: the commit log. */
    COMMITTED_EVENTS("committed-events-sink", Topics.SCENE_EVENTS),
    /** Persisted entity states and tombstones. */
    PERSISTED_STATE("persisted-state-sink", Topics.SCENE_STATE),
    /** Session overlay entity states and tombstones. */
    SESSION_OVERLAY("session-overlay-sink", Topics.SESSION_STATE),
    /** The outcome of every action and command. */
    ACTION_RESULTS("action-results-sink", Topics.ACTION_RESULTS),
    /** Session records as they change. */
    SESSION_LIFECYCLE("session-lifecycle-sink", Topics.SESSIONS),
    /** Scene records as they change. */
    SCENE_RECORDS("scene-records-sink", Topics.SCENES);

    private final String nodeName;
    private final Topic<String, ?> topic;

    Sink(String nodeName, Topic<String, ?> topic) {
        this.nodeName = nodeName;
        this.topic = topic;
    }

    /** The sink's processor-node name in the topology. */
    public String nodeName() {
        return nodeName;
    }

    /** The topic it writes. */
    public Topic<String, ?> topic() {
        return topic;
    }
}
