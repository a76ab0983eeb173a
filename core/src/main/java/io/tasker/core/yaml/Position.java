package io.tasker.core.yaml;

/**
 * Where a value was written.
 *
 * @param source a file name, or a description such as {@code environment variable TASKER_X}
 * @param line 1-based, 0 when the source has no lines
 * @param column 1-based, 0 when unknown
 */
public record Position(String source, int line, int column) {

    /** A source without lines, such as an environment variable or a template built in code. */
    public static Position of(String source) {
        return new Position(source, 0, 0);
    }

    /** {@code source:line}, or just the source when the line is unknown. */
    public String describe() {
        return line > 0 ? source + ":" + line : source;
    }
}
