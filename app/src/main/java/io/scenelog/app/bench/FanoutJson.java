package io.scenelog.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fan-out results as a JSON document, for tools that track the figures over time. */
final class FanoutJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FanoutJson() {
    }

    static String write(FanoutResults results) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("benchmark", "fanout");
        root.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("java", Runtime.version().feature());
        root.put("environment", results.environment());
        root.put("settings", settings(results.settings()));
        root.put("clientSide", results.clientSide());
        List<Object> runs = new ArrayList<>();
        results.runs().forEach(run -> runs.add(run(run)));
        root.put("runs", runs);
        List<Object> goals = new ArrayList<>();
        for (FanoutGoal goal : results.goals()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("goal", goal.name());
            json.put("measured", goal.measured());
            json.put("verdict", goal.verdict().name());
            goals.add(json);
        }
        root.put("goals", goals);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the fan-out results as JSON", e);
        }
    }

    private static Map<String, Object> settings(FanoutBenchSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clients", settings.clientCounts());
        json.put("eventsPerSecond", settings.rate());
        json.put("warmUpSeconds", settings.warmUp().toMillis() / 1000.0);
        json.put("durationSeconds", settings.duration().toMillis() / 1000.0);
        json.put("saturationSeconds", settings.saturation().toMillis() / 1000.0);
        json.put("saturationWindowEvents", FanoutBench.SATURATION_WINDOW);
        json.put("endToEndActionsPerSecond", settings.endToEndRate());
        json.put("commitIntervalMs", settings.commitInterval().toMillis());
        return json;
    }

    private static Map<String, Object> run(FanoutRun run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clients", run.clients());
        json.put("bridge", phases(run.bridgePaced(), run.bridgeSaturated()));
        json.put("bare", phases(run.barePaced(), run.bareSaturated()));
        Map<String, Object> e2e = new LinkedHashMap<>();
        e2e.put("actionsPerSecond", run.endToEnd().rate());
        e2e.put("latencyMs", latency(run.endToEnd().latency()));
        e2e.put("incomplete", run.endToEnd().latency().missing());
        e2e.put("rejected", run.endToEnd().rejected());
        json.put("endToEnd", e2e);
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("paced", run.pacedRatio());
        ratios.put("saturation", run.saturationRatio());
        json.put("ratios", ratios);
        return json;
    }

    private static Map<String, Object> phases(FanoutPhase paced, FanoutPhase saturated) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("paced", phase(paced));
        json.put("saturation", phase(saturated));
        return json;
    }

    private static Map<String, Object> phase(FanoutPhase phase) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("deliveriesPerSecond", phase.deliveriesPerSecond());
        json.put("eventsPerSecond", phase.window().events().perSecond());
        json.put("latencyMs", latency(phase.outcome().latency()));
        Map<String, Object> backlog = new LinkedHashMap<>();
        backlog.put("awaitingReference", phase.window().backlog().awaitingReference());
        backlog.put("awaitingDelivery", phase.window().backlog().awaitingDelivery());
        backlog.put("queuedAtServerPerClient", phase.window().backlog().queuedPerClient());
        json.put("inFlight", backlog);
        json.put("events", phase.outcome().expected());
        json.put("lost", phase.outcome().lost());
        json.put("behind", phase.outcome().behind());
        json.put("duplicated", phase.outcome().duplicated());
        json.put("unexpected", phase.outcome().unexpected());
        json.put("beforeCommitReader", phase.outcome().early());
        json.put("slowConsumerDisconnects", phase.slowConsumer());
        json.put("connectionsLost", phase.connectionsLost());
        json.put("drained", phase.drained());
        json.put("bridgeQueuingMeanMs", phase.bridgeQueuing().isPresent() ? phase.bridgeQueuing().getAsDouble() : null);
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("cores", phase.cpu().total());
        Map<String, Object> groups = new LinkedHashMap<>();
        phase.cpu().top().forEach(share -> groups.put(share.threads(), share.cores()));
        cpu.put("busiestThreads", groups);
        json.put("cpu", cpu);
        return json;
    }

    private static Map<String, Object> latency(Percentiles latency) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("p50", latency.p50());
        json.put("p99", latency.p99());
        json.put("p999", latency.p999());
        json.put("max", latency.max());
        json.put("samples", latency.samples());
        return json;
    }
}
