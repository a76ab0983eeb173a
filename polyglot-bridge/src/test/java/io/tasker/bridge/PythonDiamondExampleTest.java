package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** examples/diamond/python runs through the real engine, so it does not rot. */
@ExtendWith(TaskerDatabaseExtension.class)
class PythonDiamondExampleTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void the_python_diamond_turns_two_into_two_to_the_sixteenth(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = new BridgeEngine(db, 4, List.of(EXAMPLES))) {
            TaskTemplate template = bridge.register(EXAMPLES.resolve("diamond/python/diamond.yaml"));

            TaskResult result = bridge.runToEnd(bridge.create(template, Map.of("even_number", 2)));

            assertThat(template.stepTemplates()).allSatisfy(step -> assertThat(step.handlerLanguage()).isEqualTo("python"));
            assertThat(result.status()).isEqualTo("complete");
            assertThat(result.step("diamond_start").results()).isEqualTo(Map.of("result", 4L));
            assertThat(result.step("diamond_branch_b").results()).isEqualTo(Map.of("result", 16L));
            assertThat(result.step("diamond_end").results()).isEqualTo(Map.of("result", 65536L));
        }
    }
}
