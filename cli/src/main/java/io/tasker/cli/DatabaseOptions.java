package io.tasker.cli;

import io.tasker.core.config.TaskerConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --database-url}, for commands that work on a database. */
public final class DatabaseOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "A YAML file overriding settings of config/tasker-core.yaml"
                    + " (default: the file named by TASKER_CONFIG, if any).")
    private Path configFile;

    @Option(names = "--database-url", paramLabel = "URL",
            description = {"The PostgreSQL (14 or later) to use, e.g. jdbc:postgresql://host:5432/db?user=u&password=p"
                    + " or postgres://user:password@host:5432/db.",
                "Default: TASKER_DATABASE_URL, else database.url of the config file, else the embedded PostgreSQL."})
    private String databaseUrl;

    public TaskerConfig load(CliEnvironment environment) {
        return Configurations.load(configFile, databaseUrl, environment);
    }
}
