package io.scenelog.app.bench.frames;

import io.scenelog.app.bench.frames.FramesBenchSettings.ViewerSize;
import io.scenelog.app.bench.frames.FramesRun.CaseResult;
import io.scenelog.renderer.draw.FrameRenderer;
import io.scenelog.renderer.video.FfmpegProgramPeer;
import io.scenelog.renderer.video.VideoCodec;
import io.scenelog.renderer.vulkan.VulkanFrameRenderer;
import io.scenelog.renderer.vulkan.VulkanOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs every viewer size with every codec on one renderer and one RenderLink connection, then the peer. */
final class FramesBench {

    private final FramesBenchSettings settings;
    private final PrintWriter progress;

    FramesBench(FramesBenchSettings settings, PrintWriter progress) {
        this.settings = settings;
        this.progress = progress;
    }

    FramesBenchResults run() {
        BenchScene scene = BenchScene.of(settings.entities());
        Optional<FfmpegProgramPeer> peer = settings.peer() ? Optional.of(FfmpegProgramPeer.load()) : Optional.empty();
        try (FrameRenderer renderer = VulkanFrameRenderer.open(VulkanOptions.fromEnvironment(System.getenv()));
             LinkSend link = LinkSend.open()) {
            progress.printf("Rendering %d entities (%d triangles) with %s.%n", settings.entities(), scene.triangles(),
                    renderer.deviceDescription());
            progress.flush();
            FramesRun run = new FramesRun(renderer, scene, link);
            List<CaseResult> cases = new ArrayList<>();
            for (ViewerSize size : settings.sizes()) {
                for (VideoCodec codec : settings.codecs()) {
                    progress.printf("%s %s: %d warm-up and %d measured frames%s...%n", size,
                            FramesBenchSettings.label(codec), settings.warmup(), settings.frames(),
                            peer.isPresent() ? ", then the ffmpeg program on the same frames" : "");
                    progress.flush();
                    cases.add(run.run(size, codec, settings.warmup(), settings.frames(), peer));
                }
            }
            return new FramesBenchResults(renderer.deviceDescription(), settings.entities(), scene.triangles(),
                    settings.warmup(), cases);
        }
    }
}
