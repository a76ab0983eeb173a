package io.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpAndVersionTest {

    @Test
    void prints_the_build_version_and_the_java_running_it() {
        CommandOutcome version = Tasker.run(Map.of(), "--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).containsPattern("^tasker \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nJava 25");
    }

    @Test
    void help_lists_the_commands_and_the_exit_codes() {
        CommandOutcome help = Tasker.run(Map.of(), "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).containsPattern("\n  run +Runs a task")
                .containsPattern("\n  submit +Creates a task of a template without running it")
                .containsPattern("\n  status +Shows one task")
                .containsPattern("\n  tasks +Lists tasks")
                .containsPattern("\n  cancel +Cancels a task")
                .containsPattern("\n  retry +Moves a task in error back to pending")
                .containsPattern("\n  resolve +Marks a pending or failed step resolved by hand")
                .containsPattern("\n  reset-step +Gives a pending or failed step new attempts")
                .containsPattern("\n  purge +Deletes or archives finished tasks")
                .containsPattern("\n  validate +Checks a template")
                .containsPattern("\n  db +Migrates the schema")
                .contains("Exit codes:")
                .containsPattern("\n  3 +the database is unavailable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "submit", "status", "tasks", "cancel", "retry", "resolve", "reset-step", "purge",
        "validate", "db", "db migrate", "db status", "db stop"})
    void every_command_has_its_own_help(String command) {
        String[] args = (command + " --help").split(" ");

        CommandOutcome help = Tasker.run(Map.of(), args);

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: tasker " + command);
        assertThat(help.err()).isEmpty();
    }

    @Test
    void tasker_without_a_command_shows_the_commands_and_exits_with_2() {
        CommandOutcome bare = Tasker.run(Map.of());

        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).contains("tasker: name a command.").contains("Usage: tasker");
        assertThat(bare.out()).isEmpty();
    }

    @Test
    void suggests_the_command_meant_by_a_typo() {
        CommandOutcome typo = Tasker.run(Map.of(), "valdate");

        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("Unmatched argument at index 0: 'valdate'").contains("validate");
    }

    @Test
    void accepts_verbose_after_any_command() {
        CommandOutcome verbose = Tasker.run(Fixtures.unreachableDatabase(), "validate", Fixtures.example("linear"), "--verbose");

        assertThat(verbose.exitCode()).as(verbose.toString()).isZero();
        assertThat(LogLevels.verbose()).isTrue();
    }
}
