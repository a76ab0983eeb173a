package io.tasker.core.engine;

import io.tasker.core.config.EngineConfig;
import io.tasker.core.json.StorableValues;
import io.tasker.core.persistence.CreatedTask;
import io.tasker.core.persistence.NewTask;
import io.tasker.core.persistence.TaskStore;
import io.tasker.core.persistence.TemplateCatalog;
import io.tasker.core.template.ContextValidator;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateKey;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns task requests into stored tasks (TASKER-COMPAT.md §5): the template must be registered, the
 * context must satisfy its schema (or its task handler's), the task handler's
 * {@code establish_step_dependencies_and_defaults} may change the defaults, and a repeated idempotency key or
 * identity returns the existing task.
 */
final class TaskCreation {
    private final EngineConfig config;
    private final InstantSource clock;
    private final TemplateCatalog catalog;
    private final TaskStore store;
    private final Function<TemplateKey, Optional<TaskTemplate>> templates;
    private final Function<TemplateKey, Optional<TemplateHooks>> hooks;
    private final CreationHooks creationHooks;

    /** @param hooks the task handler hooks of a registered template ({@code HandlerRegistry::taskHooks}) */
    TaskCreation(EngineConfig config, InstantSource clock, TemplateCatalog catalog, TaskStore store,
                 Function<TemplateKey, Optional<TaskTemplate>> templates,
                 Function<TemplateKey, Optional<TemplateHooks>> hooks) {
        this.config = config;
        this.clock = clock;
        this.catalog = catalog;
        this.store = store;
        this.templates = templates;
        this.hooks = hooks;
        this.creationHooks = new CreationHooks(new ContextValidator(config.strictContextValidation()));
    }

    /** @param queued whether the new tasks go to the queue for any worker, or are left to the caller to run */
    List<CreatedTask> create(List<TaskRequest> requests, boolean queued) {
        Instant now = clock.instant();
        List<NewTask> tasks = new ArrayList<>(requests.size());
        for (TaskRequest request : requests) {
            tasks.add(prepare(request, now));
        }
        List<CreatedTask> created = store.create(tasks, now, queued);
        for (int i = 0; i < created.size(); i++) {
            requireSameTemplate(requests.get(i), tasks.get(i), created.get(i));
        }
        return created;
    }

    @SuppressWarnings("unchecked")
    private NewTask prepare(TaskRequest request, Instant now) {
        TemplateKey key = new TemplateKey(request.namespace(), request.name(), request.version());
        TaskTemplate template = templates.apply(key).orElseThrow(() -> new TaskCreationException(
                "no task template " + key + " is registered"));
        Optional<TemplateHooks> handler = hooks.apply(key);
        Map<String, Object> context = (Map<String, Object>) StorableValues.toStorable(request.context());
        creationHooks.validate(template, handler, context);
        Instant requestedAt = request.requestedAt() == null ? now : request.requestedAt();
        NewTask task = new NewTask(template, catalog.idsOf(template), context, request.initiator(),
                request.sourceSystem(), request.reason(), request.tags(), request.bypassSteps(), requestedAt,
                Identity.of(config.identityStrategy(), request, requestedAt), request.idempotencyKey(),
                request.priority());
        return creationHooks.establish(task, handler);
    }

    private static void requireSameTemplate(TaskRequest request, NewTask task, CreatedTask created) {
        if (!created.created() && !created.key().equals(task.template().key())) {
            throw new TaskCreationException("idempotency key '" + request.idempotencyKey() + "' already names task "
                    + created.taskId() + " of template " + created.key() + ", not of " + task.template().key());
        }
    }
}
