package io.tasker.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.tasker.core.json.Json;
import java.util.List;
import java.util.Map;

/**
 * JSON typed on a command line or read from a file named there. Errors name where it came from and the line and
 * column of the mistake, since JSON on a shell line is easy to get wrong and hard to see.
 */
public final class JsonArgument {

    /** Text after the value is an error rather than silently ignored: {@code {"a":1}}} is a typo. */
    private static final ObjectReader READER = Json.mapper().readerFor(Object.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonArgument() {
    }

    /**
     * @param source the flag or file, as the user should see it in the error (e.g. {@code --results})
     * @param expected what would be accepted, e.g. {@code expected a JSON object such as {"even_number": 2}}
     * @return immutable Java data (maps, lists, strings, numbers, booleans, null)
     * @throws InvalidInputException naming the source, the line and column, and what was expected
     */
    public static Object parse(String json, String source, String expected) {
        try {
            return Json.freeze(READER.readValue(json));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source + ": invalid JSON at " + where(e.getLocation()) + ": "
                    + e.getOriginalMessage() + "; " + expected, e);
        }
    }

    /** Like {@link #parse}, but only a JSON object is accepted. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String json, String source, String expected) {
        Object value = parse(json, source, expected);
        if (!(value instanceof Map)) {
            throw new InvalidInputException(source + ": got " + describe(value) + ", " + expected);
        }
        return (Map<String, Object>) value;
    }

    private static String where(JsonLocation location) {
        return location == null ? "an unknown position" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case List<?> _ -> "an array";
            case String _ -> "a string";
            case Number _ -> "a number";
            case Boolean _ -> "a boolean";
            default -> value.getClass().getSimpleName();
        };
    }
}
