package io.tasker.cli.operate;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.DatabaseFailures;
import io.tasker.cli.InvalidInputException;
import io.tasker.cli.OperatorEngines;
import io.tasker.cli.inspect.TaskLookup;
import io.tasker.core.config.ConfigLoader;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.database.Database;
import io.tasker.core.database.Jdbc;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.persistence.StoredTemplateException;
import io.tasker.core.persistence.StoredTemplates;
import io.tasker.core.query.TaskQueries;
import io.tasker.core.query.TaskStatus;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateLoader;

/**
 * The database, an engine that runs no step, and the stores an operator command reads: the task as stored, and
 * the template it was created from as stored in {@code tasker_named_tasks}, so that no YAML file is needed.
 */
final class OperatorSession implements AutoCloseable {

    private final Database db;
    private final TaskerEngine engine;
    private final TaskQueries queries;
    private final StoredTemplates templates;
    private final String database;

    private OperatorSession(Database db, TaskerConfig config, CliEnvironment environment) {
        this.db = db;
        this.engine = OperatorEngines.open(db, config, environment);
        Jdbc jdbc = new Jdbc(db.dataSource());
        this.queries = new TaskQueries(jdbc);
        this.templates = new StoredTemplates(jdbc, new TemplateLoader(ConfigLoader.environmentName(environment.variables())));
        this.database = DatabaseFailures.describe(config.database());
    }

    static OperatorSession open(TaskerConfig config, CliEnvironment environment) {
        Database db = Database.open(config.database());
        try {
            return new OperatorSession(db, config, environment);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** @throws InvalidInputException when there is no such task */
    TaskStatus task(long taskId) {
        return TaskLookup.require(queries, taskId, database);
    }

    /** Registers the task's template with the engine, which acts only on tasks of templates it knows. */
    void registerTemplateOf(TaskStatus task) {
        TaskTemplate template;
        try {
            template = templates.find(task.key()).orElseThrow(() -> new InvalidInputException("task " + task.taskId()
                    + ": its template " + task.key() + " is not stored in tasker_named_tasks of " + database));
        } catch (StoredTemplateException e) {
            throw new InvalidInputException("task " + task.taskId() + ": " + e.getMessage(), e);
        }
        try {
            engine.register(template);
        } catch (HandlerResolutionException e) {
            throw new IllegalStateException("handlers that never run cannot fail to resolve", e);
        }
    }

    TaskerEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            db.close();
        }
    }
}
