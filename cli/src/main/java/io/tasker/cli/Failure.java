package io.tasker.cli;

import io.tasker.core.config.ConfigException;
import io.tasker.core.database.DatabaseUnavailableException;
import io.tasker.core.engine.TaskCreationException;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.template.ContextValidationException;
import io.tasker.core.template.TemplateException;
import java.util.List;
import java.util.Optional;

/**
 * What a failed command tells its user: the exit code and one message. Engine failures arrive wrapped (in
 * futures, in creation errors), so the whole cause chain is searched; an unavailable database wins over
 * everything else, because retrying with the same input can then succeed.
 */
record Failure(ExitCode exitCode, String message) {

    private static final List<Class<? extends Throwable>> INVALID_INPUT = List.of(
            InvalidInputException.class, TemplateException.class, ContextValidationException.class,
            TaskCreationException.class, HandlerResolutionException.class, ConfigException.class);

    static Failure of(Throwable thrown) {
        return unavailable(thrown)
                .or(() -> invalidInput(thrown))
                .orElseGet(() -> new Failure(ExitCode.INTERNAL_ERROR,
                        "internal error: " + thrown.getClass().getName() + ": " + thrown.getMessage()));
    }

    private static Optional<Failure> unavailable(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceUnavailableException || cause instanceof DatabaseUnavailableException) {
                return Optional.of(new Failure(ExitCode.UNAVAILABLE, cause.getMessage()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Failure> invalidInput(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> type : INVALID_INPUT) {
                if (type.isInstance(cause)) {
                    return Optional.of(new Failure(ExitCode.INVALID_INPUT, cause.getMessage()));
                }
            }
        }
        return Optional.empty();
    }
}
