package io.tasker.bridge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one language's {@code handlers.<language>} settings strictly: every key must be one the factory knows
 * and of the right type; all problems are reported at once, each naming its key.
 */
final class SettingsReader {
    private final String section;
    private final Map<String, Object> values;
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> removed = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();
    private final boolean ruby;

    SettingsReader(String language, Map<String, Object> values) {
        this.section = "handlers." + language;
        this.ruby = "ruby".equals(language);
        this.values = values == null ? Map.of() : values;
    }

    boolean flag(String key, boolean defaultValue) {
        Object value = read(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        return wrong(key, value, "true or false", defaultValue);
    }

    long number(String key, long defaultValue, long minimum) {
        Object value = read(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number && (number instanceof Long || number instanceof Integer)
                && number.longValue() >= minimum) {
            return number.longValue();
        }
        return wrong(key, value, "an integer >= " + minimum, defaultValue);
    }

    /** Null when the key is absent or null. */
    String text(String key) {
        Object value = read(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        return wrong(key, value, "a string or null", null);
    }

    /** Refuses a key that was a setting once, saying what replaced it. */
    void removed(String key, String explanation) {
        removed.add(key);
        if (values.containsKey(key)) {
            problems.add(section + "." + key + ": no longer a setting: " + explanation);
        }
    }

    /** Throws when any key was unknown or any value wrong. */
    void finish() {
        for (String key : values.keySet()) {
            if (!known.contains(key) && !removed.contains(key)) {
                problems.add(section + "." + key + ": unknown setting (known: " + String.join(", ", known) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid configuration: " + String.join("; ", problems));
        }
    }

    private Object read(String key) {
        known.add(key);
        return values.get(key);
    }

    private <T> T wrong(String key, Object value, String expected, T fallback) {
        problems.add(section + "." + key + ": expected " + expected + ", got " + value);
        return fallback;
    }

    boolean isRuby() {
        return ruby;
    }
}
