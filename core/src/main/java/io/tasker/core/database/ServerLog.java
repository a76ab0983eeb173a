package io.tasker.core.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The server's log, {@code tasker-server.log} in its data directory: pg_ctl appends to it, errors quote
 * what one start wrote, and it is rotated once at start when it has grown large.
 */
record ServerLog(Path file) {

    static final String FILE_NAME = "tasker-server.log";

    private static final long ROTATION_BYTES = 10L * 1024 * 1024;
    private static final int LINES_IN_ERRORS = 20;

    static ServerLog of(Path dataDirectory) {
        return new ServerLog(dataDirectory.resolve(FILE_NAME));
    }

    /** Rotates a large log away and returns where the next start's lines will begin. */
    long prepareForStart() {
        try {
            if (Files.exists(file) && Files.size(file) > ROTATION_BYTES) {
                Files.move(file, file.resolveSibling(FILE_NAME + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the server log " + file, e);
        }
    }

    /** The last lines written since {@code offset}, for an error message. */
    String tailSince(long offset) {
        List<String> lines = since(offset).strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LINES_IN_ERRORS), lines.size()));
    }

    private String since(long offset) {
        try {
            byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            int from = (int) Math.min(offset, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
