package io.scenelog.schemas.livelink;

/** Who may send frames on a Livelink {@link Channel}. */
public enum Direction {
  /** Only the client (browser, headless client) sends; the bridge receives. */
  CLIENT_TO_SERVER,
  /** Only the bridge sends; the client receives. */
  SERVER_TO_CLIENT,
  /** Both send, with the same payload record. */
  BOTH;

  /**
   * Whether a frame travelling {@code travelling} ({@link #CLIENT_TO_SERVER} or {@link
   * #SERVER_TO_CLIENT}) may use a channel of this direction.
   */
  public boolean allows(Direction travelling) {
    return this == BOTH || this == travelling;
  }
}
