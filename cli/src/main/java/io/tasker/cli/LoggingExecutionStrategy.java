package io.tasker.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Sets the log levels from {@code --verbose} once, wherever on the command line it was given, then runs the command. */
final class LoggingExecutionStrategy implements CommandLine.IExecutionStrategy {

    @Override
    public int execute(ParseResult parseResult) {
        LogLevels.apply(verboseRequested(parseResult));
        return new CommandLine.RunLast().execute(parseResult);
    }

    static boolean verboseRequested(ParseResult parseResult) {
        for (ParseResult part = parseResult; part != null; part = part.subcommand()) {
            if (part.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
