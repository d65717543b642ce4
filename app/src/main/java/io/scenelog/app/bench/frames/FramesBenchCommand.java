package io.scenelog.app.bench.frames;

import io.scenelog.app.bench.BenchOutputOptions;
import io.scenelog.app.bench.BenchFiles;
import io.scenelog.app.bench.frames.FramesBenchSettings.ViewerSize;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scenelog bench frames}: the renderer's frame pipeline per stage, beside FFmpeg's own encoder. */
@Command(name = "frames", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the renderer's frame pipeline for one viewer at a time, in this JVM: a fixed scene "
                + "of lit primitives rendered with Vulkan (lavapipe without a GPU), read back, converted to I420, "
                + "encoded (H.264 with openh264, VP8 with libvpx) and sent over a real RenderLink connection to a "
                + "reader on 127.0.0.1; p50 and p99 per stage. The peer: FFmpeg's own ffmpeg program encoding the "
                + "same frames with the same encoder and options; the ratio is our conversion + encoding per frame "
                + "over its CPU time per frame.",
            "Prints a table; --json and --markdown also write the results to files."})
public final class FramesBenchCommand implements Callable<Integer> {

    @Option(names = "--frames", paramLabel = "N", defaultValue = "" + FramesBenchSettings.DEFAULT_FRAMES,
            description = "Measured frames per viewer size and codec (default: ${DEFAULT-VALUE}).")
    private int frames;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "" + FramesBenchSettings.DEFAULT_WARMUP,
            description = "Frames run first and not measured (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--entities", paramLabel = "N", defaultValue = "" + FramesBenchSettings.DEFAULT_ENTITIES,
            description = "Lit entities in the scene (default: ${DEFAULT-VALUE}).")
    private int entities;

    @Option(names = "--sizes", paramLabel = "WxH[,WxH...]", split = ",", defaultValue = "640x360,1280x720",
            description = "Viewer picture sizes (default: ${DEFAULT-VALUE}).")
    private List<String> sizes;

    @Option(names = "--codecs", paramLabel = "CODEC[,CODEC...]", split = ",", defaultValue = "h264,vp8",
            description = "h264 and/or vp8 (default: ${DEFAULT-VALUE}).")
    private List<String> codecs;

    @Option(names = "--no-peer", description = "Skip the ffmpeg program (no ratio).")
    private boolean noPeer;

    @Mixin
    private BenchOutputOptions output;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FramesBenchSettings settings;
        try {
            settings = new FramesBenchSettings(frames, warmup, entities,
                    sizes.stream().map(ViewerSize::parse).toList(),
                    codecs.stream().map(FramesBenchSettings::codec).distinct().toList(), !noPeer,
                    output.json(), output.markdown());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        FramesBenchResults results = new FramesBench(settings, out).run();
        BenchFiles.publish(out, results.table(), settings.json(), results.json(), settings.markdown(),
                results.markdown());
        return 0;
    }

}
