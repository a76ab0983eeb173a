package io.tasker.cli.run;

import io.tasker.cli.InvalidInputException;
import io.tasker.cli.JsonArgument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Parses a task context: a JSON object given with {@code --context} or in the file of {@code --context-file}. */
final class ContextReader {

    static final String EXPECTED = "expected a JSON object such as {\"even_number\": 2}";

    private ContextReader() {
    }

    static Map<String, Object> fromFlag(String json) {
        return JsonArgument.parseObject(json, "--context", EXPECTED);
    }

    static Map<String, Object> fromFile(Path file) {
        String source = "--context-file " + file;
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(source + ": no such file; " + EXPECTED);
        }
        try {
            return JsonArgument.parseObject(Files.readString(file, StandardCharsets.UTF_8), source, EXPECTED);
        } catch (IOException e) {
            throw new InvalidInputException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
