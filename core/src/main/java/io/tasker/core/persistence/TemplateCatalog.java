package io.tasker.core.persistence;

import io.tasker.core.database.Jdbc;
import io.tasker.core.database.Sql;

import io.tasker.core.json.Json;
import io.tasker.core.template.StepTemplate;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps Tasker's catalogue tables (namespaces, named tasks, dependent systems, named steps) in step with
 * the registered templates, once per template per process, and caches their ids for task creation.
 */
public final class TemplateCatalog {
    private static final Sql NAMESPACE = Sql.load(TemplateCatalog.class, "ensure_namespace.sql");
    private static final Sql NAMED_TASK = Sql.load(TemplateCatalog.class, "ensure_named_task.sql");
    private static final Sql DEPENDENT_SYSTEM = Sql.load(TemplateCatalog.class, "ensure_dependent_system.sql");
    private static final Sql NAMED_STEP = Sql.load(TemplateCatalog.class, "ensure_named_step.sql");
    private static final Sql NAMED_TASK_STEP = Sql.load(TemplateCatalog.class, "ensure_named_task_step.sql");

    private final Jdbc jdbc;
    private final Map<TemplateKey, TemplateIds> ids = new ConcurrentHashMap<>();

    public TemplateCatalog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public TemplateIds idsOf(TaskTemplate template) {
        TemplateIds known = ids.get(template.key());
        if (known != null) {
            return known;
        }
        TemplateIds stored = jdbc.inTransaction(c -> store(c, template));
        ids.put(template.key(), stored);
        return stored;
    }

    private TemplateIds store(Connection c, TaskTemplate template) throws SQLException {
        int namespaceId = returningId(c, NAMESPACE, template.namespace(), null);
        int namedTaskId = returningId(c, NAMED_TASK, namespaceId, template.name(), template.version(),
                truncate(template.description()), Json.write(Map.of("source_file", String.valueOf(template.sourceFile()))));
        List<Integer> stepIds = new ArrayList<>();
        for (StepTemplate step : template.stepTemplates()) {
            int systemId = returningId(c, DEPENDENT_SYSTEM, step.dependentSystem());
            int namedStepId = returningId(c, NAMED_STEP, systemId, step.name(), truncate(step.description()));
            Jdbc.update(c, NAMED_TASK_STEP, s -> TaskStore.bind(s, namedTaskId, namedStepId, step.skippable(),
                    step.retryable(), step.retryLimit()));
            stepIds.add(namedStepId);
        }
        return new TemplateIds(namedTaskId, stepIds);
    }

    private static int returningId(Connection c, Sql sql, Object... values) throws SQLException {
        return Jdbc.query(c, sql, s -> TaskStore.bind(s, values), row -> row.getInt(1)).getFirst();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 255 ? text : text.substring(0, 255);
    }
}
