package io.tasker.core.engine;

import io.tasker.core.handler.StepFailure;

/** What one attempt of a step produced. */
sealed interface StepOutcome {

    /**
     * @param results the handler's return value as immutable JSON-shaped data
     * @param json the same value already written as JSON text (done on the handler's thread)
     */
    record Succeeded(Object results, String json) implements StepOutcome {
    }

    record Failed(StepFailure failure) implements StepOutcome {
    }
}
