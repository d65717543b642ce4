package io.scenelog.schemas.compat;

import java.util.Locale;

/**
 * The compatibility levels of the Confluent Schema Registry. BACKWARD: the new schema reads data
 * written with the old one (consumers upgrade first). FORWARD: the old schema reads data written
 * with the new one (producers upgrade first). FULL: both. A TRANSITIVE level checks against every
 * earlier version, the others against the latest only. NONE checks nothing.
 */
public enum CompatibilityLevel {
  /** No check. */
  NONE(false, false, false),
  /** The new schema reads data of the latest version. */
  BACKWARD(true, false, false),
  /** The new schema reads data of every earlier version. */
  BACKWARD_TRANSITIVE(true, false, true),
  /** The latest version reads data of the new schema. */
  FORWARD(false, true, false),
  /** Every earlier version reads data of the new schema. */
  FORWARD_TRANSITIVE(false, true, true),
  /** BACKWARD and FORWARD against the latest version. */
  FULL(true, true, false),
  /** BACKWARD and FORWARD against every earlier version. */
  FULL_TRANSITIVE(true, true, true);

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  /** Whether the new schema must read data written with earlier versions. */
  public boolean newReadsOld() {
    return newReadsOld;
  }

  /** Whether earlier versions must read data written with the new schema. */
  public boolean oldReadsNew() {
    return oldReadsNew;
  }

  /** Whether every earlier version is checked, rather than the latest only. */
  public boolean transitive() {
    return transitive;
  }

  /**
   * Parses a level as the registry API spells it ({@code "BACKWARD_TRANSITIVE"}), ignoring case.
   *
   * @throws IllegalArgumentException naming the text and the known levels
   */
  public static CompatibilityLevel parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "Unknown compatibility level '" + text + "'; expected one of "
              + java.util.Arrays.toString(values()),
          e);
    }
  }
}
