package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every example workflow runs, so none rots. */
@ExtendWith(TaskerDatabaseExtension.class)
class ExamplesTest {

    @ParameterizedTest
    @CsvSource({"linear/linear.yaml, linear_step_4", "diamond/diamond.yaml, diamond_end"})
    void an_example_turns_two_into_two_to_the_sixteenth(String file, String lastStep, TestDatabase db) throws Exception {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskTemplate template = fx.loader.load(Path.of("..", "examples").resolve(file));
            fx.engine.register(template);
            TaskResult result = fx.run(fx.create(template, Map.of("even_number", 2)));
            assertThat(result.status()).isEqualTo("complete");
            assertThat(result.step(lastStep).results()).isEqualTo(Map.of("result", 65536L));
        }
    }
}
