package io.tasker.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs {@code tasker} in this JVM the way {@code bin/tasker} runs it in its own, with captured streams. */
final class Tasker {

    private Tasker() {
    }

    static CommandOutcome run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = TaskerCli.execute(new PrintWriter(out), new PrintWriter(err), environment, args);
        return new CommandOutcome(exitCode, out.toString(), err.toString());
    }
}
