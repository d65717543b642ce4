package io.scenelog.renderer.video.internal;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_license;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.avutil.av_version_info;

import io.scenelog.renderer.video.VideoCodecException;
import io.scenelog.renderer.video.VideoCodecUnavailableException;
import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.javacpp.Loader;

/** Loads FFmpeg's natives once and turns FFmpeg's return codes and missing codecs into exceptions that explain. */
public final class FfmpegRuntime {

    /** AV_FRAME_FLAG_KEY from libavutil/frame.h: a macro, so the preset does not map it. */
    public static final int AV_FRAME_FLAG_KEY = 1 << 1;

    static {
        // libvpx and openh264 log every stream's settings at info level; errors are all a renderer wants on stderr
        av_log_set_level(AV_LOG_ERROR);
    }

    private FfmpegRuntime() {
    }

    /** The encoder named {@code name}, or an exception naming the FFmpeg build that lacks it. */
    public static AVCodec encoder(String name) {
        AVCodec codec = avcodec_find_encoder_by_name(name);
        if (codec == null || codec.isNull()) {
            throw new VideoCodecUnavailableException("FFmpeg " + describeBuild() + " has no encoder '" + name
                    + "'; use org.bytedeco:ffmpeg with classifier " + Loader.getPlatform()
                    + " (LGPL, has libopenh264 and libvpx) or " + Loader.getPlatform() + "-gpl");
        }
        return codec;
    }

    /** The decoder named {@code name}, or an exception naming the FFmpeg build that lacks it. */
    public static AVCodec decoder(String name) {
        AVCodec codec = avcodec_find_decoder_by_name(name);
        if (codec == null || codec.isNull()) {
            throw new VideoCodecUnavailableException("FFmpeg " + describeBuild() + " has no decoder '" + name + "'");
        }
        return codec;
    }

    /** The FFmpeg version, licence and the {@code org.bytedeco:ffmpeg} classifier it came from. */
    public static String describeBuild() {
        String license = avcodec_license().getString();
        String classifier = Loader.getPlatform() + (license.startsWith("GPL") ? "-gpl" : "");
        return av_version_info().getString() + " (" + license + ", classifier " + classifier + ")";
    }

    /** Returns {@code result} when it is not an error, else throws naming the call and FFmpeg's error text. */
    public static int check(int result, String call) {
        if (result < 0) {
            throw new VideoCodecException(call + " failed: " + errorText(result) + " (" + result + ")");
        }
        return result;
    }

    /** FFmpeg's text for an error code. */
    public static String errorText(int error) {
        byte[] text = new byte[256];
        if (av_strerror(error, text, text.length) < 0) {
            return "unknown FFmpeg error";
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, StandardCharsets.UTF_8);
    }
}
