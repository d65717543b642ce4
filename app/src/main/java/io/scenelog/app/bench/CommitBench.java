package io.scenelog.app.bench;

import io.scenelog.app.kafka.ClientConfigs;
import io.scenelog.app.kafka.OffsetMarks;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.schemas.wire.AvroSerializer;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.topics.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The commit benchmark (DESIGN §11: ratios against a peer measured in the same run): throughput of the pipeline
 * with exactly-once and at-least-once against the bare loop around the same decide, in rounds, then latency at a
 * constant rate for each commit interval against a bare produce/consume on the same broker.
 */
final class CommitBench {

    /** How long the last records of a latency run may take to show up before they count as missing. */
    private static final Duration LATENCY_GRACE = Duration.ofSeconds(10);

    private final CommitBenchSettings settings;
    private final PrintWriter out;
    private final TokenKey key = TokenKey.generate();

    CommitBench(CommitBenchSettings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    BenchResults run() throws InterruptedException {
        try (BenchEnvironment environment = BenchEnvironment.start(settings.bootstrapServers(),
                settings.registryUrl());
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        environment.bootstrapServers()));
                KafkaProducer<String, SpecificRecord> producer = producer(environment)) {
            PipelineRuns pipelines = new PipelineRuns(environment, admin, key);
            int partitions = Topics.SCENE_ACTIONS.spec().partitions();
            Workload workload = new Workload(key, partitions);
            Map<TopicPartition, Long> actionStarts = OffsetMarks.ends(admin, Topics.SCENE_ACTIONS.name(), partitions);
            Map<TopicPartition, Long> controlStarts = OffsetMarks.ends(admin, Topics.SCENE_CONTROL.name(), partitions);
            long events = preload(producer, workload);
            say("Preloaded " + events + " actions on " + workload.scenes().size() + " scenes.");
            // Warm-up rounds are run like the measured ones and not counted. On this class of machine the JIT
            // takes minutes to settle: the bare loop ran at 36k actions/s in the first round and 90-100k from the
            // fourth on, the pipeline at 12k and then 24-34k; a ratio of cold runs measures the compiler.
            for (int r = 1; r <= settings.warmupRounds(); r++) {
                ThroughputRound round = round(environment, pipelines, workload, actionStarts, controlStarts, events);
                say(String.format("Warm-up round %d (not counted): %s", r, round.describe()));
            }
            List<ThroughputRound> rounds = new ArrayList<>();
            for (int r = 1; r <= settings.rounds(); r++) {
                ThroughputRound round = round(environment, pipelines, workload, actionStarts, controlStarts, events);
                rounds.add(round);
                say(String.format("Round %d: %s", r, round.describe()));
                round.cpuLines().forEach(line -> say("  CPU, " + line));
            }
            Percentiles bare = bareLatency(environment, producer);
            say(String.format("Bare produce -> consume: p50 %.1f ms, p99 %.1f ms.", bare.p50(), bare.p99()));
            Map<Duration, Percentiles> latencies = new LinkedHashMap<>();
            for (Duration interval : settings.commitIntervals()) {
                Percentiles p = pipelines.latency(interval, producer, settings, LATENCY_GRACE);
                say(String.format("Exactly-once, commit %d ms: p50 %.1f ms, p99 %.1f ms.", interval.toMillis(),
                        p.p50(), p.p99()));
                latencies.put(interval, p);
            }
            return new BenchResults(environment.describe(), events, settings.throughputInterval(), rounds,
                    settings.latencyRate(), bare, latencies);
        }
    }

    /** Scene creation, entity creation, then moves: every action is accepted, so each gives one event. */
    private long preload(KafkaProducer<String, SpecificRecord> producer, Workload workload) {
        for (UUID scene : workload.scenes()) {
            SceneControl create = workload.createScene(scene);
            producer.send(new ProducerRecord<>(Topics.SCENE_CONTROL.name(), scene.toString(), create));
        }
        producer.flush();
        long sent = 0;
        for (UUID scene : workload.scenes()) {
            send(producer, workload.createEntities(scene));
            sent++;
        }
        for (long n = 0; sent < settings.actions(); n++, sent++) {
            send(producer, workload.move(n));
        }
        producer.flush();
        return sent;
    }

    /** The bare loop, the pipeline with exactly-once, then with at-least-once, over the same preloaded actions. */
    private ThroughputRound round(BenchEnvironment environment, PipelineRuns pipelines, Workload workload,
            Map<TopicPartition, Long> actionStarts, Map<TopicPartition, Long> controlStarts, long events)
            throws InterruptedException {
        Throughput peer = peer(environment, workload, actionStarts, events);
        Throughput eos = pipelines.throughput("eos", true, settings.throughputInterval(), actionStarts,
                controlStarts, workload.scenes(), events, settings.runTimeout());
        Throughput alos = pipelines.throughput("alos", false, settings.throughputInterval(), actionStarts,
                controlStarts, workload.scenes(), events, settings.runTimeout());
        return new ThroughputRound(peer, eos, alos);
    }

    private Throughput peer(BenchEnvironment environment, Workload workload, Map<TopicPartition, Long> starts,
            long events) throws InterruptedException {
        try (EventCounter counter = new EventCounter(environment.bootstrapServers(), environment.registry(),
                Set.copyOf(workload.scenes()), events);
                BareCommitLoop loop = new BareCommitLoop(environment.bootstrapServers(), environment.registry(),
                        key, workload.scenes(), starts)) {
            Throughput result = counter.await(settings.runTimeout(), "bare loop");
            loop.rethrowFailure();
            return result;
        }
    }

    private Percentiles bareLatency(BenchEnvironment environment, KafkaProducer<String, SpecificRecord> producer)
            throws InterruptedException {
        Workload workload = new Workload(key, Topics.SCENE_ACTIONS.spec().partitions());
        LatencyProbe<SceneAction> probe = new LatencyProbe<>(Topics.SCENE_ACTIONS, SceneAction::getActionId);
        return probe.measure(environment.bootstrapServers(), environment.registry(), settings.latencyRate(),
                settings.latencyWarmUp(), settings.latencyDuration(), LATENCY_GRACE, index -> {
                    SceneAction action = workload.move(index);
                    return new LatencyProbe.Outgoing(action.getActionId(), () -> send(producer, action));
                });
    }

    static void send(KafkaProducer<String, SpecificRecord> producer, SceneAction action) {
        producer.send(new ProducerRecord<>(Topics.SCENE_ACTIONS.name(), action.getSceneId().toString(), action));
    }

    /** Latency runs send one record at a time: no lingering, or the producer's batching would be measured. */
    private static KafkaProducer<String, SpecificRecord> producer(BenchEnvironment environment) {
        return new KafkaProducer<>(ClientConfigs.idempotentProducer(environment.bootstrapServers(),
                "scenelog-bench", 0), Topics.SCENE_ACTIONS.keySerde(environment.registry()).serializer(),
                new AvroSerializer<>(environment.registry(), false, false));
    }

    private void say(String line) {
        out.println("bench: " + line);
        out.flush();
    }
}
