package io.scenelog.edge.json;

import java.math.BigDecimal;

/**
 * The allowed values of a number field, with each end open or closed, so that a rejection can say exactly what
 * was expected ("from 0 to 1", "greater than 0 and less than 180"). An infinite end means no bound on that side.
 *
 * @param min the lower bound, or negative infinity for none
 * @param minInclusive whether {@code min} itself is allowed
 * @param max the upper bound, or positive infinity for none
 * @param maxInclusive whether {@code max} itself is allowed
 */
public record NumberRange(double min, boolean minInclusive, double max, boolean maxInclusive) {

    public NumberRange {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("Invalid number range [" + min + ", " + max + "]");
        }
    }

    /** {@code min <= value <= max}. */
    public static NumberRange closed(double min, double max) {
        return new NumberRange(min, true, max, true);
    }

    /** {@code min < value < max}. */
    public static NumberRange open(double min, double max) {
        return new NumberRange(min, false, max, false);
    }

    /** {@code min <= value}. */
    public static NumberRange atLeast(double min) {
        return new NumberRange(min, true, Double.POSITIVE_INFINITY, false);
    }

    /** {@code min < value}. */
    public static NumberRange greaterThan(double min) {
        return new NumberRange(min, false, Double.POSITIVE_INFINITY, false);
    }

    /** Whether the value lies in the range; NaN never does. */
    public boolean contains(double value) {
        boolean aboveMin = minInclusive ? value >= min : value > min;
        boolean belowMax = maxInclusive ? value <= max : value < max;
        return aboveMin && belowMax;
    }

    /** The range in words, to follow "must be a number ": e.g. "from 0 to 1" or "at least 0". */
    public String describe() {
        boolean hasMin = min != Double.NEGATIVE_INFINITY;
        boolean hasMax = max != Double.POSITIVE_INFINITY;
        if (hasMin && hasMax && minInclusive && maxInclusive) {
            return "from " + format(min) + " to " + format(max);
        }
        String lower = (minInclusive ? "at least " : "greater than ") + format(min);
        String upper = (maxInclusive ? "at most " : "less than ") + format(max);
        if (hasMin && hasMax) {
            return lower + " and " + upper;
        }
        if (hasMin) {
            return lower;
        }
        return hasMax ? upper : "of any finite value";
    }

    /** Bounds as people write them: 180 rather than 180.0. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A float as it was written ({@code 0.1}), not as its exact double widening ({@code 0.10000000149…}). */
    static String format(float value) {
        if (!Float.isFinite(value)) {
            return Float.toString(value);
        }
        return new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }
}
