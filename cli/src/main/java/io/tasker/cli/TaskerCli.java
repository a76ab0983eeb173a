package io.tasker.cli;

import io.tasker.cli.db.DbCommand;
import io.tasker.cli.doctor.DoctorCommand;
import io.tasker.cli.inspect.StatusCommand;
import io.tasker.cli.inspect.TasksCommand;
import io.tasker.cli.operate.CancelCommand;
import io.tasker.cli.operate.ResetStepCommand;
import io.tasker.cli.operate.ResolveCommand;
import io.tasker.cli.operate.RetryCommand;
import io.tasker.cli.purge.PurgeCommand;
import io.tasker.cli.run.RunCommand;
import io.tasker.cli.submit.SubmitCommand;
import io.tasker.cli.validate.ValidateCommand;
import io.tasker.cli.worker.WorkerCommand;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code tasker} command. {@link #main} is the only place that touches the real process (its streams,
 * environment and exit); everything else runs through {@link #execute}, which tests call in-process.
 */
@Command(name = "tasker",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs Tasker workflows: a task template in YAML names the steps, their dependencies and the handler"
                    + " class of each step; tasker runs the steps in dependency order, retries failures with"
                    + " backoff, and keeps every state in PostgreSQL.",
            "",
            "With no database configured, tasker starts its own PostgreSQL and keeps the data in the folder"
                    + " .tasker/pgdata of the working directory; --database-url, TASKER_DATABASE_URL or the"
                    + " config file point it at another PostgreSQL."},
        subcommands = {RunCommand.class, SubmitCommand.class, WorkerCommand.class, StatusCommand.class, TasksCommand.class,
            CancelCommand.class, RetryCommand.class, ResolveCommand.class, ResetStepCommand.class, PurgeCommand.class,
            ValidateCommand.class, DbCommand.class, DoctorCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the command succeeded; for run: the task is complete",
            "1:run: the task ended in error or was cancelled",
            "2:invalid input: template, context, configuration, file or flag; no such task or step; an action"
                    + " the task's state does not allow",
            "3:the database is unavailable",
            "4:internal error in tasker (run again with --verbose for the stack trace)"})
public final class TaskerCli implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log what tasker and its libraries do to stderr, and print stack traces of internal errors.")
    private boolean verbose;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, System.out.charset());
        PrintWriter err = new PrintWriter(System.err, true, System.err.charset());
        System.exit(execute(out, err, System.getenv(), args));
    }

    /**
     * Runs one {@code tasker} command line and returns its exit code (see {@link ExitCode}); never exits.
     *
     * @param environment stands for the process environment ({@code TASKER_*} settings, {@code TASKER_ENV})
     */
    public static int execute(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new TaskerCli(), new CommandFactory(new CliEnvironment(environment)));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionStrategy(new LoggingExecutionStrategy());
        commandLine.setParameterExceptionHandler(new UsageErrorReporter());
        commandLine.setExecutionExceptionHandler(new FailureReporter());
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@code tasker} alone is a usage error: it lists the commands. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("tasker: name a command.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.INVALID_INPUT.code();
    }
}
