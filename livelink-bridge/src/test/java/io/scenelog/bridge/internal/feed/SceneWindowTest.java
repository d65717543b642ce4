package io.scenelog.bridge.internal.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SceneWindowTest {

    private static final FrameCodec CODEC = new FrameCodec();
    private static final UUID SCENE = UUID.randomUUID();

    @Test
    void shouldStartAFreshSinkAtTheQueriedVersionWhenItIsNewer() {
        // given: events 5 to 7 at offsets 100 to 102; the state store is already at 9 (not yet committed)
        SceneWindow window = window(10, 100);
        appendVersions(window, 5, 7, 100);
        Sink sink = new Sink();

        // when
        long start = window.attachFresh(sink, 9, version -> sink.welcomedAt = version);
        window.append(entry(8, 103));
        window.append(entry(9, 104));
        window.append(entry(10, 105));

        // then
        assertThat(start).isEqualTo(9);
        assertThat(sink.welcomedAt).isEqualTo(9);
        assertThat(sink.versions).containsExactly(10L);
    }

    @Test
    void shouldStartAFreshSinkAtTheLiveStreamsVersionWhenTheQueryIsOlder() {
        // given
        SceneWindow window = window(10, 100);
        appendVersions(window, 5, 7, 100);
        Sink sink = new Sink();

        // when: the state queries answered an older version than the feed has read
        long start = window.attachFresh(sink, 2, version -> sink.welcomedAt = version);
        window.append(entry(8, 103));

        // then
        assertThat(start).isEqualTo(7);
        assertThat(sink.versions).containsExactly(8L);
    }

    @Test
    void shouldAttachAResumeItHoldsEverythingAfterAndDeliverLiveEventsOnce() {
        // given
        SceneWindow window = window(10, 100);
        appendVersions(window, 5, 7, 100);
        Sink sink = new Sink();

        // when
        boolean attached = window.attach(sink, 5, false, () -> { });
        window.append(entry(8, 103));

        // then
        assertThat(attached).isTrue();
        assertThat(sink.versions).containsExactly(6L, 7L, 8L);
    }

    @Test
    void shouldNotAttachAResumeOlderThanItHolds() {
        // given
        SceneWindow window = window(10, 100);
        appendVersions(window, 5, 7, 100);
        Sink sink = new Sink();

        // when
        boolean attached = window.attach(sink, 2, false, () -> sink.welcomedAt = 2);

        // then
        assertThat(attached).isFalse();
        assertThat(sink.welcomedAt).isEqualTo(-1);
        assertThat(sink.versions).isEmpty();
    }

    @Test
    void shouldDropOldEventsAndMoveItsCoverage() {
        // given: a window of three events
        SceneWindow window = window(3, 100);

        // when
        appendVersions(window, 1, 5, 100);

        // then
        assertThat(window.size()).isEqualTo(3);
        assertThat(window.firstVersion()).hasValue(3);
        assertThat(window.coverageStart()).isEqualTo(102);
    }

    @Test
    void shouldAttachACatchUpOnceItReadsUpToTheCoverage() {
        // given: the window lost versions 1 and 2; a catch-up delivered 1 from the log
        SceneWindow window = window(3, 100);
        appendVersions(window, 1, 5, 100);
        Sink sink = new Sink();
        sink.onEvent(entry(1, 100));

        // when: the catch-up has read offset 100, then offset 101 too
        boolean early = window.attachAfterCatchUp(sink, 101);
        sink.onEvent(entry(2, 101));
        boolean reached = window.attachAfterCatchUp(sink, 102);

        // then
        assertThat(early).isFalse();
        assertThat(reached).isTrue();
        assertThat(sink.versions).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void shouldLetASinkDetachWhileAnEventIsHandedOut() {
        // given: a sink that leaves on its first event
        SceneWindow window = window(10, 100);
        Sink leaving = new Sink();
        leaving.onFirst = () -> window.detach(leaving);
        Sink staying = new Sink();
        window.attach(leaving, 0, true, () -> { });
        window.attach(staying, 0, true, () -> { });

        // when
        window.append(entry(1, 100));
        window.append(entry(2, 101));

        // then
        assertThat(leaving.versions).containsExactly(1L);
        assertThat(staying.versions).containsExactly(1L, 2L);
    }

    private static SceneWindow window(int events, long startOffset) {
        return new SceneWindow(SCENE, 3, startOffset, events, 1 << 20);
    }

    @Test
    void shouldKeepDeliveringToTheOtherSinksWhenOneFails() {
        // given: three sinks, the middle one broken
        SceneWindow window = window(10, 100);
        Sink first = new Sink();
        Sink broken = new Sink();
        broken.onFirst = () -> {
            throw new IllegalStateException("a bug in one connection");
        };
        Sink last = new Sink();
        for (Sink sink : List.of(first, broken, last)) {
            window.attachFresh(sink, 0, version -> sink.welcomedAt = version);
        }

        // when
        window.append(entry(1, 100));
        window.append(entry(2, 101));

        // then: the others got both events; the broken one was dropped and told, once
        assertThat(first.versions).containsExactly(1L, 2L);
        assertThat(last.versions).containsExactly(1L, 2L);
        assertThat(broken.failures).hasSize(1);
        assertThat(window.sinkCount()).isEqualTo(2);
    }

    private static void appendVersions(SceneWindow window, long from, long to, long firstOffset) {
        for (long version = from; version <= to; version++) {
            window.append(entry(version, firstOffset + version - from));
        }
    }

    static EventEntry entry(long version, long offset) {
        byte[] frame = CODEC.encode(Frame.of(EventHeaderTest.event(SCENE, version, "c", null, true,
                Instant.EPOCH)));
        return new EventEntry(offset, EventHeader.read(frame, 1), frame);
    }

    /** Keeps what it is given, dropping repeats as a connection does. */
    private static final class Sink implements EventSink {
        final List<Long> versions = new ArrayList<>();
        long welcomedAt = -1;
        Runnable onFirst = () -> { };
        final List<RuntimeException> failures = new ArrayList<>();

        @Override
        public void onEvent(EventEntry entry) {
            if (entry.version() <= lastEventVersion()) {
                return;
            }
            versions.add(entry.version());
            if (versions.size() == 1) {
                onFirst.run();
            }
        }

        @Override
        public void failed(RuntimeException problem) {
            failures.add(problem);
        }

        @Override
        public long lastEventVersion() {
            return versions.isEmpty() ? (welcomedAt >= 0 ? welcomedAt : -1) : versions.get(versions.size() - 1);
        }
    }
}
