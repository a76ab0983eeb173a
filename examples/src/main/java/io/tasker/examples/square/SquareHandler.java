package io.tasker.examples.square;

import io.tasker.core.handler.PermanentError;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.math.BigInteger;
import java.util.Map;

/**
 * Squares its input: a root step takes the task's {@code even_number}, a step with one parent takes that
 * parent's {@code result}, a step with several parents the product of their results. A chain of four
 * such steps, or the diamond A → (B, C) → D, turns N into N^16.
 */
public final class SquareHandler implements StepHandler {

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) throws PermanentError {
        BigInteger input = step.parentNames().isEmpty() ? evenNumber(task) : productOfParents(sequence, step);
        BigInteger square = input.multiply(input);
        return Map.of("result", square.bitLength() < 64 ? (Object) square.longValue() : square);
    }

    private static BigInteger evenNumber(TaskView task) throws PermanentError {
        Object value = task.context().get("even_number");
        if (!(value instanceof Number number)) {
            throw new PermanentError("context.even_number must be a number, got " + value, "BAD_CONTEXT", Map.of());
        }
        return new BigInteger(number.toString());
    }

    private static BigInteger productOfParents(SequenceView sequence, StepView step) throws PermanentError {
        BigInteger product = BigInteger.ONE;
        for (String parent : step.parentNames()) {
            StepView parentStep = sequence.findStepByName(parent)
                    .orElseThrow(() -> new PermanentError("parent step " + parent + " is missing"));
            if (!(parentStep.results() instanceof Map<?, ?> results) || !(results.get("result") instanceof Number n)) {
                throw new PermanentError("parent step " + parent + " has no numeric result: " + parentStep.results());
            }
            product = product.multiply(new BigInteger(n.toString()));
        }
        return product;
    }
}
