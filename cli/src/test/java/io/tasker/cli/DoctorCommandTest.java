package io.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code tasker doctor} in this test JVM, which (like any JVM not started by bin/tasker) has no Graal JIT: it
 * says so, with the remedy, and fails. BinTaskerJitIT checks the JIT of a JVM started by bin/tasker.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class DoctorCommandTest {

    @Test
    void doctor_reports_the_jdk_the_languages_the_database_and_fails_when_the_jit_is_not_active(TestDatabase db) {
        CommandOutcome doctor = Tasker.run(Fixtures.environmentFor(db), "doctor");

        assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(doctor.out())
                .contains("JDK:        " + Runtime.version())
                .contains("Mode:       interpreter only (Interpreted): Ruby and Python handlers run many times slower;"
                        + " start tasker with bin/tasker, which enables the Graal JIT")
                .containsPattern("Languages:  java, python \\(Python 3\\.[0-9.]+\\), ruby \\(Ruby 3\\.[0-9.]+\\)")
                .containsPattern("Database:   PostgreSQL [0-9.]+")
                .contains("Schema:     version ");
    }

    @Test
    void doctor_reports_an_unreachable_database_as_unavailable() {
        CommandOutcome doctor = Tasker.run(Fixtures.unreachableDatabase(), "doctor");

        assertThat(doctor.exitCode()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(doctor.err()).contains("Cannot connect to the database " + Fixtures.UNREACHABLE_URL);
    }
}
