package io.tasker.cli;

import io.tasker.examples.square.SquareHandler;
import io.tasker.testkit.TestDatabase;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The real files the tests run: the example workflows, test templates and contexts, and where handlers live. */
final class Fixtures {

    /** A port nothing listens on: connecting is refused at once. */
    static final String UNREACHABLE_URL = "jdbc:postgresql://127.0.0.1:1/none";

    private Fixtures() {
    }

    /** {@code examples/<name>/<name>.yaml} of the repository (tests run in the cli module's folder). */
    static String example(String name) {
        Path template = Path.of("..", "examples", name, name + ".yaml").toAbsolutePath().normalize();
        if (!Files.isRegularFile(template)) {
            throw new IllegalStateException("the example template " + template + " is missing");
        }
        return template.toString();
    }

    /** A template of this module's test resources, under {@code templates/}. */
    static String template(String file) {
        return resource("templates/" + file);
    }

    /** A context file of this module's test resources, under {@code contexts/}. */
    static String context(String file) {
        return resource("contexts/" + file);
    }

    /** The jar (or classes folder) of the examples module: what a user passes as {@code --handlers}. */
    static String exampleHandlers() {
        try {
            return Path.of(SquareHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The variables that point tasker at {@code database}, as an operator would set them. */
    static Map<String, String> environmentFor(TestDatabase database) {
        return Map.of(
                "TASKER_DATABASE_URL", database.jdbcUrl(),
                "TASKER_DATABASE_USERNAME", database.username(),
                "TASKER_DATABASE_PASSWORD", database.password());
    }

    /**
     * For input that must be rejected before any database is used: should a check be missing, the command
     * fails with "unavailable" instead of quietly starting an embedded PostgreSQL in the build folder.
     */
    static Map<String, String> unreachableDatabase() {
        return Map.of("TASKER_DATABASE_URL", UNREACHABLE_URL);
    }

    private static String resource(String name) {
        URL url = Fixtures.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing");
        }
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
