package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.template.TaskTemplate;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Thousands of Ruby steps in the one context: no further context is built and the heap does not grow.
 *
 * <p>Runs in a JVM of its own (see the module's pom): C extensions work in the first Ruby context of a JVM only, and
 * every engine builds its Ruby context; so each of these classes has one test.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class RubySharedContextStressTest {
    private static final int WORKERS = 8;

    @Test
    void thousands_of_steps_reuse_the_one_context_without_growing_the_heap(TestDatabase db) throws Exception {
        try (BridgeEngine bridge = new BridgeEngine(db, WORKERS)) {
            TaskTemplate template = bridge.register(CalendarTasks.calendar("calendar_stress"));
            CalendarTasks.runRound(bridge, template, 20);
            long before = heapAfterGc();

            for (int round = 0; round < 15; round++) {
                CalendarTasks.runRound(bridge, template, 20);
            }
            long after = heapAfterGc();

            assertThat(bridge.ruby.statistics()).isEqualTo(new PoolStatistics(1, 1, 1));
            // 2,400 steps after the first 160: their events are kept (a few hundred bytes each), nothing else should be.
            assertThat(after - before).as("heap growth in bytes").isLessThan(48L * 1024 * 1024);
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
