package io.tasker.core.engine;

/** The operator's actions on a task; each one is audited as transitions with the actor in their metadata. */
sealed interface Operation {
    Actor actor();

    /** Task to {@code cancelled}; its pending and running steps too. */
    record Cancel(Actor actor) implements Operation {
    }

    /** Task in {@code error} back to {@code pending}; exhausted or permanently failed steps get new attempts. */
    record Retry(Actor actor) implements Operation {
    }

    /** A pending or failed step to {@code resolved_manually} with the given results; its children may run. */
    record ResolveStep(String stepName, Object results, Actor actor) implements Operation {
    }

    /** A step's attempts back to zero (and retryable again), so that it is retried. */
    record ResetStep(String stepName, Actor actor) implements Operation {
    }
}
