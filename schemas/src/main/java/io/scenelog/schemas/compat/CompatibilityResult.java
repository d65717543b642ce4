package io.scenelog.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of a compatibility check: compatible when there are no issues. A result, not an
 * exception, so that the build, the release tool and the registry each decide what to do with it.
 *
 * @param issues every incompatibility found, in the order found
 */
public record CompatibilityResult(List<CompatibilityIssue> issues) {

  private static final CompatibilityResult COMPATIBLE = new CompatibilityResult(List.of());

  /** Copies the issues. */
  public CompatibilityResult {
    issues = List.copyOf(issues);
  }

  /** The result with no issues. */
  public static CompatibilityResult compatible() {
    return COMPATIBLE;
  }

  /** Whether no issue was found. */
  public boolean isCompatible() {
    return issues.isEmpty();
  }

  /** This result's issues followed by {@code other}'s. */
  public CompatibilityResult and(CompatibilityResult other) {
    if (other.isCompatible()) {
      return this;
    }
    if (isCompatible()) {
      return other;
    }
    List<CompatibilityIssue> all = new ArrayList<>(issues);
    all.addAll(other.issues);
    return new CompatibilityResult(all);
  }

  /** One line per issue, or {@code "compatible"}. */
  public String describe() {
    if (isCompatible()) {
      return "compatible";
    }
    return issues.stream().map(CompatibilityIssue::describe).collect(Collectors.joining("\n"));
  }
}
