package io.scenelog.renderer.video.internal;

import java.io.ByteArrayOutputStream;

/**
 * Makes every H.264 key frame carry its SPS and PPS, so that a viewer joining at any key frame can decode it
 * (WebCodecs takes Annex B without a description only then). openh264 repeats them itself; this remembers the last
 * ones seen (or the encoder's extradata) and puts them in front of a key frame that lacks them.
 */
public final class ParameterSetRepeater {

    private byte[] parameterSets;

    /** @param extradata the encoder's Annex B extradata, empty when it has none */
    public ParameterSetRepeater(byte[] extradata) {
        this.parameterSets = AnnexB.hasParameterSets(extradata) ? extradata.clone() : null;
    }

    /**
     * Returns the key frame with parameter sets: unchanged when it has them, else with the remembered ones first.
     *
     * @throws IllegalStateException when neither the frame nor anything before it carried parameter sets
     */
    public byte[] withParameterSets(byte[] keyFrame) {
        if (AnnexB.hasParameterSets(keyFrame)) {
            parameterSets = extractParameterSets(keyFrame);
            return keyFrame;
        }
        if (parameterSets == null) {
            throw new IllegalStateException("H.264 key frame of " + keyFrame.length + " bytes has NAL units "
                    + AnnexB.types(keyFrame) + " and the encoder gave no SPS/PPS to repeat");
        }
        byte[] repaired = new byte[parameterSets.length + keyFrame.length];
        System.arraycopy(parameterSets, 0, repaired, 0, parameterSets.length);
        System.arraycopy(keyFrame, 0, repaired, parameterSets.length, keyFrame.length);
        return repaired;
    }

    private static byte[] extractParameterSets(byte[] stream) {
        ByteArrayOutputStream sets = new ByteArrayOutputStream();
        for (AnnexB.Nal nal : AnnexB.units(stream)) {
            if (nal.type() == AnnexB.SPS || nal.type() == AnnexB.PPS) {
                sets.write(stream, nal.start(), nal.end() - nal.start());
            }
        }
        return sets.toByteArray();
    }
}
