package io.tasker.core.yaml;

import java.math.BigInteger;

/**
 * A scalar with its YAML type resolved as SnakeYAML resolves it.
 *
 * @param value null, Boolean, String, Long, BigInteger or Double
 */
public record YamlScalar(Object value, Position position) implements YamlValue {
    private static final int LONGEST_QUOTED_TEXT = 60;

    public boolean isNull() {
        return value == null;
    }

    public boolean isString() {
        return value instanceof String;
    }

    public boolean isInteger() {
        return value instanceof Long || value instanceof BigInteger;
    }

    @Override
    public String describe() {
        return switch (value) {
            case null -> "null";
            case String text -> "the string " + quote(text);
            case Boolean flag -> "the boolean " + flag;
            case Double number -> "the number " + number;
            default -> "the integer " + value;
        };
    }

    @Override
    public Object toPlain() {
        return value;
    }

    private static String quote(String text) {
        String shown = text.length() > LONGEST_QUOTED_TEXT ? text.substring(0, LONGEST_QUOTED_TEXT) + "..." : text;
        return "\"" + shown + "\"";
    }
}
