package io.tasker.cli;

import io.tasker.core.handler.HandlerEnvironment;
import io.tasker.core.handler.HandlerSpec;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepHandlerFactory;
import io.tasker.core.template.HandlerLanguage;
import java.util.Arrays;
import java.util.List;

/**
 * Step handlers for an engine that never runs a step: {@code submit} creates tasks and the operator commands
 * change their states, while workers run them. The engine resolves a handler for every step of a template it
 * registers; these stand in for them, so that neither the handler code (jars, Ruby or Python sources) nor a
 * guest language is needed to submit a task or cancel one. Should one ever be called, it fails the attempt
 * saying why, rather than doing nothing.
 */
public final class NotRunHandlers implements StepHandlerFactory {

    private final String language;

    private NotRunHandlers(String language) {
        this.language = language;
    }

    /** One factory per handler language; given to the engine's builder, they take precedence over the real ones. */
    public static List<StepHandlerFactory> forEveryLanguage() {
        return Arrays.stream(HandlerLanguage.values()).<StepHandlerFactory>map(l -> new NotRunHandlers(l.wireName())).toList();
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public void start(HandlerEnvironment environment) {
        // nothing to start: no handler code is loaded
    }

    @Override
    public StepHandler create(HandlerSpec spec) {
        return (task, sequence, step) -> {
            throw new IllegalStateException("step '" + spec.stepName() + "' of task '" + spec.taskName()
                    + "' cannot run in this tasker command, which only creates tasks or changes their states");
        };
    }
}
