package io.tasker.core.persistence;

import io.tasker.core.database.Jdbc;
import io.tasker.core.database.Sql;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateException;
import io.tasker.core.template.TemplateKey;
import io.tasker.core.template.TemplateLoader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Task templates as {@link TemplateCatalog} stored them in {@code tasker_named_tasks.configuration}, parsed again
 * with a {@link TemplateLoader} (whose environment's overrides are merged, as for a file). Lets a process that
 * does not have the YAML file (a worker, {@code tasker cancel 42}) work on tasks of any registered template.
 */
public final class StoredTemplates {
    private static final Sql BY_KEY = Sql.load(StoredTemplates.class, "find_stored_template.sql");
    private static final Sql BY_ID = Sql.load(StoredTemplates.class, "find_stored_template_by_id.sql");
    private static final Sql OF_TASK = Sql.load(StoredTemplates.class, "find_stored_template_of_task.sql");

    private final Jdbc jdbc;
    private final TemplateLoader loader;

    public StoredTemplates(Jdbc jdbc, TemplateLoader loader) {
        this.jdbc = jdbc;
        this.loader = loader;
    }

    /**
     * @return the stored template, or empty when no template is stored under the key
     * @throws StoredTemplateException when one is stored without its YAML or its YAML no longer parses
     */
    public Optional<TaskTemplate> find(TemplateKey key) {
        return jdbc.queryOne(BY_KEY, s -> TaskStore.bind(s, key.namespace(), key.name(), key.version()), Row::of)
                .map(this::parse);
    }

    /** The template stored as named task {@code namedTaskId}; see {@link #find(TemplateKey)}. */
    public Optional<TaskTemplate> findByNamedTaskId(int namedTaskId) {
        return jdbc.queryOne(BY_ID, s -> s.setInt(1, namedTaskId), Row::of).map(this::parse);
    }

    /** The template task {@code taskId} was created from; empty when there is no such task. */
    public Optional<TaskTemplate> findForTask(long taskId) {
        return jdbc.queryOne(OF_TASK, s -> s.setLong(1, taskId), Row::of).map(this::parse);
    }

    private TaskTemplate parse(Row row) {
        String origin = row.key() + " stored in tasker_named_tasks (named_task_id " + row.namedTaskId() + ")";
        if (row.yaml() == null) {
            throw new StoredTemplateException(row.key(), "task template " + origin + " has no YAML text: it was built in"
                    + " code or registered by an older tasker; register its YAML file again (tasker submit, or"
                    + " TaskerEngine.register with a template loaded from the file)", null);
        }
        try {
            return loader.parse(row.yaml(), origin);
        } catch (TemplateException e) {
            throw new StoredTemplateException(row.key(), "task template " + origin + " cannot be parsed in environment '"
                    + loader.environment() + "':\n" + e.getMessage(), e);
        }
    }

    /** One catalogue row: the named task's id, its key and its stored YAML (null if none was stored). */
    private record Row(int namedTaskId, TemplateKey key, String yaml) {
        static Row of(ResultSet row) throws SQLException {
            return new Row(row.getInt("named_task_id"),
                    new TemplateKey(row.getString("namespace"), row.getString("name"), row.getString("version")),
                    row.getString("template_yaml"));
        }
    }
}
