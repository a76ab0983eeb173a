package io.tasker.core.config;

import io.tasker.core.yaml.Position;
import io.tasker.core.yaml.YamlList;
import io.tasker.core.yaml.YamlScalar;
import io.tasker.core.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The values one setting accepts, how they read from YAML and from an environment variable. */
sealed interface ValueType {

    boolean accepts(YamlValue value);

    /** The Java value of an accepted YAML value: Integer, Double, Boolean, String (or null), List of Integer. */
    Object convert(YamlValue value);

    /** For error messages: what would have been accepted. */
    String expected();

    /** The text of a {@code TASKER_*} variable as the YAML value it stands for; it may still not be accepted. */
    YamlValue fromVariable(String text, Position position);

    /** An integer in {@code [min, max]}. */
    record Int(int min, int max) implements ValueType {
        static Int atLeast(int min) {
            return new Int(min, Integer.MAX_VALUE);
        }

        @Override
        public boolean accepts(YamlValue value) {
            return value instanceof YamlScalar s && s.value() instanceof Long n && n >= min && n <= max;
        }

        @Override
        public Object convert(YamlValue value) {
            return ((Long) ((YamlScalar) value).value()).intValue();
        }

        @Override
        public String expected() {
            return "an integer from " + min + " to " + max;
        }

        @Override
        public YamlValue fromVariable(String text, Position position) {
            return new YamlScalar(parseLong(text.strip()), position);
        }
    }

    /** A number in {@code [min, max]}; integers are accepted as numbers. */
    record Decimal(double min, double max) implements ValueType {
        static Decimal atLeast(double min) {
            return new Decimal(min, Double.MAX_VALUE);
        }

        @Override
        public boolean accepts(YamlValue value) {
            return value instanceof YamlScalar s && (s.value() instanceof Long || s.value() instanceof Double)
                    && ((Number) s.value()).doubleValue() >= min && ((Number) s.value()).doubleValue() <= max;
        }

        @Override
        public Object convert(YamlValue value) {
            return ((Number) ((YamlScalar) value).value()).doubleValue();
        }

        @Override
        public String expected() {
            return max == Double.MAX_VALUE ? "a number >= " + min : "a number from " + min + " to " + max;
        }

        @Override
        public YamlValue fromVariable(String text, Position position) {
            try {
                return new YamlScalar(Double.parseDouble(text.strip()), position);
            } catch (NumberFormatException e) {
                return new YamlScalar(text, position);
            }
        }
    }

    /** {@code true} or {@code false}. */
    record Flag() implements ValueType {
        @Override
        public boolean accepts(YamlValue value) {
            return value instanceof YamlScalar s && s.value() instanceof Boolean;
        }

        @Override
        public Object convert(YamlValue value) {
            return ((YamlScalar) value).value();
        }

        @Override
        public String expected() {
            return "true or false";
        }

        @Override
        public YamlValue fromVariable(String text, Position position) {
            String word = text.strip().toLowerCase(Locale.ROOT);
            return new YamlScalar(word.equals("true") || word.equals("false") ? Boolean.valueOf(word) : text, position);
        }
    }

    /**
     * A string that {@code valid} accepts, or null when {@code nullable}. An empty variable stands for null,
     * so that a variable can unset a key.
     */
    record Text(boolean nullable, Predicate<String> valid, String expected) implements ValueType {
        @Override
        public boolean accepts(YamlValue value) {
            return value instanceof YamlScalar s && (s.isNull() ? nullable : s.value() instanceof String text && valid.test(text));
        }

        @Override
        public Object convert(YamlValue value) {
            return ((YamlScalar) value).value();
        }

        @Override
        public YamlValue fromVariable(String text, Position position) {
            return new YamlScalar(text.isEmpty() ? null : text, position);
        }
    }

    /** A non-empty list of integers {@code >= min}; a variable lists them separated by commas. */
    record IntList(int min) implements ValueType {
        @Override
        public boolean accepts(YamlValue value) {
            Int item = Int.atLeast(min);
            return value instanceof YamlList list && !list.items().isEmpty() && list.items().stream().allMatch(item::accepts);
        }

        @Override
        public Object convert(YamlValue value) {
            Int item = Int.atLeast(min);
            return ((YamlList) value).items().stream().map(v -> (Integer) item.convert(v)).toList();
        }

        @Override
        public String expected() {
            return "a non-empty list of integers >= " + min;
        }

        @Override
        public YamlValue fromVariable(String text, Position position) {
            List<YamlValue> items = new ArrayList<>();
            if (!text.isBlank()) {
                for (String item : text.split(",", -1)) {
                    items.add(new YamlScalar(parseLong(item.strip()), position));
                }
            }
            return new YamlList(items, position);
        }
    }

    /** One of a fixed set of words. */
    record Choice(List<String> choices) implements ValueType {
        @Override
        public boolean accepts(YamlValue value) {
            return value instanceof YamlScalar s && s.value() instanceof String text && choices.contains(text);
        }

        @Override
        public Object convert(YamlValue value) {
            return ((YamlScalar) value).value();
        }

        @Override
        public String expected() {
            return "one of " + String.join(", ", choices);
        }

        @Override
        public YamlValue fromVariable(String text, Position position) {
            return new YamlScalar(text.strip(), position);
        }
    }

    /** The number, or the text itself so that the error shows what was written. */
    private static Object parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
