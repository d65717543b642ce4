package io.scenelog.bridge.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    @Test
    void shouldKeepOneSendInFlightAndStartTheNextWhenItCompletes() {
        // given
        ManualTransport transport = new ManualTransport(false);
        OutboundQueue queue = new OutboundQueue(transport, 10, 1000, new AtomicLong(), e -> { });

        // when
        queue.offer(new byte[] {1});
        queue.offer(new byte[] {2});
        queue.offer(new byte[] {3});

        // then
        assertThat(transport.sent).hasSize(1);
        transport.completeNext();
        assertThat(transport.sent).hasSize(2);
        transport.completeNext();
        transport.completeNext();
        assertThat(transport.sent).hasSize(3);
        assertThat(queue.size()).isZero();
    }

    @Test
    void shouldRefuseAFrameBeyondItsBoundsAndCountWhatWaits() {
        // given: room for two frames or 10 bytes behind the one in flight
        ManualTransport transport = new ManualTransport(false);
        AtomicLong everywhere = new AtomicLong();
        OutboundQueue queue = new OutboundQueue(transport, 2, 10, everywhere, e -> { });
        queue.offer(new byte[4]);

        // when
        boolean second = queue.offer(new byte[4]);
        boolean third = queue.offer(new byte[4]);
        boolean tooBig = queue.offer(new byte[7]);
        boolean tooMany = queue.offer(new byte[1]);

        // then
        assertThat(second).isTrue();
        assertThat(third).isTrue();
        assertThat(tooBig).isFalse();
        assertThat(tooMany).isFalse();
        assertThat(everywhere.get()).isEqualTo(2);
    }

    @Test
    void shouldSendSendsThatCompleteAtOnceWithoutRecursing() {
        // given: a transport that completes every send before returning
        ManualTransport transport = new ManualTransport(true);
        OutboundQueue queue = new OutboundQueue(transport, 100_000, 100_000_000, new AtomicLong(), e -> { });

        // when
        for (int i = 0; i < 50_000; i++) {
            queue.offer(new byte[] {7});
        }

        // then
        assertThat(transport.sent).hasSize(50_000);
    }

    @Test
    void shouldDropWhatWaitsForASlowClientAndCloseAfterTheLastFrame() {
        // given
        ManualTransport transport = new ManualTransport(false);
        AtomicLong everywhere = new AtomicLong();
        OutboundQueue queue = new OutboundQueue(transport, 10, 1000, everywhere, e -> { });
        queue.offer(new byte[] {1});
        queue.offer(new byte[] {2});
        queue.offer(new byte[] {3});
        List<String> closed = new ArrayList<>();

        // when
        queue.finish(new byte[] {9}, true, () -> closed.add("closed"));
        boolean after = queue.offer(new byte[] {4});
        transport.completeNext();
        transport.completeNext();

        // then
        assertThat(after).isFalse();
        assertThat(transport.sent).extracting(bytes -> bytes[0]).containsExactly((byte) 1, (byte) 9);
        assertThat(closed).containsExactly("closed");
        assertThat(everywhere.get()).isZero();
    }

    @Test
    void shouldReportABrokenSocketOnce() {
        // given
        ManualTransport transport = new ManualTransport(false);
        List<Throwable> broken = new ArrayList<>();
        OutboundQueue queue = new OutboundQueue(transport, 10, 1000, new AtomicLong(), broken::add);
        queue.offer(new byte[] {1});
        queue.offer(new byte[] {2});

        // when
        transport.failNext();

        // then
        assertThat(broken).hasSize(1);
        assertThat(queue.offer(new byte[] {3})).isFalse();
        assertThat(queue.size()).isZero();
    }

    /** Records sends; completes them when told, or at once. */
    private static final class ManualTransport implements Transport {
        final List<byte[]> sent = new ArrayList<>();
        final List<SendCallback> pending = new ArrayList<>();
        private final boolean completeAtOnce;

        ManualTransport(boolean completeAtOnce) {
            this.completeAtOnce = completeAtOnce;
        }

        @Override
        public void send(byte[] message, SendCallback callback) {
            sent.add(message);
            if (completeAtOnce) {
                callback.sent();
            } else {
                pending.add(callback);
            }
        }

        void completeNext() {
            pending.remove(0).sent();
        }

        void failNext() {
            pending.remove(0).failed(new java.io.IOException("connection reset"));
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public void abort() {
        }

        @Override
        public String remote() {
            return "test";
        }
    }
}
