package io.tasker.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasker.core.handler.TaskDraft;
import io.tasker.core.handler.TaskHookException;
import io.tasker.core.handler.TaskHooks.Hook;
import io.tasker.core.json.Json;
import io.tasker.core.persistence.NewTask;
import io.tasker.core.template.ContextValidator;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The task handler's hooks at creation (TASKER-COMPAT.md §1.6): its {@code schema}, asked once per template and
 * used instead of the template's, and {@code establish_step_dependencies_and_defaults}, run on each task before it
 * is written, so that what it changes is written in the creation's one transaction and a hook that raises leaves
 * nothing stored.
 */
final class CreationHooks {
    private final ContextValidator validator;
    private final ConcurrentMap<TemplateKey, Schema> schemas = new ConcurrentHashMap<>();

    /** The schema a handler gave for a template (the template itself kept to notice a replaced one). */
    private record Schema(TaskTemplate template, JsonNode schema) {
    }

    CreationHooks(ContextValidator validator) {
        this.validator = validator;
    }

    /** Checks the context against the handler's schema when it defines one, else against the template's. */
    void validate(TaskTemplate template, Optional<TemplateHooks> hooks, Map<String, Object> context) {
        if (hooks.isEmpty() || !hooks.get().defines(Hook.SCHEMA)) {
            validator.validate(template, context);
        } else {
            validator.validate(template, schemaOf(template, hooks.get()), context);
        }
    }

    /** The task as {@code establish_step_dependencies_and_defaults} leaves it; the same task when it has none. */
    NewTask establish(NewTask task, Optional<TemplateHooks> hooks) {
        if (hooks.isEmpty() || !hooks.get().defines(Hook.ESTABLISH_STEP_DEPENDENCIES_AND_DEFAULTS)) {
            return task;
        }
        TaskDraft draft = StepDefaults.draftOf(task);
        TaskDraft changed;
        try {
            changed = hooks.get().hooks().establishStepDependenciesAndDefaults(draft);
        } catch (Exception e) {
            throw failed(task.template(), hooks.get(), Hook.ESTABLISH_STEP_DEPENDENCIES_AND_DEFAULTS, e);
        }
        if (changed == null || changed.equals(draft)) {
            return task;
        }
        return StepDefaults.apply(task, draft, changed,
                hooks.get().describe(Hook.ESTABLISH_STEP_DEPENDENCIES_AND_DEFAULTS));
    }

    private JsonNode schemaOf(TaskTemplate template, TemplateHooks hooks) {
        Schema cached = schemas.get(template.key());
        if (cached != null && cached.template() == template) {
            return cached.schema();
        }
        JsonNode schema = askSchema(template, hooks);
        schemas.put(template.key(), new Schema(template, schema));
        return schema;
    }

    private JsonNode askSchema(TaskTemplate template, TemplateHooks hooks) {
        Map<String, Object> answer;
        try {
            answer = hooks.hooks().schema();
        } catch (Exception e) {
            throw failed(template, hooks, Hook.SCHEMA, e);
        }
        if (answer == null) {
            return template.schema();
        }
        JsonNode schema = Json.tree(answer);
        try {
            validator.compile(template.key(), schema);
        } catch (IllegalArgumentException e) {
            throw new TaskCreationException(cannotCreate(template) + hooks.describe(Hook.SCHEMA)
                    + " returned a schema that cannot be compiled: " + e.getMessage(), e);
        }
        return schema;
    }

    private static TaskCreationException failed(TaskTemplate template, TemplateHooks hooks, Hook hook, Exception e) {
        if (e instanceof TaskHookException guest) {
            String at = guest.backtrace().lines().findFirst().map(frame -> " (at " + frame.strip() + ")").orElse("");
            return new TaskCreationException(cannotCreate(template) + "its task handler " + guest.getMessage() + at, e);
        }
        return new TaskCreationException(cannotCreate(template) + "its task handler " + hooks.describe(hook)
                + " raised " + e.getClass().getName() + ": " + e.getMessage(), e);
    }

    private static String cannotCreate(TaskTemplate template) {
        return "a task of " + template.key() + " cannot be created: ";
    }
}
