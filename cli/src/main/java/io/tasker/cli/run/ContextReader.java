package io.tasker.cli.run;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.tasker.cli.InvalidInputException;
import io.tasker.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Parses a task context. Errors name where the JSON came from and the line and column of the mistake, since a
 * context typed on a shell line is easy to get wrong and hard to see.
 */
final class ContextReader {

    static final String EXPECTED = "expected a JSON object such as {\"even_number\": 2}";

    /** Text after the object is an error rather than silently ignored: {@code {"a":1}}} is a typo, not a context. */
    private static final ObjectReader READER = Json.mapper().readerFor(Object.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ContextReader() {
    }

    static Map<String, Object> fromFlag(String json) {
        return parse(json, "--context");
    }

    static Map<String, Object> fromFile(Path file) {
        String source = "--context-file " + file;
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(source + ": no such file; " + EXPECTED);
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new InvalidInputException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json, String source) {
        Object value;
        try {
            value = Json.freeze(READER.readValue(json));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source + ": invalid JSON at " + where(e.getLocation()) + ": "
                    + e.getOriginalMessage() + "; " + EXPECTED, e);
        }
        if (!(value instanceof Map)) {
            throw new InvalidInputException(source + ": got " + describe(value) + ", " + EXPECTED);
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
