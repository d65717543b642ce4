package io.scenelog.app.bench.sessions;

import io.scenelog.livelink.Control;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.livelink.client.ClientOptions;
import io.scenelog.livelink.client.JoinedClient;
import io.scenelog.livelink.client.LivelinkClient;
import io.scenelog.livelink.client.LivelinkListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One single-viewer session's viewer: a Java Livelink client through the bridge that asks for video and notes when
 * each frame arrives (its data is dropped at once, so a long run stays small).
 */
final class VideoViewer implements LivelinkListener, AutoCloseable {

    private final FrameTimes frames = new FrameTimes();
    private final AtomicReference<VideoStatus> lastStatus = new AtomicReference<>();
    private LivelinkClient client;

    private VideoViewer() {
    }

    /** Connects the joined viewer and asks for the stream. */
    static VideoViewer watch(JoinedClient joined, VideoSettings video) {
        VideoViewer viewer = new VideoViewer();
        List<String> codecs = video.getCodecs().stream().map(CharSequence::toString).toList();
        viewer.client = LivelinkClient.connect(joined.livelinkUrl(), joined.token(), ClientOptions.defaults()
                .withDisplayName("bench-sessions-viewer").withVideo(false, codecs).withListener(viewer));
        viewer.client.configureVideo(video);
        return viewer;
    }

    @Override
    public void onVideo(VideoFrame frame) {
        frames.arrived(System.nanoTime());
    }

    @Override
    public void onControl(Control control) {
        if (control.getCommand() instanceof VideoStatus status) {
            lastStatus.set(status);
        }
    }

    /** The frames' arrival times. */
    FrameTimes frames() {
        return frames;
    }

    /** The bridge's last word on the stream (e.g. FAILED with why), if any came. */
    Optional<String> lastStatus() {
        return Optional.ofNullable(lastStatus.get()).map(s -> s.getState() + (s.getMessage() == null
                || s.getMessage().isEmpty() ? "" : " (" + s.getMessage() + ")"));
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
