package io.tasker.core.handler;

import java.util.List;
import java.util.Optional;

/** Tasker's {@code sequence}: every step of the task with its current results. */
public interface SequenceView {
    List<StepView> steps();

    Optional<StepView> findStepByName(String name);
}
