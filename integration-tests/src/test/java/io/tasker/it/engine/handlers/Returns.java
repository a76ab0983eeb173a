package io.tasker.it.engine.handlers;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Returns the value named by {@code kind} (handler_config): null, an unstorable object, NaN, a cycle, a big list. */
public final class Returns implements StepHandler {
    private final String kind;

    public Returns(Object config) {
        this.kind = (String) ((Map<?, ?>) config).get("kind");
    }

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) {
        return switch (kind) {
            case "null" -> null;
            case "object" -> Map.of("thread", Thread.currentThread());
            case "nan" -> Map.of("ratio", Double.NaN);
            case "cycle" -> cycle();
            case "list" -> List.of(1, "two", 3.5, true);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    private static Map<String, Object> cycle() {
        Map<String, Object> map = new HashMap<>();
        map.put("self", map);
        return map;
    }
}
