package io.tasker.cli.purge;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An age as operators type it: a whole number and a unit, {@code 30d}, {@code 12h}, {@code 90m} or {@code 45s}.
 * Keeps the text as typed, for reports.
 */
record Age(String text, Duration duration) {

    static final String EXPECTED = "expected a positive whole number followed by d, h, m or s, such as 30d, 12h, 90m or 45s";
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})([dhms])");

    static Age parse(String text) {
        Matcher matcher = FORMAT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new TypeConversionException("got '" + text + "', " + EXPECTED);
        }
        long amount = Long.parseLong(matcher.group(1));
        if (amount == 0) {
            throw new TypeConversionException("got '" + text + "', " + EXPECTED);
        }
        Duration duration = switch (matcher.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
        return new Age(text.strip(), duration);
    }

    /** Lets picocli read {@code --older-than}; its errors become usage errors naming the option. */
    static final class Converter implements ITypeConverter<Age> {
        @Override
        public Age convert(String value) {
            return parse(value);
        }
    }
}
