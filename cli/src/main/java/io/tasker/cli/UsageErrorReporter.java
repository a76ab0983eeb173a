package io.tasker.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** A command line picocli cannot parse: says what is wrong and where help is, without burying it under the usage text. */
final class UsageErrorReporter implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + withoutErrorPrefix(problem.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(problem, err);
        err.println("Run '" + name + " --help' for usage.");
        return ExitCode.INVALID_INPUT.code();
    }

    /** Some picocli messages start with "Error: ", which would repeat what the command name prefix already says. */
    private static String withoutErrorPrefix(String message) {
        return message.startsWith("Error: ") ? message.substring("Error: ".length()) : message;
    }
}
