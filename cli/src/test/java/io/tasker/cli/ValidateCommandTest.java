package io.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code tasker validate} needs no database: every test points tasker at one that does not answer. */
class ValidateCommandTest {

    @Test
    void summarizes_the_diamond_with_its_roots_leaves_and_dependency_levels() {
        String template = Fixtures.example("diamond");

        CommandOutcome validate = Tasker.run(Fixtures.unreachableDatabase(), "validate", template,
                "--handlers", Fixtures.exampleHandlers());

        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).startsWith("OK " + template + "\n")
                .contains("template   examples.diamond_workflow@1.0.0")
                .contains("namespace  examples")
                .contains("name       diamond_workflow")
                .contains("version    1.0.0")
                .contains("steps      4")
                .contains("roots      diamond_start")
                .contains("leaves     diamond_end")
                .contains("handlers   4 java, all loadable")
                .contains("    1  diamond_start\n    2  diamond_branch_b, diamond_branch_c\n    3  diamond_end\n");
    }

    @Test
    void lists_a_chain_one_step_per_level() {
        CommandOutcome validate = Tasker.run(Fixtures.unreachableDatabase(), "validate", Fixtures.example("linear"));

        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out())
                .contains("    1  linear_step_1\n    2  linear_step_2\n    3  linear_step_3\n    4  linear_step_4\n");
    }

    @Test
    void reports_a_dependency_cycle_with_its_file_line_and_steps() {
        String template = Fixtures.template("cycle.yaml");

        CommandOutcome validate = Tasker.run(Fixtures.unreachableDatabase(), "validate", template);

        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(2);
        assertThat(validate.err()).contains("tasker validate: " + template + " is not a valid task template:\n  "
                + template + ":7: step_templates[1].depends_on_steps[1]: dependency cycle first -> second -> third -> first");
        assertThat(validate.out()).isEmpty();
    }

    @Test
    void reports_an_unknown_dependency_with_its_file_line_and_name() {
        String template = Fixtures.template("unknown_dependency.yaml");

        CommandOutcome validate = Tasker.run(Fixtures.unreachableDatabase(), "validate", template);

        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(2);
        assertThat(validate.err()).containsPattern("\\Q" + template + "\\E:7: step_templates\\[1]\\.depends_on_step: .*strat");
    }

    @Test
    void reports_the_file_line_step_and_class_of_a_handler_that_cannot_be_loaded() {
        String template = Fixtures.template("missing_handler.yaml");

        CommandOutcome validate = Tasker.run(Fixtures.unreachableDatabase(), "validate", template);

        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(2);
        assertThat(validate.err()).contains(template + ": step handlers cannot be used:")
                .containsPattern("\\Q" + template + "\\E:7: step 'does_not_exist'.*io\\.tasker\\.cli\\.NoSuchHandler");
    }

    @Test
    void reports_malformed_yaml_with_its_file_and_line() {
        String template = Fixtures.template("malformed.yaml");

        CommandOutcome validate = Tasker.run(Fixtures.unreachableDatabase(), "validate", template);

        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(2);
        assertThat(validate.err()).containsPattern("\\Q" + template + "\\E:\\d+: ");
    }
}
