package io.scenelog.app.bench;

import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bare peer's events: the writer's committed event as captured from the run, re-encoded as a Livelink event frame
 * with versions 1, 2, 3... (byte for byte what the bridge sends for such an event: it copies the same Avro bytes
 * behind the channel byte), each referenced at the moment the server starts sending it.
 */
final class BareSource implements EventSource {

    private final BareBroadcastServer server;
    private final SceneEvent sample;
    private final FrameCodec codec;
    private final RoundSwitch rounds;
    private final AtomicLong sent = new AtomicLong();

    /** @param sample an event of the writer; its version is replaced */
    BareSource(BareBroadcastServer server, SceneEvent sample, FrameCodec codec, RoundSwitch rounds) {
        this.server = server;
        this.sample = sample;
        this.codec = codec;
        this.rounds = rounds;
    }

    @Override
    public void send(boolean timed) {
        long version = sent.get() + 1;
        byte[] frame = codec.encode(Frame.of(SceneEvent.newBuilder(sample).setVersion(version).build()));
        rounds.current().reference(version, System.nanoTime(), timed);
        server.broadcast(frame);
        sent.set(version);
    }

    @Override
    public long sent() {
        return sent.get();
    }
}
