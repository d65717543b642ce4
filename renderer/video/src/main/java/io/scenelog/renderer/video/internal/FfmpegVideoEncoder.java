package io.scenelog.renderer.video.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_count;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import io.scenelog.renderer.video.EncodedFrame;
import io.scenelog.renderer.video.EncoderSettings;
import io.scenelog.renderer.video.VideoCodec;
import io.scenelog.renderer.video.VideoEncoder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * A {@link VideoEncoder} over one FFmpeg encoder context (libopenh264 or libvpx), fed by a reused swscale conversion.
 *
 * <p>Nothing is buffered inside: no B-frames, no look-ahead ({@code lag-in-frames 0}), no frame skipping, so each
 * {@link #encode} returns that frame's packet and {@link #close} has nothing to flush (it frees without draining).
 */
public final class FfmpegVideoEncoder implements VideoEncoder {

    private static final int MICROS_PER_SECOND = 1_000_000;

    private final EncoderSettings settings;
    private final RgbaToYuv420 converter;
    private final AVCodecContext context;
    private final AVPacket packet;
    private final ParameterSetRepeater parameterSets;
    private long lastTimestamp = Long.MIN_VALUE;
    private boolean closed;

    /** Opens the encoder for the settings. */
    public FfmpegVideoEncoder(EncoderSettings settings) {
        this.settings = settings;
        AVCodec codec = FfmpegRuntime.encoder(EncoderOptions.encoderName(settings.codec()));
        this.context = avcodec_alloc_context3(codec);
        try {
            configure(context, settings);
            open(context, codec, EncoderOptions.forSettings(settings));
            this.converter = new RgbaToYuv420(settings.width(), settings.height());
        } catch (RuntimeException e) {
            avcodec_free_context(context);
            throw e;
        }
        this.packet = av_packet_alloc();
        this.parameterSets = settings.codec() == VideoCodec.H264_CONSTRAINED_BASELINE
                ? new ParameterSetRepeater(extradata(context)) : null;
    }

    @Override
    public EncoderSettings settings() {
        return settings;
    }

    @Override
    public EncodedFrame encode(ByteBuffer rgba, long timestampMicros, boolean keyFrame) {
        requireUsable(rgba, timestampMicros);
        long started = System.nanoTime();
        AVFrame frame = converter.convert(rgba);
        long converted = System.nanoTime();
        boolean forceKey = keyFrame || lastTimestamp == Long.MIN_VALUE;
        frame.pts(timestampMicros);
        frame.duration(MICROS_PER_SECOND / settings.framesPerSecond());
        frame.pict_type(forceKey ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        frame.flags(forceKey ? frame.flags() | FfmpegRuntime.AV_FRAME_FLAG_KEY
                : frame.flags() & ~FfmpegRuntime.AV_FRAME_FLAG_KEY);
        FfmpegRuntime.check(avcodec_send_frame(context, frame), "avcodec_send_frame(" + describe() + ")");
        int received = avcodec_receive_packet(context, packet);
        if (received == AVERROR_EAGAIN()) {
            throw new IllegalStateException(describe() + " held back the frame at " + timestampMicros
                    + " us; it must give one frame out per frame in");
        }
        FfmpegRuntime.check(received, "avcodec_receive_packet(" + describe() + ")");
        lastTimestamp = timestampMicros;
        try {
            byte[] data = new byte[packet.size()];
            packet.data().get(data, 0, data.length);
            boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
            if (key && parameterSets != null) {
                data = parameterSets.withParameterSets(data);
            }
            long encoded = System.nanoTime();
            return new EncodedFrame(data, key, timestampMicros, converted - started, encoded - converted);
        } finally {
            av_packet_unref(packet);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        avcodec_free_context(context);
        av_packet_free(packet);
        converter.close();
    }

    private void requireUsable(ByteBuffer rgba, long timestampMicros) {
        if (closed) {
            throw new IllegalStateException(describe() + " is closed");
        }
        if (rgba.limit() != converter.frameBytes()) {
            throw new IllegalArgumentException("RGBA buffer holds " + rgba.limit() + " bytes, expected "
                    + converter.frameBytes() + " for " + settings.width() + "x" + settings.height() + " x 4");
        }
        if (timestampMicros <= lastTimestamp) {
            throw new IllegalArgumentException("timestamp " + timestampMicros + " us does not follow the last one, "
                    + lastTimestamp + " us");
        }
    }

    private String describe() {
        return EncoderOptions.encoderName(settings.codec()) + " " + settings.width() + "x" + settings.height();
    }

    private static void configure(AVCodecContext context, EncoderSettings settings) {
        context.width(settings.width());
        context.height(settings.height());
        context.pix_fmt(AV_PIX_FMT_YUV420P);
        // timestamps stay in the microseconds the renderer gives; the frame rate tells rate control the pace
        context.time_base(new AVRational().num(1).den(MICROS_PER_SECOND));
        context.framerate(new AVRational().num(settings.framesPerSecond()).den(1));
        // BT.601 limited range: what swscale converts to by default and what browsers assume for VP8
        context.color_range(AVCOL_RANGE_MPEG);
        context.colorspace(AVCOL_SPC_SMPTE170M);
        context.color_primaries(AVCOL_PRI_SMPTE170M);
        context.color_trc(AVCOL_TRC_SMPTE170M);
    }

    private static void open(AVCodecContext context, AVCodec codec, Map<String, String> options) {
        AVDictionary dictionary = new AVDictionary(null);
        try {
            options.forEach((name, value) -> av_dict_set(dictionary, name, value, 0));
            FfmpegRuntime.check(avcodec_open2(context, codec, dictionary),
                    "avcodec_open2(" + codec.name().getString() + ", " + options + ")");
            if (av_dict_count(dictionary) > 0) {
                throw new IllegalStateException(codec.name().getString() + " does not know the options "
                        + unusedOptions(dictionary));
            }
        } finally {
            av_dict_free(dictionary);
        }
    }

    private static List<String> unusedOptions(AVDictionary dictionary) {
        List<String> names = new ArrayList<>();
        AVDictionaryEntry entry = null;
        while ((entry = av_dict_get(dictionary, "", entry, AV_DICT_IGNORE_SUFFIX)) != null && !entry.isNull()) {
            names.add(entry.key().getString());
        }
        return names;
    }

    private static byte[] extradata(AVCodecContext context) {
        byte[] data = new byte[Math.max(0, context.extradata_size())];
        if (data.length > 0) {
            context.extradata().get(data, 0, data.length);
        }
        return data;
    }
}
