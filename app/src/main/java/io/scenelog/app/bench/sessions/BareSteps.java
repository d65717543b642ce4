package io.scenelog.app.bench.sessions;

import io.scenelog.renderer.video.EncoderSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The peer's steps of one stream size: {@code k} bare render+encode loops in this process (see {@link BareStream}),
 * measured like the sessions' streams, each loop stopped before the next step.
 */
final class BareSteps {

    private final PeerScene scene;
    private final SessionsBenchSettings settings;
    private final StepWindow window;
    private final PrintWriter progress;

    BareSteps(PeerScene scene, SessionsBenchSettings settings, StepWindow window, PrintWriter progress) {
        this.scene = scene;
        this.settings = settings;
        this.window = window;
        this.progress = progress;
    }

    /** Climbs the ladder at this size. */
    Ladder.Climb climb(StreamSize size) throws InterruptedException {
        return new Ladder(settings.maxSessions(), settings.minFps()).climb(k -> step(size, k));
    }

    /** The encoder settings of a session's stream at this size, as the renderer makes them from the request. */
    EncoderSettings encoderSettings(StreamSize size) {
        return new EncoderSettings(settings.codec(), size.width(), size.height(), settings.fps(), size.bitrateKbps(),
                2 * settings.fps());
    }

    private StepResult step(StreamSize size, int loops) throws InterruptedException {
        progress.printf("bare %s: %d loop%s...%n", size.label(settings.fps()), loops, loops == 1 ? "" : "s");
        progress.flush();
        List<BareStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < loops; i++) {
                streams.add(BareStream.start(encoderSettings(size), scene.frames(), "bench-bare-" + (i + 1)));
            }
            StepResult result = window.measure(streams.stream().map(BareStream::frames).toList(),
                    i -> streams.get(i).why());
            progress.println("  " + Tables.stepLine(result));
            progress.flush();
            return result;
        } finally {
            for (BareStream stream : streams) {
                stream.close();
            }
        }
    }
}
