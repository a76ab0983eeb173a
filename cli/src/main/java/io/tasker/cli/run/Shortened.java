package io.tasker.cli.run;

/** Text cut to a width for a table cell, saying how much was left out so that nobody mistakes it for the whole. */
public final class Shortened {

    private static final String ELLIPSIS = "...";

    private Shortened() {
    }

    public static String to(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        String omitted = ELLIPSIS + " (" + text.length() + " chars)";
        return text.substring(0, Math.max(0, width - omitted.length())) + omitted;
    }

    /** The first line only: error messages may carry a backtrace, which belongs in the JSON output, not the table. */
    public static String firstLine(String text, int width) {
        int end = text.indexOf('\n');
        return to(end < 0 ? text : text.substring(0, end) + " " + ELLIPSIS, width);
    }
}
