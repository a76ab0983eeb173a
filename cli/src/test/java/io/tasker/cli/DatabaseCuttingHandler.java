package io.tasker.cli;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Takes the task's own database away while its first attempt runs — refuses new connections and ends the open
 * ones, as a failover or an operator would — then succeeds, so that the engine loses the database between
 * running a step and storing its outcome. Later attempts just succeed.
 */
public final class DatabaseCuttingHandler implements StepHandler {

    private final Map<?, ?> config;

    /** @param config {@code admin_url}, {@code user}, {@code password} of a maintenance database, and the {@code database} to cut */
    public DatabaseCuttingHandler(Map<?, ?> config) {
        this.config = config;
    }

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) throws SQLException {
        if (step.attempts() == 1) {
            cutOff((String) config.get("database"));
        }
        return Map.of("result", 2);
    }

    private void cutOff(String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection((String) config.get("admin_url"),
                (String) config.get("user"), (String) config.get("password"));
             Statement refuse = admin.createStatement();
             PreparedStatement terminate = admin.prepareStatement(
                     "select pg_terminate_backend(pid) from pg_stat_activity where datname = ?")) {
            refuse.execute("alter database \"" + database + "\" allow_connections false");
            terminate.setString(1, database);
            terminate.execute();
        }
    }
}
