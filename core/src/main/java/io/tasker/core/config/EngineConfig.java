package io.tasker.core.config;

/**
 * Task creation rules.
 *
 * @param identityStrategy {@code default}: every request is a new task; {@code hash}: identical requests
 *     within the same minute are the same task (TASKER-COMPAT.md §5)
 * @param strictContextValidation the original json-schema strict mode: every declared property required,
 *     undeclared keys rejected
 */
public record EngineConfig(IdentityStrategy identityStrategy, boolean strictContextValidation) {

    public enum IdentityStrategy {
        DEFAULT, HASH
    }
}
