package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.template.StepTemplate;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** examples/mixed_dag: a diamond of Ruby, Python and Java steps through the real engine, with one handler root. */
@ExtendWith(TaskerDatabaseExtension.class)
class MixedDagExampleTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @Test
    void the_mixed_diamond_turns_two_into_two_to_the_sixteenth(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 2, List.of(EXAMPLES))) {
            TaskTemplate template = bridge.register(EXAMPLES.resolve("mixed_dag/mixed_dag.yaml"));

            TaskResult result = bridge.runToEnd(bridge.create(template, Map.of("even_number", 2)));

            assertThat(template.stepTemplates()).extracting(StepTemplate::handlerLanguage)
                    .containsExactly("ruby", "python", "java", "ruby");
            assertThat(result.status()).isEqualTo("complete");
            assertThat(result.step("start").results()).isEqualTo(Map.of("result", 4L));
            assertThat(result.step("branch_python").results()).isEqualTo(Map.of("result", 16L));
            assertThat(result.step("branch_java").results()).isEqualTo(Map.of("result", 16L));
            assertThat(result.step("finish").results()).isEqualTo(Map.of("result", 65536L));
        }
    }

    @Test
    void numbers_past_64_bits_cross_all_three_languages(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = BridgeEngine.withTaskerShim(db, 2, List.of(EXAMPLES))) {
            TaskTemplate template = bridge.register(EXAMPLES.resolve("mixed_dag/mixed_dag.yaml"));

            TaskResult result = bridge.runToEnd(bridge.create(template, Map.of("even_number", 16)));

            assertThat(result.status()).isEqualTo("complete");
            assertThat(result.step("finish").results()).isEqualTo(Map.of("result", BigInteger.valueOf(16).pow(16)));
        }
    }
}
