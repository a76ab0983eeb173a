package io.tasker.bridge.value;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.proxy.ProxyObject;

/** Wraps the engine's JSON-shaped Java data for guests, without copying: maps and lists become read-only proxies. */
public final class GuestViews {

    private GuestViews() {
    }

    /** Tasker's {@code task}: {@code task_id, name, namespace_name, version, context, ...}. */
    public static ProxyObject task(TaskView task) {
        return new TaskProxy(task);
    }

    /** Tasker's {@code step}: {@code workflow_step_id, name, inputs, results, attempts, ...}. */
    public static ProxyObject step(StepView step) {
        return new StepProxy(step);
    }

    /** Tasker's {@code sequence}: {@code steps} and {@code find_step_by_name(name)}. */
    public static ProxyObject sequence(SequenceView sequence) {
        return new SequenceProxy(sequence);
    }

    /** Null, booleans, strings, longs, doubles and big integers pass as they are; maps and lists are wrapped. */
    @SuppressWarnings("unchecked")
    public static Object of(Object value) {
        return switch (value) {
            case Map<?, ?> map -> new ReadOnlyMap((Map<String, Object>) map);
            case List<?> list -> new ReadOnlyList((List<Object>) list);
            // A JSON number with a fraction: guests read it as a float, as Tasker's jsonb columns give it back.
            case BigDecimal decimal -> decimal.doubleValue();
            case Integer number -> number.longValue();
            case null, default -> value;
        };
    }

    static String isoText(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
