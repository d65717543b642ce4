package io.scenelog.renderer.video.internal;

import java.util.ArrayList;
import java.util.List;

/** Reads the NAL units of an H.264 Annex B byte stream (start codes {@code 00 00 01} or {@code 00 00 00 01}). */
public final class AnnexB {

    /** NAL unit type of an IDR slice. */
    public static final int IDR = 5;
    /** NAL unit type of a sequence parameter set. */
    public static final int SPS = 7;
    /** NAL unit type of a picture parameter set. */
    public static final int PPS = 8;

    private AnnexB() {
    }

    /**
     * One NAL unit of a stream.
     *
     * @param type  the nal_unit_type (low five bits of the header byte)
     * @param start the index of its start code
     * @param end   the index after its last byte (the next start code or the end of the stream)
     */
    public record Nal(int type, int start, int end) {
    }

    /** Whether the stream begins with a start code. */
    public static boolean startsWithStartCode(byte[] stream) {
        return startCodeLength(stream, 0) > 0;
    }

    /** The NAL units in order; empty when there is no start code. */
    public static List<Nal> units(byte[] stream) {
        List<Nal> units = new ArrayList<>();
        int previousStart = -1;
        int previousType = 0;
        for (int i = 0; i + 3 <= stream.length; i++) {
            int codeLength = startCodeLength(stream, i);
            if (codeLength == 0 || i + codeLength >= stream.length) {
                continue;
            }
            if (previousStart >= 0) {
                units.add(new Nal(previousType, previousStart, i));
            }
            previousStart = i;
            previousType = stream[i + codeLength] & 0x1F;
            i += codeLength;
        }
        if (previousStart >= 0) {
            units.add(new Nal(previousType, previousStart, stream.length));
        }
        return units;
    }

    /** The NAL unit types in order. */
    public static List<Integer> types(byte[] stream) {
        return units(stream).stream().map(Nal::type).toList();
    }

    /** Whether the stream carries both a sequence and a picture parameter set. */
    public static boolean hasParameterSets(byte[] stream) {
        List<Integer> types = types(stream);
        return types.contains(SPS) && types.contains(PPS);
    }

    private static int startCodeLength(byte[] stream, int at) {
        if (at + 3 <= stream.length && stream[at] == 0 && stream[at + 1] == 0) {
            if (stream[at + 2] == 1) {
                return 3;
            }
            if (at + 4 <= stream.length && stream[at + 2] == 0 && stream[at + 3] == 1) {
                return 4;
            }
        }
        return 0;
    }
}
