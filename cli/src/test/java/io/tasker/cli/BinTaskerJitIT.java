package io.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged CLI started by {@code bin/tasker} itself, as a separate process with exactly its JVM flags: the
 * Graal JIT must be active there (the polyglot engine reports {@code GraalVM CE}, not {@code Interpreted}).
 * Runs after {@code package}, when cli/target holds the jar, its libraries and the JIT jars.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class BinTaskerJitIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "tasker").toAbsolutePath().normalize();

    @Test
    void bin_tasker_runs_guest_languages_with_the_graal_jit(TestDatabase db) throws Exception {
        ProcessBuilder command = new ProcessBuilder(LAUNCHER.toString(), "doctor");
        command.environment().putAll(Fixtures.environmentFor(db));
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process doctor = command.start();
        CompletableFuture<String> out = read(doctor.getInputStream());
        CompletableFuture<String> err = read(doctor.getErrorStream());

        boolean ended = doctor.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            doctor.destroyForcibly();
        }

        String report = "stdout:\n" + out.get() + "\nstderr:\n" + err.get();
        assertThat(ended).as("bin/tasker doctor ended\n" + report).isTrue();
        assertThat(out.get()).as(report).contains("Mode:       JIT (GraalVM CE)").doesNotContain("Interpreted");
        assertThat(doctor.exitValue()).as(report).isZero();
    }

    private static CompletableFuture<String> read(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        });
    }
}
