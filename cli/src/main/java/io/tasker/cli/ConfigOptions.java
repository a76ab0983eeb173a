package io.tasker.cli;

import io.tasker.core.config.TaskerConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config}, for commands that need the configuration but no database. */
public final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "A YAML file overriding settings of config/tasker-core.yaml"
                    + " (default: the file named by TASKER_CONFIG, if any).")
    private Path configFile;

    public TaskerConfig load(CliEnvironment environment) {
        return Configurations.load(configFile, null, environment);
    }
}
