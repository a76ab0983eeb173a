package io.tasker.cli.run;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the task context comes from: inline JSON or a file, never both (picocli rejects both as an exclusive group). */
public final class ContextOptions {

    @Option(names = "--context", paramLabel = "JSON",
            description = "The task context as a JSON object, e.g. '{\"even_number\": 2}'. Default: {}.")
    private String json;

    @Option(names = "--context-file", paramLabel = "FILE", description = "A file holding the task context as a JSON object.")
    private Path file;

    /** The context given, or {@link TaskContext#EMPTY} when {@code options} is null (neither flag was given). */
    public static TaskContext read(ContextOptions options) {
        return options == null ? TaskContext.EMPTY : options.read();
    }

    private TaskContext read() {
        return json != null
                ? new TaskContext(ContextReader.fromFlag(json), "--context")
                : new TaskContext(ContextReader.fromFile(file), "--context-file " + file);
    }
}
