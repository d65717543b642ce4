package io.scenelog.bridge.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    @Test
    void shouldNotWriteOnTheQueuingThreadButHandTheWriterARunOfFrames() {
        // given
        ManualTransport transport = new ManualTransport(false);
        OutboundQueue queue = new OutboundQueue(transport, 10, 1000, new AtomicLong(), e -> { });

        // when
        queue.offer(new byte[] {1});
        queue.offer(new byte[] {2});
        queue.offer(new byte[] {3});

        // then: nothing written until the writer drains, and then the three at once, the last closing the run
        assertThat(transport.sent).isEmpty();
        assertThat(transport.writer.tasks).hasSize(1);
        transport.writer.runAll();
        assertThat(transport.sent).extracting(bytes -> bytes[0]).containsExactly((byte) 1, (byte) 2, (byte) 3);
        assertThat(transport.moreFollow).containsExactly(true, true, false);
        transport.completeAll();
        assertThat(queue.size()).isZero();
    }

    @Test
    void shouldKeepAtMostSixteenFramesInFlightAndSendTheRestInOrderAsTheyComplete() {
        // given
        ManualTransport transport = new ManualTransport(false);
        OutboundQueue queue = new OutboundQueue(transport, 100, 100_000, new AtomicLong(), e -> { });
        for (int i = 0; i < 20; i++) {
            queue.offer(new byte[] {(byte) i});
        }

        // when
        transport.writer.runAll();
        int handedAtFirst = transport.sent.size();
        transport.completeNext();
        transport.writer.runAll();
        transport.completeAll();
        transport.writer.runAll();

        // then
        assertThat(handedAtFirst).isEqualTo(OutboundQueue.MAX_IN_FLIGHT_FRAMES);
        assertThat(transport.sent).extracting(bytes -> (int) bytes[0])
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
    }

    @Test
    void shouldRefuseAFrameBeyondItsBoundsAndSlackCountingFramesUntilTheyAreWritten() {
        // given: room for two frames or 10 bytes, and a slack of one 4-byte frame (the one handed to the socket)
        ManualTransport transport = new ManualTransport(false);
        AtomicLong everywhere = new AtomicLong();
        OutboundQueue queue = new OutboundQueue(transport, 2, 10, 1, 4, everywhere, e -> { });
        queue.offer(new byte[4]);
        transport.writer.runAll();

        // when
        boolean second = queue.offer(new byte[4]);
        boolean third = queue.offer(new byte[4]);
        boolean tooBig = queue.offer(new byte[7]);
        boolean tooMany = queue.offer(new byte[1]);
        transport.completeNext();
        boolean afterTheFirstWasWritten = queue.offer(new byte[1]);

        // then
        assertThat(second).isTrue();
        assertThat(third).isTrue();
        assertThat(tooBig).isFalse();
        assertThat(tooMany).isFalse();
        assertThat(afterTheFirstWasWritten).isTrue();
        assertThat(everywhere.get()).isEqualTo(3);
        assertThat(queue.bytes()).isEqualTo(9);
    }

    @Test
    void shouldSendSendsThatCompleteAtOnceWithoutRecursing() {
        // given: a transport that completes every send before returning, written on the queuing thread
        ManualTransport transport = new ManualTransport(true);
        OutboundQueue queue = new OutboundQueue(transport, 100_000, 100_000_000, new AtomicLong(), e -> { });

        // when
        for (int i = 0; i < 50_000; i++) {
            queue.offer(new byte[] {7});
        }
        transport.writer.runAll();

        // then
        assertThat(transport.sent).hasSize(50_000);
        assertThat(queue.size()).isZero();
    }

    @Test
    void shouldDrainALongQueueInTurnsThatLetOtherConnectionsWrite() {
        // given
        ManualTransport transport = new ManualTransport(true);
        OutboundQueue queue = new OutboundQueue(transport, 1000, 1_000_000, new AtomicLong(), e -> { });
        for (int i = 0; i < 1000; i++) {
            queue.offer(new byte[] {7});
        }

        // when: the writer runs one task
        transport.writer.runNext();

        // then: it handed over a share and queued the rest behind other connections' drains
        assertThat(transport.sent).hasSizeLessThan(1000);
        assertThat(transport.writer.tasks).hasSize(1);
        transport.writer.runAll();
        assertThat(transport.sent).hasSize(1000);
    }

    @Test
    void shouldDropWhatWaitsForASlowClientAndCloseAfterTheLastFrame() {
        // given: one frame handed to the socket, two waiting
        ManualTransport transport = new ManualTransport(false);
        AtomicLong everywhere = new AtomicLong();
        OutboundQueue queue = new OutboundQueue(transport, 10, 1000, everywhere, e -> { });
        queue.offer(new byte[] {1});
        transport.writer.runAll();
        queue.offer(new byte[] {2});
        queue.offer(new byte[] {3});
        List<String> closed = new ArrayList<>();

        // when
        queue.finish(new byte[] {9}, true, () -> closed.add("closed"));
        boolean after = queue.offer(new byte[] {4});
        transport.writer.runAll();
        transport.completeNext();
        List<String> closedBeforeTheLastWasWritten = new ArrayList<>(closed);
        transport.completeNext();

        // then
        assertThat(after).isFalse();
        assertThat(transport.sent).extracting(bytes -> bytes[0]).containsExactly((byte) 1, (byte) 9);
        assertThat(closedBeforeTheLastWasWritten).isEmpty();
        assertThat(closed).containsExactly("closed");
        assertThat(everywhere.get()).isZero();
    }

    @Test
    void shouldReportABrokenSocketOnce() {
        // given: two frames handed to the socket, one waiting
        ManualTransport transport = new ManualTransport(false);
        List<Throwable> broken = new ArrayList<>();
        AtomicLong everywhere = new AtomicLong();
        OutboundQueue queue = new OutboundQueue(transport, 10, 1000, everywhere, broken::add);
        queue.offer(new byte[] {1});
        queue.offer(new byte[] {2});
        transport.writer.runAll();
        queue.offer(new byte[] {3});

        // when
        transport.failNext();
        transport.failNext();
        transport.writer.runAll();

        // then
        assertThat(broken).hasSize(1);
        assertThat(transport.sent).hasSize(2);
        assertThat(queue.offer(new byte[] {4})).isFalse();
        assertThat(queue.size()).isZero();
        assertThat(everywhere.get()).isZero();
    }

    /** Runs tasks when told. */
    @Test
    void shouldDropVideoBeyondHalfTheQueueUntilTheNextKeyFrameAskingForOneOnce() {
        // given: room for 20 frames; nothing is written (the client does not read)
        ManualTransport transport = new ManualTransport(false);
        OutboundQueue queue = new OutboundQueue(transport, 20, 100_000, new AtomicLong(), e -> { }, () -> { });
        for (int i = 0; i < 10; i++) {
            assertThat(queue.offerVideo(new byte[] {5, (byte) i}, i == 0)).isEqualTo(OutboundQueue.VideoOffer.QUEUED);
        }

        // when: video beyond half the queue
        OutboundQueue.VideoOffer firstLost = queue.offerVideo(new byte[] {5, 10}, false);
        OutboundQueue.VideoOffer nextLost = queue.offerVideo(new byte[] {5, 11}, false);
        transport.writer.runAll();
        transport.completeAll();
        OutboundQueue.VideoOffer deltaAfterRoom = queue.offerVideo(new byte[] {5, 12}, false);
        OutboundQueue.VideoOffer keyAfterRoom = queue.offerVideo(new byte[] {5, 13}, true);

        // then: one key-frame request for the loss, nothing decodable is lost in between, the key frame restarts
        assertThat(firstLost).isEqualTo(OutboundQueue.VideoOffer.DROPPED_NEEDS_KEY_FRAME);
        assertThat(nextLost).isEqualTo(OutboundQueue.VideoOffer.DROPPED);
        assertThat(deltaAfterRoom).isEqualTo(OutboundQueue.VideoOffer.DROPPED);
        assertThat(keyAfterRoom).isEqualTo(OutboundQueue.VideoOffer.QUEUED);
        // events still have the other half
        for (int i = 0; i < 10; i++) {
            assertThat(queue.offer(new byte[] {8, (byte) i})).isTrue();
        }
    }

    @Test
    void shouldEvictWaitingVideoForAnEventAndSkipVideoUntilAKeyFrame() {
        // given: a queue of 20 frames holding 4 video frames (one handed to the socket) and 16 events
        ManualTransport transport = new ManualTransport(false);
        List<String> lost = new ArrayList<>();
        OutboundQueue queue = new OutboundQueue(transport, 20, 100_000, 0, 0, new AtomicLong(), e -> { },
                () -> lost.add("lost"));
        queue.offerVideo(new byte[] {5, 0}, true);
        transport.writer.runAll();
        for (int i = 1; i < 4; i++) {
            queue.offerVideo(new byte[] {5, (byte) i}, false);
        }
        for (int i = 0; i < 16; i++) {
            assertThat(queue.offer(new byte[] {8, (byte) i})).isTrue();
        }

        // when: one more event than fits
        boolean queued = queue.offer(new byte[] {8, 16});

        // then: the waiting video made room, the loss was reported, and video waits for a key frame
        assertThat(queued).isTrue();
        assertThat(lost).hasSize(1);
        assertThat(queue.size()).isEqualTo(18);
        assertThat(queue.offerVideo(new byte[] {5, 4}, false)).isEqualTo(OutboundQueue.VideoOffer.DROPPED);
        transport.completeAll();
        transport.writer.runAll();
        transport.completeAll();
        transport.writer.runAll();
        transport.completeAll();
        assertThat(queue.offerVideo(new byte[] {5, 5}, true)).isEqualTo(OutboundQueue.VideoOffer.QUEUED);
        transport.writer.runAll();
        assertThat(transport.sent).filteredOn(bytes -> bytes[0] == 5).extracting(bytes -> (int) bytes[1])
                .containsExactly(0, 5);
    }

    private static final class ManualExecutor implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.addLast(task);
        }

        void runNext() {
            tasks.removeFirst().run();
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                runNext();
            }
        }
    }

    /** Records sends; completes them when told, or at once. */
    private static final class ManualTransport implements Transport {
        final List<byte[]> sent = new ArrayList<>();
        final List<Boolean> moreFollow = new ArrayList<>();
        final List<SendCallback> pending = new ArrayList<>();
        final ManualExecutor writer = new ManualExecutor();
        private final boolean completeAtOnce;

        ManualTransport(boolean completeAtOnce) {
            this.completeAtOnce = completeAtOnce;
        }

        @Override
        public void send(byte[] message, SendCallback callback) {
            send(message, false, callback);
        }

        @Override
        public void send(byte[] message, boolean more, SendCallback callback) {
            sent.add(message);
            moreFollow.add(more);
            if (completeAtOnce) {
                callback.sent();
            } else {
                pending.add(callback);
            }
        }

        @Override
        public Executor writer() {
            return writer;
        }

        void completeNext() {
            pending.remove(0).sent();
        }

        void completeAll() {
            while (!pending.isEmpty()) {
                completeNext();
            }
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
