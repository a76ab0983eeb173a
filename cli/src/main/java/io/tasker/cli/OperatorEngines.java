package io.tasker.cli;

import io.tasker.core.config.ConfigLoader;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.database.Database;
import io.tasker.core.engine.TaskerEngine;

/** The engine of commands that create tasks or act on them but run no step (see {@link NotRunHandlers}). */
public final class OperatorEngines {

    private OperatorEngines() {
    }

    public static TaskerEngine open(Database db, TaskerConfig config, CliEnvironment environment) {
        TaskerEngine.Builder builder = TaskerEngine.builder(db.dataSource(), config)
                .environmentName(ConfigLoader.environmentName(environment.variables()));
        NotRunHandlers.forEveryLanguage().forEach(builder::handlerFactory);
        return builder.build();
    }
}
