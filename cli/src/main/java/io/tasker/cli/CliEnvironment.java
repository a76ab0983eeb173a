package io.tasker.cli;

import java.util.Map;

/**
 * The process environment as the commands see it: passed in rather than read from {@link System#getenv()}, so
 * that tests run commands with the variables they choose.
 *
 * @param variables {@code TASKER_*} settings, {@code TASKER_ENV}, {@code TASKER_CONFIG} and anything else
 */
public record CliEnvironment(Map<String, String> variables) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }
}
