package io.tasker.it.engine.handlers;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.util.LinkedHashMap;
import java.util.Map;

/** Returns what it sees of its task, of itself and of itself in the sequence, to compare how attempts start. */
public final class SeesItself implements StepHandler {
    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) {
        StepView inSequence = sequence.findStepByName(step.name()).orElseThrow();
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("task_status", task.status());
        seen.put("status", step.status());
        seen.put("attempts", step.attempts());
        seen.put("sequence_status", inSequence.status());
        seen.put("sequence_attempts", inSequence.attempts());
        seen.put("context", task.context());
        return seen;
    }
}
