package io.tasker.core.config;

import java.util.Locale;

/**
 * One key of the configuration.
 *
 * @param path dotted, as in tasker-core.yaml: {@code execution.max_concurrent_steps}
 */
record Setting(String path, ValueType type) {

    /** {@code TASKER_} and the path upper-cased with {@code _} for {@code .}: {@code TASKER_EXECUTION_MAX_CONCURRENT_STEPS}. */
    String variable() {
        return variableFor(path);
    }

    static String variableFor(String path) {
        return "TASKER_" + path.replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
