package io.scenelog.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One of issue 5's fan-out goals, judged on a run's figures. Reported, never asserted: the figures depend on the
 * machine and on what else runs on it.
 *
 * @param name     the goal as the issue states it
 * @param measured what the run measured for it
 * @param verdict  PASS, FAIL, or NOT_JUDGED when the run did not measure what the goal names
 */
record FanoutGoal(String name, String measured, Verdict verdict) {

    /** The p99 commit-to-client goal, in milliseconds. */
    static final double LATENCY_GOAL_MS = 10;
    /** The clients of the latency goal. */
    static final int LATENCY_GOAL_CLIENTS = 50;
    /** The writer's rate of the latency goal. */
    static final double LATENCY_GOAL_RATE = 1000;
    /** The least bridge deliveries per second as a share of the bare broadcast's. */
    static final double RATIO_GOAL = 0.5;

    /** A goal's outcome. */
    enum Verdict { PASS, FAIL, NOT_JUDGED }

    /** One line for the console and the Markdown. */
    String line() {
        return verdict + ": " + name + " -- " + measured;
    }

    /** Judges the goals, and that every event reached every client once. */
    static List<FanoutGoal> judge(double rate, List<FanoutRun> runs) {
        List<FanoutGoal> goals = new ArrayList<>();
        goals.add(latency(rate, runs));
        goals.add(ratio(runs));
        goals.add(integrity(runs));
        return goals;
    }

    private static FanoutGoal latency(double rate, List<FanoutRun> runs) {
        String name = String.format(Locale.ROOT, "p99 commit -> client <= %.0f ms with %d clients at %,.0f events/s",
                LATENCY_GOAL_MS, LATENCY_GOAL_CLIENTS, LATENCY_GOAL_RATE);
        Optional<FanoutRun> run = runs.stream().filter(r -> r.clients() == LATENCY_GOAL_CLIENTS).findFirst();
        if (run.isEmpty()) {
            return new FanoutGoal(name, "no " + LATENCY_GOAL_CLIENTS + "-client phase in this run (--clients)",
                    Verdict.NOT_JUDGED);
        }
        Round.Outcome outcome = run.get().bridgePaced().outcome();
        String measured = String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms at %,.0f events/s; "
                + "%d deliveries lost, %d behind, %d duplicated", outcome.latency().p50(), outcome.latency().p99(),
                outcome.latency().max(), rate, outcome.lost(), outcome.behind(), outcome.duplicated());
        if (rate != LATENCY_GOAL_RATE) {
            return new FanoutGoal(name, measured + " (not the goal's rate: --rate "
                    + String.format(Locale.ROOT, "%.0f", LATENCY_GOAL_RATE) + ")", Verdict.NOT_JUDGED);
        }
        boolean met = outcome.latency().samples() > 0 && outcome.latency().p99() <= LATENCY_GOAL_MS
                && outcome.lost() == 0 && outcome.behind() == 0 && outcome.duplicated() == 0;
        return new FanoutGoal(name, measured, met ? Verdict.PASS : Verdict.FAIL);
    }

    private static FanoutGoal ratio(List<FanoutRun> runs) {
        String name = String.format(Locale.ROOT, "bridge deliveries/s >= %.1fx the bare broadcast's (saturation, same "
                + "run, same machine)", RATIO_GOAL);
        List<String> parts = new ArrayList<>();
        boolean met = !runs.isEmpty();
        for (FanoutRun run : runs) {
            parts.add(String.format(Locale.ROOT, "%d clients %.2fx (%,.0f vs %,.0f deliveries/s)", run.clients(),
                    run.saturationRatio(), run.bridgeSaturated().deliveriesPerSecond(),
                    run.bareSaturated().deliveriesPerSecond()));
            met &= run.saturationRatio() >= RATIO_GOAL;
        }
        return new FanoutGoal(name, String.join("; ", parts), met ? Verdict.PASS : Verdict.FAIL);
    }

    private static FanoutGoal integrity(List<FanoutRun> runs) {
        long lost = 0;
        long duplicated = 0;
        long behind = 0;
        long slow = 0;
        for (FanoutRun run : runs) {
            for (FanoutPhase phase : List.of(run.bridgePaced(), run.bridgeSaturated())) {
                lost += phase.outcome().lost();
                duplicated += phase.outcome().duplicated();
                behind += phase.outcome().behind();
                slow += phase.slowConsumer();
            }
        }
        String measured = String.format(Locale.ROOT, "%d deliveries lost, %d duplicated in the bridge's phases (%d "
                + "still on their way when a phase ended, %d slow-consumer disconnects)", lost, duplicated, behind,
                slow);
        return new FanoutGoal("every committed event reaches every client exactly once", measured,
                lost == 0 && duplicated == 0 ? Verdict.PASS : Verdict.FAIL);
    }
}
