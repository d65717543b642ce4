package io.scenelog.renderer.video.internal;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGBA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import io.scenelog.renderer.video.DecodedFrame;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/** Converts decoded frames (any size or YUV format swscale reads) to RGBA, reallocating only when the size changes. */
final class Yuv420ToRgba implements AutoCloseable {

    private final PointerPointer<BytePointer> target = new PointerPointer<>(1);
    private final IntPointer targetStride = new IntPointer(1);
    private SwsContext sws;
    private BytePointer pixels;
    private long pixelBytes;

    DecodedFrame convert(AVFrame frame) {
        int width = frame.width();
        int height = frame.height();
        sws = sws_getCachedContext(sws, width, height, frame.format(), width, height, AV_PIX_FMT_RGBA, SWS_BILINEAR,
                null, null, (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            throw new IllegalStateException("swscale cannot convert pixel format " + frame.format() + " to RGBA");
        }
        long bytes = (long) width * height * 4;
        if (bytes != pixelBytes) {
            if (pixels != null) {
                pixels.close();
            }
            pixels = new BytePointer(bytes);
            pixelBytes = bytes;
        }
        target.put(0, pixels);
        targetStride.put(0, width * 4);
        sws_scale(sws, frame.data(), frame.linesize(), 0, height, target, targetStride);
        byte[] rgba = new byte[(int) bytes];
        pixels.get(rgba, 0, rgba.length);
        return new DecodedFrame(width, height, rgba);
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
        }
        if (pixels != null) {
            pixels.close();
        }
        target.close();
        targetStride.close();
    }
}
