package io.tasker.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Turns an exception out of a command into its message on stderr and its exit code; stdout stays untouched. */
final class FailureReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception thrown, CommandLine command, ParseResult parseResult) {
        Failure failure = Failure.of(thrown);
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + failure.message());
        if (failure.exitCode() == ExitCode.INTERNAL_ERROR) {
            explainInternalError(thrown, err);
        }
        return failure.exitCode().code();
    }

    private static void explainInternalError(Exception thrown, PrintWriter err) {
        if (LogLevels.verbose()) {
            thrown.printStackTrace(err);
        } else {
            err.println("This is a fault in tasker; run the command again with --verbose for the stack trace.");
        }
    }
}
