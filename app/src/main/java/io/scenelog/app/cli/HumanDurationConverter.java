package io.scenelog.app.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads durations the way operators write them: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, or ISO-8601
 * ({@code PT30S}). A bare number is refused, because "30" could mean seconds or milliseconds.
 */
public final class HumanDurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern HUMAN = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /**
     * Parses one duration.
     *
     * @throws CommandLine.TypeConversionException naming the value and the accepted forms
     */
    public static Duration parse(String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        Matcher human = HUMAN.matcher(text);
        if (human.matches()) {
            long amount = Long.parseLong(human.group(1));
            return switch (human.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> throw new IllegalStateException("Unhandled duration unit " + human.group(2));
            };
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: write e.g. 500ms, "
                    + "30s, 2m, 1h or PT30S");
        }
    }
}
