package io.tasker.core.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One SQL statement read from a {@code .sql} resource beside the class that owns it, so that SQL is
 * reviewed as SQL and never built by concatenation.
 */
public record Sql(String name, String text) {

    public static Sql load(Class<?> owner, String fileName) {
        try (InputStream in = owner.getResourceAsStream(fileName)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + fileName + " not found beside " + owner.getName());
            }
            return new Sql(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + fileName, e);
        }
    }
}
