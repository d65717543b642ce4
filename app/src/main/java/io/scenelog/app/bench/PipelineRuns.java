package io.scenelog.app.bench;

import io.scenelog.app.kafka.OffsetMarks;
import io.scenelog.model.SceneEvent;
import io.scenelog.streams.PlatformStreams;
import io.scenelog.streams.StreamsSettings;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Runs of the production topology ({@link PlatformStreams}) for the benchmark, each under a fresh application id
 * (fresh state) that starts reading where the run's own records begin.
 */
final class PipelineRuns {

    private final BenchEnvironment environment;
    private final Admin admin;
    private final TokenKey key;

    PipelineRuns(BenchEnvironment environment, Admin admin, TokenKey key) {
        this.environment = environment;
        this.admin = admin;
        this.key = key;
    }

    /** Processes the preloaded records starting at the given offsets, timing their committed events. */
    Throughput throughput(String name, boolean exactlyOnce, Duration interval, Map<TopicPartition, Long> actions,
            Map<TopicPartition, Long> control, List<UUID> scenes, long events, Duration timeout)
            throws InterruptedException {
        String applicationId = applicationId(name);
        Map<TopicPartition, Long> starts = new HashMap<>(actions);
        starts.putAll(control);
        OffsetMarks.startGroupAt(admin, applicationId, starts);
        try (EventCounter counter = new EventCounter(environment.bootstrapServers(), environment.registry(),
                Set.copyOf(scenes), events);
                PlatformStreams pipeline = PlatformStreams.start(settings(applicationId, exactlyOnce, interval))) {
            return counter.await(timeout, name);
        }
    }

    /** Creates fresh scenes, then times actions sent at a constant rate until their events are visible. */
    Percentiles latency(Duration interval, KafkaProducer<String, SpecificRecord> producer,
            CommitBenchSettings settings, Duration grace) throws InterruptedException {
        int partitions = Topics.SCENE_ACTIONS.spec().partitions();
        String applicationId = applicationId("latency-" + interval.toMillis() + "ms");
        Map<TopicPartition, Long> starts = new HashMap<>(OffsetMarks.ends(admin, Topics.SCENE_ACTIONS.name(),
                partitions));
        starts.putAll(OffsetMarks.ends(admin, Topics.SCENE_CONTROL.name(), partitions));
        OffsetMarks.startGroupAt(admin, applicationId, starts);
        Workload workload = new Workload(key, partitions);
        try (PlatformStreams pipeline = PlatformStreams.start(settings(applicationId, true, interval))) {
            warmUp(producer, workload, settings.runTimeout());
            LatencyProbe<SceneEvent> probe = new LatencyProbe<>(Topics.SCENE_EVENTS, SceneEvent::getActionId);
            return probe.measure(environment.bootstrapServers(), environment.registry(), settings.latencyRate(),
                    settings.latencyWarmUp(), settings.latencyDuration(), grace, index -> {
                        var action = workload.move(index);
                        return new LatencyProbe.Outgoing(action.getActionId(),
                                () -> CommitBench.send(producer, action));
                    });
        }
    }

    /** Scenes and entities exist before any latency is measured. */
    private void warmUp(KafkaProducer<String, SpecificRecord> producer, Workload workload, Duration timeout)
            throws InterruptedException {
        try (EventCounter created = new EventCounter(environment.bootstrapServers(), environment.registry(),
                Set.copyOf(workload.scenes()), workload.scenes().size())) {
            for (UUID scene : workload.scenes()) {
                producer.send(new ProducerRecord<>(Topics.SCENE_CONTROL.name(), scene.toString(),
                        workload.createScene(scene)));
            }
            producer.flush();
            workload.scenes().forEach(scene -> CommitBench.send(producer, workload.createEntities(scene)));
            producer.flush();
            created.await(timeout, "warm-up");
        }
    }

    private StreamsSettings settings(String applicationId, boolean exactlyOnce, Duration interval) {
        Map<String, String> overrides = exactlyOnce ? Map.of()
                : Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        return StreamsSettings.builder(environment.bootstrapServers(), environment.registryUrl().toString(), key)
                .applicationId(applicationId)
                .stateDir(environment.stateDirectory(applicationId))
                .commitInterval(interval)
                .provisionTopics(false)
                .kafkaOverrides(overrides)
                .build();
    }

    private static String applicationId(String run) {
        return "scenelog-bench-" + run + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
