package io.tasker.cli.doctor;

import io.tasker.bridge.engine.PolyglotReport;
import io.tasker.bridge.engine.SharedEngine;
import io.tasker.cli.CliEnvironment;
import io.tasker.cli.DatabaseFailures;
import io.tasker.cli.DatabaseOptions;
import io.tasker.cli.ExitCode;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.database.Database;
import io.tasker.core.database.MigrationStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tasker doctor}: what this installation runs on. The JIT line matters most: Ruby and Python handlers
 * run many times slower interpreted, and nothing else says so as plainly.
 */
@Command(name = "doctor",
        header = "Reports the JDK, the polyglot mode (JIT or interpreter), the handler languages and the database.",
        mixinStandardHelpOptions = true,
        description = {"Prints the JDK, whether the Graal JIT compiles Ruby and Python handlers (bin/tasker starts the"
                + " JVM with it) or they run interpreter-only, the installed handler languages with their versions,"
                + " and the database in use with its schema state.",
            "Starts the embedded PostgreSQL if it is the one in use and not running yet.",
            "",
            "Exit code 0 when all is well, 3 when the database cannot be reached or the Graal JIT is not active."})
public final class DoctorCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatabaseOptions database;

    public DoctorCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        TaskerConfig config = database.load(environment);
        PrintWriter out = spec.commandLine().getOut();
        out.println("JDK:        " + Runtime.version() + " (" + System.getProperty("java.vendor") + ") at "
                + System.getProperty("java.home"));
        PolyglotReport polyglot = SharedEngine.report();
        out.println("Mode:       " + mode(polyglot));
        out.println("Languages:  java, " + polyglot.languages().stream()
                .map(language -> language.id() + " (" + language.name() + " " + language.version() + ")")
                .collect(Collectors.joining(", ")));
        printDatabase(config, out);
        return polyglot.compiling() ? ExitCode.OK.code() : ExitCode.UNAVAILABLE.code();
    }

    private static String mode(PolyglotReport polyglot) {
        if (polyglot.compiling()) {
            return "JIT (" + polyglot.implementationName() + "): Ruby and Python handlers are compiled";
        }
        return "interpreter only (" + polyglot.implementationName() + "): Ruby and Python handlers run many times"
                + " slower; start tasker with bin/tasker, which enables the Graal JIT";
    }

    private static void printDatabase(TaskerConfig config, PrintWriter out) {
        try (Database db = Database.connect(config.database())) {
            MigrationStatus status = db.migrations().status();
            out.println("Database:   " + db.describe());
            out.println("Schema:     " + (status.currentVersion() == null ? "empty" : "version " + status.currentVersion())
                    + (status.upToDate() ? ", up to date" : ", " + status.pendingCount()
                    + " migrations pending (apply them with 'tasker db migrate')"));
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e, config.database());
        }
    }
}
