package io.scenelog.renderer.video.internal;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGBA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.swscale.SWS_POINT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts RGBA frames of one size into one reused YUV 4:2:0 {@link AVFrame} with swscale. Everything native is
 * allocated once; a heap buffer is copied into a native staging buffer, a direct buffer is read in place.
 */
public final class RgbaToYuv420 implements AutoCloseable {

    /**
     * Same size in and out, so swscale only subsamples chroma: point sampling measured about as fast as fast-bilinear
     * here and keeps edges crisp (see the module README).
     */
    static final int SWS_FLAGS = SWS_POINT;

    private final int width;
    private final int height;
    private final SwsContext sws;
    private final AVFrame frame;
    private final PointerPointer<BytePointer> source = new PointerPointer<>(1);
    private final IntPointer sourceStride;
    private BytePointer staging;
    private ByteBuffer stagingBuffer;

    /** Allocates the converter and its YUV frame for {@code width} × {@code height}. */
    public RgbaToYuv420(int width, int height) {
        this.width = width;
        this.height = height;
        this.sourceStride = new IntPointer(1).put(0, width * 4);
        this.sws = sws_getContext(width, height, AV_PIX_FMT_RGBA, width, height, AV_PIX_FMT_YUV420P, SWS_FLAGS,
                null, null, (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            throw new IllegalStateException("swscale has no RGBA to YUV420P conversion for " + width + "x" + height);
        }
        this.frame = av_frame_alloc();
        frame.format(AV_PIX_FMT_YUV420P).width(width).height(height);
        FfmpegRuntime.check(av_frame_get_buffer(frame, 0), "av_frame_get_buffer(" + width + "x" + height + ")");
    }

    /** The number of RGBA bytes in one frame. */
    public int frameBytes() {
        return width * height * 4;
    }

    /**
     * Converts one RGBA frame (from index 0 of {@code rgba}, {@link #frameBytes()} long) into {@link #frame()}.
     *
     * @return the converted frame, the same object every call
     */
    public AVFrame convert(ByteBuffer rgba) {
        // the encoder may still hold a reference to the last frame's buffers; this copies only if it does
        FfmpegRuntime.check(av_frame_make_writable(frame), "av_frame_make_writable");
        source.put(0, rgba.isDirect() ? new BytePointer(rgba.duplicate().position(0)) : copyToStaging(rgba));
        sws_scale(sws, source, sourceStride, 0, height, frame.data(), frame.linesize());
        return frame;
    }

    /** The YUV frame the conversions write to. */
    public AVFrame frame() {
        return frame;
    }

    private BytePointer copyToStaging(ByteBuffer rgba) {
        if (staging == null) {
            staging = new BytePointer((long) frameBytes());
            stagingBuffer = staging.asByteBuffer();
        }
        stagingBuffer.clear();
        stagingBuffer.put(rgba.duplicate().position(0));
        return staging;
    }

    @Override
    public void close() {
        sws_freeContext(sws);
        av_frame_free(frame);
        source.close();
        sourceStride.close();
        if (staging != null) {
            staging.close();
        }
    }
}
