package io.scenelog.schemas.wire;

import java.util.Objects;

/**
 * Confluent's default subject naming: the schema of a topic's keys is registered under {@code
 * <topic>-key}, that of its values under {@code <topic>-value}.
 */
public final class TopicNameStrategy {

  private TopicNameStrategy() {}

  /** The subject of {@code topic}'s keys or values. */
  public static String subject(String topic, boolean isKey) {
    Objects.requireNonNull(topic, "topic");
    return topic + (isKey ? "-key" : "-value");
  }
}
