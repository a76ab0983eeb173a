package io.tasker.cli;

import io.tasker.core.config.ConfigLoader;
import io.tasker.core.config.DatabaseConfig;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.database.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration a command runs with: {@code tasker-core.yaml} defaults, the user file ({@code --config}, else
 * {@code TASKER_CONFIG}), {@code TASKER_*} variables, and finally {@code --database-url}, which is the most specific.
 */
final class Configurations {

    private Configurations() {
    }

    /**
     * @param configFile {@code --config}, or null
     * @param databaseUrl {@code --database-url}, or null
     * @throws io.tasker.core.config.ConfigException listing every problem of the files and variables
     * @throws InvalidInputException for a missing file or an unusable database URL, naming where it came from
     */
    static TaskerConfig load(Path configFile, String databaseUrl, CliEnvironment environment) {
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new InvalidInputException("--config " + configFile + ": no such file; expected a YAML file shaped like"
                    + " config/tasker-core.yaml");
        }
        TaskerConfig loaded = ConfigLoader.load(configFile, environment.variables());
        TaskerConfig config = databaseUrl == null ? loaded : withDatabaseUrl(loaded, databaseUrl);
        checkDatabaseUrl(config.database(), databaseUrl == null ? "database.url" : "--database-url");
        return config;
    }

    private static TaskerConfig withDatabaseUrl(TaskerConfig config, String url) {
        DatabaseConfig database = config.database();
        return new TaskerConfig(config.backoff(), config.execution(),
                new DatabaseConfig(url, database.username(), database.password(), database.poolSize(),
                        database.connectTimeoutSeconds(), database.statementTimeoutSeconds(),
                        database.embeddedDataDirectory(), database.embeddedFsync()),
                config.engine(), config.handlers());
    }

    private static void checkDatabaseUrl(DatabaseConfig database, String source) {
        if (database.url() == null || database.url().isBlank()) {
            return;
        }
        try {
            DatabaseUrl.parse(database.url());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(source + ": " + e.getMessage(), e);
        }
    }
}
