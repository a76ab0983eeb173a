package io.tasker.bench.workers;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.time.Instant;
import java.util.Map;

/**
 * A no-op handler that records when it started (epoch microseconds, the machine's wall clock) in its results,
 * so the pickup benchmark can subtract the moment the harness's submit committed.
 */
public final class StampHandler implements StepHandler {

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) {
        Instant now = Instant.now();
        return Map.of("started_at_us", now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000);
    }
}
