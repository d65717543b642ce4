package io.scenelog.renderer.video.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the {@code ffmpeg} program prints: {@code framecrc} packet lines and the {@code -benchmark} summary. */
public final class FfmpegProgramOutput {

    /** {@code stream, dts, pts, duration, size, crc[, F=flags][, S=...]}; flags are left out when exactly "key". */
    private static final Pattern PACKET = Pattern.compile(
            "^\\d+,\\s*-?\\d+,\\s*-?\\d+,\\s*\\d+,\\s*(\\d+),\\s*0x[0-9a-f]+(?:,\\s*F=0x([0-9A-Fa-f]+))?.*");
    private static final Pattern USER_TIME = Pattern.compile("bench: utime=([0-9.]+)s");
    private static final int KEY_FLAG = 1;

    private int packets;
    private long bytes;
    private int keyPackets;

    /** Counts a stdout line when it describes a packet (header comments start with {@code #}). */
    public void acceptPacketLine(String line) {
        Matcher packet = PACKET.matcher(line);
        if (!packet.matches()) {
            return;
        }
        packets++;
        bytes += Long.parseLong(packet.group(1));
        if (packet.group(2) == null || (Integer.parseInt(packet.group(2), 16) & KEY_FLAG) != 0) {
            keyPackets++;
        }
    }

    /** Packets counted. */
    public int packets() {
        return packets;
    }

    /** Their total size in bytes. */
    public long bytes() {
        return bytes;
    }

    /** Packets flagged as key frames. */
    public int keyPackets() {
        return keyPackets;
    }

    /**
     * The user CPU time from the {@code bench: utime=...s} line of the program's error output.
     *
     * @throws IllegalStateException when the output has no such line
     */
    public static long userNanos(String log) {
        Matcher time = USER_TIME.matcher(log);
        if (!time.find()) {
            throw new IllegalStateException("ffmpeg printed no 'bench: utime=' line: " + log.strip());
        }
        return Math.round(Double.parseDouble(time.group(1)) * 1e9);
    }
}
