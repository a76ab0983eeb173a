package io.tasker.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The testkit's {@code .sql} files. They take database names, which SQL cannot bind as parameters, so they
 * are format strings filled with names this package generates and quotes itself.
 */
final class TestSql {

    private TestSql() {
    }

    static String format(String fileName, String... identifiers) {
        Object[] quoted = new Object[identifiers.length];
        for (int i = 0; i < identifiers.length; i++) {
            quoted[i] = quote(identifiers[i]);
        }
        return load(fileName).formatted(quoted);
    }

    private static String quote(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Database name '" + identifier + "' is not a lower-case SQL identifier");
        }
        return '"' + identifier + '"';
    }

    private static String load(String fileName) {
        try (InputStream in = TestSql.class.getResourceAsStream(fileName)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + fileName + " is missing from package io.tasker.testkit");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + fileName, e);
        }
    }
}
