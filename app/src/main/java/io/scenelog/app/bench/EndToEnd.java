package io.scenelog.app.bench;

/**
 * The end-to-end phase: an editor's action over Livelink until every connected client has its committed event.
 *
 * @param clients  how many clients had to receive each event
 * @param rate     actions per second the editor sent
 * @param latency  {@code act()} call to the last client's delivery; {@code missing}: timed actions some client never
 *                 received within the drain time
 * @param rejected actions the platform did not accept (or whose result never came)
 */
record EndToEnd(int clients, double rate, Percentiles latency, long rejected) {
}
