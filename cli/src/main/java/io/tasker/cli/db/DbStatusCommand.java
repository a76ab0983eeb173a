package io.tasker.cli.db;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.DatabaseFailures;
import io.tasker.cli.DatabaseOptions;
import io.tasker.cli.ExitCode;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.database.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tasker db status}: which database is in use and how far its schema is migrated; changes nothing in it. */
@Command(name = "status",
        header = "Says which database is in use and how far its schema is migrated.",
        mixinStandardHelpOptions = true,
        description = {"Says which database tasker uses (the embedded PostgreSQL with its data folder and port, or the"
                + " URL without password), its schema version and how many migrations are pending.",
            "Starts the embedded PostgreSQL if it is the one in use and not running yet."})
public final class DbStatusCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatabaseOptions database;

    public DbStatusCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        TaskerConfig config = database.load(environment);
        try (Database db = Database.connect(config.database())) {
            MigrationReport.print(db.migrations().status(), spec.commandLine().getOut());
            return ExitCode.OK.code();
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e, config.database());
        }
    }
}
