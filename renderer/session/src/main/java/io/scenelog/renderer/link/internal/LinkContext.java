package io.scenelog.renderer.link.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.scenelog.renderer.link.RenderLinkHandler;
import io.scenelog.renderer.link.RenderLinkSettings;
import io.scenelog.schemas.livelink.FrameCodec;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every connection of one server shares.
 *
 * @param settings   the server's settings
 * @param handshake  decides Hellos
 * @param handler    the renderer side
 * @param routes     which connection serves which client
 * @param codec      Livelink frames, bounded by the inbound message limit
 * @param heartbeats the scheduler of pings
 * @param clock      the time in heartbeats
 * @param metrics    the registry
 * @param dropped    video frames dropped for slow bridges
 * @param refused    connections refused at the Hello
 */
record LinkContext(RenderLinkSettings settings, LinkHandshake handshake, RenderLinkHandler handler,
        ClientRoutes routes, FrameCodec codec, ScheduledExecutorService heartbeats, Clock clock,
        MeterRegistry metrics, Counter dropped, Counter refused) {
}
