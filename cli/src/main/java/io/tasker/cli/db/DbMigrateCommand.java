package io.tasker.cli.db;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.DatabaseFailures;
import io.tasker.cli.DatabaseOptions;
import io.tasker.cli.ExitCode;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.database.Database;
import io.tasker.core.database.MigrationStatus;
import io.tasker.core.database.Migrations;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tasker db migrate}: applies pending migrations. {@code tasker run} migrates on its own; this is for
 * operators who migrate before deploying, or who point tasker at a new database.
 */
@Command(name = "migrate",
        header = "Applies the pending schema migrations.",
        mixinStandardHelpOptions = true,
        description = {"Applies the pending schema migrations to the database tasker uses and says what it did.",
            "Safe to repeat, and safe while other tasker processes start: one migrates, the others wait."})
public final class DbMigrateCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatabaseOptions database;

    public DbMigrateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        TaskerConfig config = database.load(environment);
        try (Database db = Database.connect(config.database())) {
            Migrations migrations = db.migrations();
            int pendingBefore = migrations.status().pendingCount();
            MigrationStatus after = migrations.migrate();
            PrintWriter out = spec.commandLine().getOut();
            out.println(pendingBefore == 0 ? "Nothing to migrate." : "Applied " + pendingBefore + " migrations.");
            MigrationReport.print(after, out);
            return ExitCode.OK.code();
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e, config.database());
        }
    }
}
