package io.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code tasker run} on the examples with Ruby and Python handlers, as the README tells a user to run them. Guest
 * code runs interpreter-only here, and the first Ruby context of the JVM takes a while to start: hence the longer
 * timeout.
 */
@ExtendWith(TaskerDatabaseExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RunGuestExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static final Path SHOP = EXAMPLES.resolve("order_fulfillment");

    @Test
    void runs_the_rails_style_order_fulfillment_app_with_its_sample_order(TestDatabase database) {
        CommandOutcome run = Tasker.run(Fixtures.environmentFor(database), "run",
                SHOP.resolve("config/tasker/tasks/order_fulfillment.yaml").toString(), "--handlers", SHOP.toString(),
                "--context-file", SHOP.resolve("sample_order.json").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("Task \\d+ ecommerce\\.order_fulfillment@1\\.0\\.0: complete");
        assertThat(run.out()).containsPattern("process_payment\\s+complete\\s+1\\s+\\{\"payment_id\":\"pay_");
        assertThat(run.out()).containsPattern("send_confirmation\\s+complete\\s+1\\s+\\{\"email_sent\":true");
    }

    @Test
    void runs_the_mixed_diamond_of_ruby_python_and_java_steps_from_one_handler_root(TestDatabase database) {
        CommandOutcome run = Tasker.run(Fixtures.environmentFor(database), "run", Fixtures.example("mixed_dag"),
                "--handlers", EXAMPLES.toString(), "--context", "{\"even_number\": 2}");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("start\\s+complete\\s+1\\s+\\{\"result\":4}");
        assertThat(run.out()).containsPattern("branch_python\\s+complete\\s+1\\s+\\{\"result\":16}");
        assertThat(run.out()).containsPattern("branch_java\\s+complete\\s+1\\s+\\{\"result\":16}");
        assertThat(run.out()).containsPattern("finish\\s+complete\\s+1\\s+\\{\"result\":65536}");
    }

    @Test
    void ruby_handlers_see_tasker_env_as_rails_env(TestDatabase database) {
        Map<String, String> environment = new HashMap<>(Fixtures.environmentFor(database));
        environment.put("TASKER_ENV", "staging");

        CommandOutcome run = Tasker.run(environment, "run", Fixtures.template("rails_env.yaml"),
                "--handlers", Path.of(Fixtures.template("rails_env.yaml")).getParent().resolve("ruby").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("report_env\\s+complete\\s+1\\s+\\{\"env\":\"staging\",\"staging\":true}");
    }
}
