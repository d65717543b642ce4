package io.scenelog.app.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The REST benchmark (DESIGN §11: ratios against a peer measured in the same run): closed-loop entity reads, then
 * closed-loop entity writes, through the API with one principal per client; then the pipeline's own latency for the
 * same writes produced straight to Kafka at the rate the REST writes reached, so the REST overhead is a ratio.
 */
final class RestBench {

    private static final String READS = "REST reads";
    private static final String WRITES = "REST writes";
    private static final String DIRECT = "Pipeline (direct to Kafka)";

    private final RestBenchSettings settings;
    private final PrintWriter out;

    RestBench(RestBenchSettings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    RestBenchResults run() throws InterruptedException {
        say("Starting an embedded broker, the edge with the REST API and platform-streams (commit "
                + settings.commitInterval().toMillis() + " ms).");
        try (RestPlatform platform = RestPlatform.start(settings)) {
            ApiHttp http = new ApiHttp(platform.apiUri(), settings.requestTimeout());
            RestScene scene = new RestSetup(http).prepare(platform.adminKey(), settings.clients(),
                    settings.entities());
            say("Set up through the API: scene " + scene.sceneId() + " with " + scene.entities().size()
                    + " entities, " + scene.clients().size() + " clients with their own editor keys and tokens; "
                    + "rate limit " + platform.rateLimit() + ".");
            ErrorTally errors = new ErrorTally();
            PhaseResult reads = phase(READS, readers(http, scene), errors);
            PhaseResult writes = phase(WRITES, writers(http, scene), errors);
            DirectActions actions = new DirectActions(scene);
            PhaseResult direct;
            try (DirectClosedLoop loop = new DirectClosedLoop(platform.bootstrapServers(), platform.registry(),
                    actions, settings.requestTimeout())) {
                direct = phase(DIRECT, loop.calls(), errors);
                loop.rethrowFailure();
            }
            double rate = writes.throughput().perSecond();
            if (!(rate > 0)) {
                throw new IllegalStateException("No REST write succeeded, so the paced pipeline peer has no rate to "
                        + "run at. Failed requests: " + errors.lines());
            }
            DirectWritePeer paced = new DirectWritePeer(platform.bootstrapServers(), platform.registry(), actions);
            Percentiles peer = paced.measure(rate, settings.warmUp(), settings.duration());
            say(String.format("Pipeline paced at %.0f actions/s: p50 %.1f ms, p99 %.1f ms.", rate, peer.p50(),
                    peer.p99()));
            return new RestBenchResults(platform.describe(), settings, platform.rateLimit(), reads, writes, direct,
                    rate, peer, paced.rejected(), errors.total(), errors.lines());
        }
    }

    /** One closed-loop phase with every client, reported as it ends. */
    private PhaseResult phase(String name, List<ClosedLoop.Call> calls, ErrorTally errors)
            throws InterruptedException {
        PhaseResult result = ClosedLoop.run(name, calls, settings.warmUp(), settings.duration(), errors);
        say(String.format("%s, %d clients in closed loops: %.0f/s, p50 %.1f ms, p99 %.1f ms, %d errors.", name,
                calls.size(), result.throughput().perSecond(), result.latency().p50(), result.latency().p99(),
                result.errors()));
        return result;
    }

    /** Each client reads entities of the whole scene at random. */
    private static List<ClosedLoop.Call> readers(ApiHttp http, RestScene scene) {
        List<ClosedLoop.Call> readers = new ArrayList<>();
        List<UUID> entities = scene.entities();
        for (RestScene.Client client : scene.clients()) {
            String bearer = "Bearer " + client.token();
            readers.add(http.call(n -> http.request("GET", "scenes/" + scene.sceneId() + "/entities/"
                    + entities.get(ThreadLocalRandom.current().nextInt(entities.size())), null)
                    .header("Authorization", bearer).build()));
        }
        return readers;
    }

    /** Each client moves its own entities in turn: no two clients write one entity, so nothing conflicts. */
    private static List<ClosedLoop.Call> writers(ApiHttp http, RestScene scene) {
        List<ClosedLoop.Call> writers = new ArrayList<>();
        for (RestScene.Client client : scene.clients()) {
            String bearer = "Bearer " + client.token();
            List<UUID> own = client.entities();
            writers.add(http.call(n -> http.request("PATCH", "scenes/" + scene.sceneId() + "/entities/"
                    + own.get((int) (n % own.size())),
                    ApiHttp.json(Map.of("set", Map.of("transform", Transforms.at(n * 0.001)))))
                    .header("Authorization", bearer).build()));
        }
        return writers;
    }

    private void say(String line) {
        out.println("bench: " + line);
        out.flush();
    }
}
