package io.tasker.core.config;

/**
 * How steps run.
 *
 * @param maxConcurrentSteps handler executions at once in one engine (all tasks together)
 * @param defaultStepTimeoutSeconds an attempt's wall-clock limit when the step template sets no {@code timeout_seconds}
 * @param maxApplyBatch most step outcomes applied in one transaction (group commit)
 * @param maxResultBytes largest JSON size of one step's results that is stored
 * @param orchestratorThreads orchestrators in one engine, each owning the tasks whose id falls to it
 */
public record ExecutionConfig(int maxConcurrentSteps, int defaultStepTimeoutSeconds, int maxApplyBatch, int maxResultBytes,
                              int orchestratorThreads) {

    public static final int DEFAULT_ORCHESTRATOR_THREADS = 1;

    /** The settings with the default number of orchestrator threads. */
    public ExecutionConfig(int maxConcurrentSteps, int defaultStepTimeoutSeconds, int maxApplyBatch, int maxResultBytes) {
        this(maxConcurrentSteps, defaultStepTimeoutSeconds, maxApplyBatch, maxResultBytes, DEFAULT_ORCHESTRATOR_THREADS);
    }
}
