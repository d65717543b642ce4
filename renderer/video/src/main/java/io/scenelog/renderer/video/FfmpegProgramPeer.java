package io.scenelog.renderer.video;

import io.scenelog.renderer.video.internal.EncoderOptions;
import io.scenelog.renderer.video.internal.FfmpegProgramOutput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * The benchmark peer: FFmpeg's own {@code ffmpeg} program (shipped in the same JavaCPP preset) encoding the same raw
 * RGBA frames with the same encoder and options as {@link VideoEncoders}, so our per-frame cost can be reported as a
 * ratio to FFmpeg's in the same run. It converts with swscale (point sampling) and its encoder and filters run one
 * thread each, as ours; but FFmpeg 7+ runs reading, converting, encoding and writing in separate threads, so its wall
 * time may overlap conversion with encoding: compare CPU time ({@link Run#userNanosPerFrame()}) with ours.
 */
public final class FfmpegProgramPeer {

    private static final long TIMEOUT_SECONDS = 300;

    private final Path program;

    private FfmpegProgramPeer(Path program) {
        this.program = program;
    }

    /**
     * One run of the program.
     *
     * @param frames    the encoded packets it wrote (one per frame in)
     * @param bytes     their total size
     * @param keyFrames how many of them were key frames
     * @param wallNanos the run's wall time, process start and raw-file reading included
     * @param userNanos the user CPU time the program reported ({@code -benchmark})
     */
    public record Run(int frames, long bytes, int keyFrames, long wallNanos, long userNanos) {

        /** Wall time per frame: an upper bound of FFmpeg's per-frame cost. */
        public long wallNanosPerFrame() {
            return frames == 0 ? 0 : wallNanos / frames;
        }

        /** User CPU time per frame: FFmpeg's conversion and encoding cost on one thread. */
        public long userNanosPerFrame() {
            return frames == 0 ? 0 : userNanos / frames;
        }
    }

    /** Unpacks (once per machine) and locates the {@code ffmpeg} program of the FFmpeg preset. */
    public static FfmpegProgramPeer load() {
        return new FfmpegProgramPeer(Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class)));
    }

    /** The program's path. */
    public Path program() {
        return program;
    }

    /** Encodes the frames (each width × height × 4 RGBA bytes from index 0) through a temporary raw file. */
    public Run encode(EncoderSettings settings, List<ByteBuffer> frames) {
        try {
            Path raw = Files.createTempFile("scenelog-peer-", ".rgba");
            try {
                try (FileChannel channel = FileChannel.open(raw, StandardOpenOption.WRITE)) {
                    for (ByteBuffer frame : frames) {
                        ByteBuffer remaining = frame.duplicate().position(0);
                        while (remaining.hasRemaining()) {
                            channel.write(remaining);
                        }
                    }
                }
                return encode(settings, raw);
            } finally {
                Files.deleteIfExists(raw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the raw frames for the ffmpeg program", e);
        }
    }

    /**
     * Encodes a raw RGBA file (frames of the settings' size back to back) and reports what the program wrote.
     *
     * @throws IllegalArgumentException when the file does not hold whole frames of the settings' size
     * @throws IllegalStateException    when the program fails, with its error output
     */
    public Run encode(EncoderSettings settings, Path rawRgba) {
        try {
            requireWholeFrames(settings, Files.size(rawRgba));
            Path errors = Files.createTempFile("scenelog-peer-", ".log");
            try {
                return run(command(settings, rawRgba), errors);
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + program, e);
        }
    }

    private Run run(List<String> command, Path errors) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        // the program's RUNPATH finds FFmpeg's libraries but not their own dependencies (libva) beside them
        builder.environment().put("LD_LIBRARY_PATH", program.getParent().toString());
        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        FfmpegProgramOutput output = new FfmpegProgramOutput();
        try (BufferedReader packets = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            packets.lines().forEach(output::acceptPacketLine);
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + program, e);
        }
        long wallNanos = System.nanoTime() - started;
        String log = Files.readString(errors, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(program + " exited with " + process.exitValue() + ": " + log.strip());
        }
        return new Run(output.packets(), output.bytes(), output.keyPackets(), wallNanos,
                FfmpegProgramOutput.userNanos(log));
    }

    private static void requireWholeFrames(EncoderSettings settings, long bytes) {
        long frameBytes = (long) settings.width() * settings.height() * 4;
        if (bytes == 0 || bytes % frameBytes != 0) {
            throw new IllegalArgumentException("raw RGBA file holds " + bytes + " bytes, not a whole number of "
                    + settings.width() + "x" + settings.height() + " frames of " + frameBytes + " bytes");
        }
    }

    private List<String> command(EncoderSettings settings, Path rawRgba) {
        List<String> command = new ArrayList<>(List.of(program.toString(), "-hide_banner", "-nostdin", "-nostats",
                "-benchmark", "-filter_threads", "1", "-sws_flags", "point",
                "-f", "rawvideo", "-pix_fmt", "rgba", "-s", settings.width() + "x" + settings.height(),
                "-r", Integer.toString(settings.framesPerSecond()), "-i", rawRgba.toString(),
                "-c:v", EncoderOptions.encoderName(settings.codec()), "-pix_fmt", "yuv420p"));
        EncoderOptions.forSettings(settings).forEach((name, value) -> {
            command.add("-" + name + ":v");
            command.add(value);
        });
        // framecrc writes one line per packet (size, flags): the frame count without a second decode
        command.addAll(List.of("-f", "framecrc", "-"));
        return command;
    }
}
