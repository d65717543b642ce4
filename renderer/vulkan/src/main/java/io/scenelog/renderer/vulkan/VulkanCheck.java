package io.scenelog.renderer.vulkan;

import io.scenelog.renderer.draw.RenderedFrame;
import io.scenelog.renderer.vulkan.internal.CheckScenes;
import io.scenelog.renderer.vulkan.internal.CheckScenes.CheckScene;
import io.scenelog.renderer.vulkan.internal.FrameImages;
import io.scenelog.renderer.vulkan.internal.ImageDiff;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A one-command check of a machine's Vulkan: lists the devices, renders the golden scenes on the chosen one, writes
 * them as PNGs, compares them with reference images when given a directory of them, and prints per-frame
 * timings. Usage: {@code VulkanCheck <output-dir> [<golden-dir>] [<frames>]}; ends with an exception (status 1)
 * when a comparison fails.
 */
public final class VulkanCheck {

    private static final int GOLDEN_WIDTH = 320;
    private static final int GOLDEN_HEIGHT = 180;
    private static final int CHANNEL_THRESHOLD = 24;
    private static final double MAX_DIFFERING = 0.01;

    private VulkanCheck() {
    }

    /** Runs the check; see the class documentation. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: VulkanCheck <output-dir> [<golden-dir>] [<frames>]");
        }
        boolean ok = run(Path.of(args[0]), args.length > 1 ? Path.of(args[1]) : null,
                args.length > 2 ? Integer.parseInt(args[2]) : 200, System.out);
        if (!ok) {
            // An uncaught exception ends the JVM with status 1, which is what a script checks.
            throw new IllegalStateException("some scenes differ from their references: see the diff PNGs in "
                    + args[0]);
        }
    }

    /** Runs the check, printing to {@code out}; true when every comparison passed. */
    public static boolean run(Path output, Path golden, int frames, PrintStream out) throws IOException {
        Files.createDirectories(output);
        out.println("Vulkan devices:");
        for (VulkanDeviceInfo device : VulkanDevices.list()) {
            out.printf("  [%d] %s, Vulkan %s%s%n", device.index(), device.description(), device.apiVersion(),
                    device.graphics() ? "" : " (no graphics queue)");
        }
        boolean ok = true;
        try (VulkanFrameRenderer renderer = VulkanFrameRenderer.open(VulkanOptions.defaults())) {
            out.println("Rendering with " + renderer.deviceDescription());
            for (CheckScene check : CheckScenes.all(GOLDEN_WIDTH, GOLDEN_HEIGHT)) {
                ok &= checkScene(renderer, check, output, golden, out);
            }
            for (int[] size : new int[][] {{640, 360}, {1280, 720}, {1920, 1080}}) {
                time(renderer, CheckScenes.lights(size[0], size[1]), frames, out);
            }
        }
        return ok;
    }

    private static boolean checkScene(VulkanFrameRenderer renderer, CheckScene check, Path output, Path golden,
            PrintStream out) throws IOException {
        RenderedFrame frame = renderer.render(check.scene(), check.width(), check.height(), check.viewports());
        BufferedImage actual = FrameImages.toImage(frame);
        FrameImages.writePng(actual, output.resolve(check.name() + ".png"));
        if (golden == null) {
            out.printf("  %-14s written%n", check.name());
            return true;
        }
        BufferedImage expected = FrameImages.readPng(golden.resolve(check.name() + ".png"));
        ImageDiff.Result diff = ImageDiff.compare(expected, actual, CHANNEL_THRESHOLD);
        boolean ok = diff.fraction() <= MAX_DIFFERING;
        FrameImages.writePng(diff.diff(), output.resolve(check.name() + "-diff.png"));
        out.printf("  %-14s %s: %.3f %% of pixels differ from the reference%n", check.name(), ok ? "ok" : "DIFFERS",
                diff.fraction() * 100);
        return ok;
    }

    private static void time(VulkanFrameRenderer renderer, CheckScene check, int frames, PrintStream out) {
        for (int i = 0; i < 10; i++) {
            renderer.render(check.scene(), check.width(), check.height(), check.viewports());
        }
        long[] render = new long[frames];
        long[] readback = new long[frames];
        for (int i = 0; i < frames; i++) {
            RenderedFrame frame = renderer.render(check.scene(), check.width(), check.height(), check.viewports());
            render[i] = frame.renderNanos();
            readback[i] = frame.readbackNanos();
        }
        out.printf("  %s %dx%d, %d frames: render median %.3f ms (p95 %.3f), readback median %.3f ms (p95 %.3f)%n",
                check.name(), check.width(), check.height(), frames, percentile(render, 0.5),
                percentile(render, 0.95), percentile(readback, 0.5), percentile(readback, 0.95));
    }

    private static double percentile(long[] nanos, double share) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (share * sorted.length))] / 1e6;
    }
}
