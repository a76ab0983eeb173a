package io.tasker.cli.db;

import io.tasker.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tasker db}: groups the commands that manage the database; alone it lists them. */
@Command(name = "db",
        header = "Migrates the schema, reports its state, stops the embedded PostgreSQL.",
        mixinStandardHelpOptions = true,
        description = "Manages tasker's database: the schema (migrate, status) and the embedded PostgreSQL (stop).",
        subcommands = {DbMigrateCommand.class, DbStatusCommand.class, DbStopCommand.class})
public final class DbCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("tasker db: name what to do: migrate, status or stop.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.INVALID_INPUT.code();
    }
}
