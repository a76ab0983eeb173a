package io.tasker.cli.db;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.ConfigOptions;
import io.tasker.cli.DatabaseFailures;
import io.tasker.cli.ExitCode;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.database.Database;
import io.tasker.core.database.EmbeddedPostgres;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tasker db stop}: the embedded PostgreSQL outlives the runs that started it, so that the next run is
 * fast; this is how a user gets rid of it. A server behind {@code database.url} is not tasker's to stop.
 */
@Command(name = "stop",
        header = "Stops the embedded PostgreSQL.",
        mixinStandardHelpOptions = true,
        description = {"Stops the embedded PostgreSQL that runs on the configured data folder"
                + " (database.embedded_data_directory, default .tasker/pgdata). Committed data is kept;"
                + " the next tasker command starts the server again."})
public final class DbStopCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions config;

    public DbStopCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        TaskerConfig loaded = config.load(environment);
        Path data = Database.embeddedDataDirectory(loaded.database());
        PrintWriter out = spec.commandLine().getOut();
        try {
            boolean stopped = EmbeddedPostgres.stop(data);
            out.println(stopped
                    ? "Stopped the embedded PostgreSQL with data in " + data + "."
                    : "No embedded PostgreSQL is running with data in " + data + "; nothing to stop.");
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e, loaded.database());
        }
        if (loaded.database().url() != null && !loaded.database().url().isBlank()) {
            out.println("Note: tasker is configured to use " + DatabaseFailures.describe(loaded.database())
                    + ", which it does not start or stop.");
        }
        return ExitCode.OK.code();
    }
}
