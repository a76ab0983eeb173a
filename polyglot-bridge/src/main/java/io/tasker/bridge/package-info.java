/**
 * Ruby and Python step handlers in-process: the {@code StepHandlerFactory} of each language (found with
 * {@code ServiceLoader}), the bounded pool of contexts per language, and the step handler that runs an attempt
 * in a pooled context and maps its outcome.
 */
package io.tasker.bridge;
