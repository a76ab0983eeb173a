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
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Tasker's catalogue tables (namespaces, named tasks, dependent systems, named steps) in step with
 * the registered templates, once per template per process, and caches their ids for task creation. The named
 * task's {@code configuration} holds the template's YAML (see {@link TemplateConfiguration}), which
 * {@link StoredTemplates} reads back.
 */
public final class TemplateCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateCatalog.class);
    private static final Sql STORED_SHA256 = Sql.load(TemplateCatalog.class, "stored_template_sha256.sql");
    private static final Sql NAMESPACE = Sql.load(TemplateCatalog.class, "ensure_namespace.sql");
    private static final Sql NAMED_TASK = Sql.load(TemplateCatalog.class, "ensure_named_task.sql");
    private static final Sql DEPENDENT_SYSTEM = Sql.load(TemplateCatalog.class, "ensure_dependent_system.sql");
    private static final Sql NAMED_STEP = Sql.load(TemplateCatalog.class, "ensure_named_step.sql");
    private static final Sql NAMED_TASK_STEP = Sql.load(TemplateCatalog.class, "ensure_named_task_step.sql");

    private final Jdbc jdbc;
    private final Map<TemplateKey, Stored> stored = new ConcurrentHashMap<>();

    /** The template last stored under a key by this process, and its ids. */
    private record Stored(TaskTemplate template, TemplateIds ids) {
        boolean holds(TaskTemplate candidate) {
            return template == candidate || template.equals(candidate);
        }
    }

    public TemplateCatalog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The ids of the template's catalogue rows, storing them first if this process has not stored this template
     * yet. A template with other content than the one stored under its key replaces it, with a warning: tasks
     * already created from the old content will run with the new one.
     */
    public TemplateIds idsOf(TaskTemplate template) {
        Stored known = stored.get(template.key());
        if (known != null && known.holds(template)) {
            return known.ids();
        }
        TemplateIds ids = jdbc.inTransaction(c -> store(c, template));
        stored.put(template.key(), new Stored(template, ids));
        return ids;
    }

    private TemplateIds store(Connection c, TaskTemplate template) throws SQLException {
        int namespaceId = returningId(c, NAMESPACE, template.namespace(), null);
        Map<String, Object> configuration = TemplateConfiguration.of(template);
        warnIfChanged(c, namespaceId, template, (String) configuration.get(TemplateConfiguration.SHA256));
        int namedTaskId = returningId(c, NAMED_TASK, namespaceId, template.name(), template.version(),
                truncate(template.description()), Json.write(configuration));
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

    private static void warnIfChanged(Connection c, int namespaceId, TaskTemplate template, String sha256)
            throws SQLException {
        List<String> previous = Jdbc.query(c, STORED_SHA256, s -> TaskStore.bind(s, namespaceId, template.name(),
                template.version()), row -> row.getString(1));
        String before = previous.isEmpty() ? null : previous.getFirst();
        if (before != null && !Objects.equals(before, sha256)) {
            String from = template.sourceFile() == null ? "" : "from " + template.sourceFile() + ", ";
            LOG.warn("task template {} is stored in tasker_named_tasks with other content (sha256 {}); replacing it with"
                    + " the one registered now ({}sha256 {}). Tasks created from the old content will run with the new"
                    + " one: register a new version instead of editing a template in use.", template.key(), before,
                    from, sha256 == null ? "none, built in code" : sha256);
        }
    }

    private static int returningId(Connection c, Sql sql, Object... values) throws SQLException {
        return Jdbc.query(c, sql, s -> TaskStore.bind(s, values), row -> row.getInt(1)).getFirst();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 255 ? text : text.substring(0, 255);
    }
}
