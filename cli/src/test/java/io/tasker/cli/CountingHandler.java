package io.tasker.cli;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.util.Map;
import java.util.stream.LongStream;

/** Returns the numbers 1 to 1000: results far wider than a line of the text report. */
public final class CountingHandler implements StepHandler {

    static final int COUNT = 1000;

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) {
        return Map.of("numbers", LongStream.rangeClosed(1, COUNT).boxed().toList());
    }
}
