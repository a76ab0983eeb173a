package io.tasker.cli;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.util.Map;

/** Misbehaves as its {@code handler_config} says: {@code throws} or {@code returns_unstorable}. */
public final class MisbehavingHandler implements StepHandler {

    private final String misbehavior;

    public MisbehavingHandler(Map<?, ?> config) {
        this.misbehavior = (String) config.get("misbehavior");
    }

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) {
        return switch (misbehavior) {
            case "throws" -> throw new IllegalStateException("the handler gave up");
            case "returns_unstorable" -> Map.of("thread", Thread.currentThread());
            default -> throw new IllegalArgumentException("unknown misbehavior " + misbehavior);
        };
    }
}
