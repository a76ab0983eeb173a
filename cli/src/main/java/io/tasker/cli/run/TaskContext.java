package io.tasker.cli.run;

import io.tasker.cli.InvalidInputException;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.template.ContextValidationException;
import io.tasker.core.template.ContextValidator;
import io.tasker.core.template.TaskTemplate;
import java.util.Map;

/**
 * The context a task is created with and where it came from, so that a context the schema rejects is reported
 * against the flag or file the user has to fix.
 *
 * @param source {@code --context}, {@code --context-file FILE}, or a note that neither was given
 */
public record TaskContext(Map<String, Object> values, String source) {

    static final TaskContext EMPTY = new TaskContext(Map.of(), "the context {} (neither --context nor --context-file was given)");

    /**
     * The engine checks this too, but only after the database is up; a typo in the context should not need one.
     *
     * @throws InvalidInputException naming the source and every violation of the template's schema
     */
    public void checkAgainst(TaskTemplate template, TaskerConfig config) {
        try {
            new ContextValidator(config.engine().strictContextValidation()).validate(template, values);
        } catch (ContextValidationException e) {
            throw new InvalidInputException(source + ": " + e.getMessage(), e);
        }
    }
}
