package io.scenelog.renderer.session.internal;

import io.scenelog.renderer.draw.FrameRenderer;
import io.scenelog.renderer.video.EncoderSettings;
import io.scenelog.renderer.video.VideoEncoder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the render loop gets its collaborators: one frame renderer, opened on the render thread when the first stream
 * starts (a session of headless clients never touches the GPU), an encoder per stream, and the picker.
 *
 * @param frameRenderer opens the frame renderer
 * @param encoders      opens an encoder
 * @param picker        answers pick queries
 */
public record RenderParts(Supplier<FrameRenderer> frameRenderer, Function<EncoderSettings, VideoEncoder> encoders,
        Picking picker) {
}
