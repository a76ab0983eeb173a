package io.tasker.core.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the {@code .sql} files beside this package's classes. */
final class SqlResource {

    private SqlResource() {
    }

    static String load(String fileName) {
        try (InputStream in = SqlResource.class.getResourceAsStream(fileName)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + fileName + " is missing from package io.tasker.core.database");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + fileName, e);
        }
    }
}
