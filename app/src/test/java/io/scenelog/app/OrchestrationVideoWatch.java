package io.scenelog.app;

import io.scenelog.livelink.Control;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.livelink.client.LivelinkListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What one video client of the orchestration test saw: every frame's metadata (not its data, so a long run stays
 * small) numbered in arrival order, and every VideoStatus, with waits for a frame that arrived after a mark.
 */
final class OrchestrationVideoWatch implements LivelinkListener {

    /** One received frame: its arrival number (from 1) and what its header says. */
    record Seen(long arrival, long frameNumber, boolean keyFrame, long sceneVersion, String codec, int width,
            int height, int bytes) {
    }

    private final String name;
    private final List<Seen> frames = new ArrayList<>();
    private final List<VideoStatus> statuses = new ArrayList<>();

    OrchestrationVideoWatch(String name) {
        this.name = name;
    }

    @Override
    public synchronized void onVideo(VideoFrame frame) {
        frames.add(new Seen(frames.size() + 1, frame.getFrameNumber(), frame.getKeyFrame(), frame.getSceneVersion(),
                frame.getCodec(), frame.getWidth(), frame.getHeight(), frame.getData().remaining()));
        notifyAll();
    }

    @Override
    public synchronized void onControl(Control control) {
        if (control.getCommand() instanceof VideoStatus status) {
            statuses.add(status);
        }
    }

    /** How many frames arrived so far: a mark for {@link #awaitFrame}. */
    synchronized long arrived() {
        return frames.size();
    }

    /** Every VideoStatus so far, in order. */
    synchronized List<VideoStatus> statuses() {
        return List.copyOf(statuses);
    }

    /**
     * Waits for the first frame that arrived after {@code mark} and matches.
     *
     * @throws AssertionError naming what was awaited and the last frames seen, when none came within {@code timeout}
     */
    synchronized Seen awaitFrame(String what, long mark, Predicate<Seen> match, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = (int) mark;
        while (true) {
            for (; checked < frames.size(); checked++) {
                if (match.test(frames.get(checked))) {
                    return frames.get(checked);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                List<Seen> last = frames.subList(Math.max(0, frames.size() - 5), frames.size());
                throw new AssertionError(name + ": no " + what + " within " + timeout.toSeconds() + " s ("
                        + (frames.size() - mark) + " frames after the mark; last ones " + last + "; statuses "
                        + statuses + ")");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
