package io.tasker.bridge.value;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepView;
import java.util.List;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/** Tasker's {@code sequence} for guests: {@code steps} (all steps of the task) and {@code find_step_by_name(name)}. */
final class SequenceProxy extends MemberView {
    static final List<String> MEMBERS = List.of("steps", "find_step_by_name");

    private final SequenceView sequence;

    SequenceProxy(SequenceView sequence) {
        super(MEMBERS);
        this.sequence = sequence;
    }

    @Override
    public Object getMember(String key) {
        return switch (key) {
            case "steps" -> new Steps(sequence.steps());
            case "find_step_by_name" -> (ProxyExecutable) this::findStepByName;
            default -> null;
        };
    }

    private Object findStepByName(Value... arguments) {
        if (arguments.length != 1 || !arguments[0].isString()) {
            throw new IllegalArgumentException("find_step_by_name takes one step name");
        }
        return sequence.findStepByName(arguments[0].asString()).map(StepProxy::new).orElse(null);
    }

    /** The steps, each wrapped when read. */
    private record Steps(List<StepView> steps) implements ProxyArray {
        @Override
        public Object get(long index) {
            return new StepProxy(steps.get(Math.toIntExact(index)));
        }

        @Override
        public void set(long index, Value value) {
            throw new UnsupportedOperationException("sequence.steps is read-only");
        }

        @Override
        public long getSize() {
            return steps.size();
        }
    }
}
