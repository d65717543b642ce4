package io.scenelog.renderer.video.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_LOW_DELAY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.scenelog.renderer.video.DecodedFrame;
import io.scenelog.renderer.video.VideoCodec;
import io.scenelog.renderer.video.VideoDecoder;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/** A {@link VideoDecoder} over FFmpeg's h264/vp8 decoder: one thread, low delay, so each input gives its frame. */
public final class FfmpegVideoDecoder implements VideoDecoder {

    private final VideoCodec codec;
    private final AVCodecContext context;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private final Yuv420ToRgba converter = new Yuv420ToRgba();
    private boolean closed;

    /** Opens the decoder for {@code codec}. */
    public FfmpegVideoDecoder(VideoCodec codec) {
        this.codec = codec;
        AVCodec decoder = FfmpegRuntime.decoder(EncoderOptions.decoderName(codec));
        this.context = avcodec_alloc_context3(decoder);
        // frame threading would hold frames back; low delay makes the h264 decoder output without reordering delay
        context.thread_count(1);
        context.flags(context.flags() | AV_CODEC_FLAG_LOW_DELAY);
        int opened = avcodec_open2(context, decoder, (AVDictionary) null);
        if (opened < 0) {
            close();
            FfmpegRuntime.check(opened, "avcodec_open2(" + EncoderOptions.decoderName(codec) + ")");
        }
    }

    @Override
    public Optional<DecodedFrame> decode(byte[] encoded) {
        if (closed) {
            throw new IllegalStateException(codec + " decoder is closed");
        }
        FfmpegRuntime.check(av_new_packet(packet, encoded.length), "av_new_packet(" + encoded.length + ")");
        try {
            packet.data().put(encoded, 0, encoded.length);
            FfmpegRuntime.check(avcodec_send_packet(context, packet), "avcodec_send_packet(" + codec + ", "
                    + encoded.length + " bytes)");
        } finally {
            av_packet_unref(packet);
        }
        int received = avcodec_receive_frame(context, frame);
        if (received == AVERROR_EAGAIN()) {
            return Optional.empty();
        }
        FfmpegRuntime.check(received, "avcodec_receive_frame(" + codec + ")");
        try {
            return Optional.of(converter.convert(frame));
        } finally {
            av_frame_unref(frame);
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
        av_frame_free(frame);
        converter.close();
    }
}
