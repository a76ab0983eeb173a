package io.tasker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads (and, to age tasks, changes) what the commands stored, straight from the test's database. */
final class Rows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Rows() {
    }

    /** The first column of every row, as text. */
    static List<String> strings(TestDatabase database, String sql, Object... args) {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(TestDatabase database, String sql, Object... args) {
        return Long.parseLong(strings(database, sql, args).getFirst());
    }

    static int update(TestDatabase database, String sql, Object... args) {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes a task look as if it had reached its current state {@code days} ago, as purge judges age. */
    static void age(TestDatabase database, long taskId, int days) {
        update(database, "UPDATE tasker_task_transitions SET created_at = created_at - make_interval(days => ?)"
                + " WHERE task_id = ?", days, taskId);
    }

    /** The metadata of a task's most recent transition. */
    static JsonNode currentTaskTransitionMetadata(TestDatabase database, long taskId) throws Exception {
        return JSON.readTree(strings(database, "SELECT metadata FROM tasker_task_transitions WHERE task_id = ?"
                + " AND most_recent", taskId).getFirst());
    }

    /** The metadata of a step's most recent transition. */
    static JsonNode currentStepTransitionMetadata(TestDatabase database, long taskId, String step) throws Exception {
        return JSON.readTree(strings(database, """
                SELECT st.metadata FROM tasker_workflow_step_transitions st
                  JOIN tasker_workflow_steps ws ON ws.workflow_step_id = st.workflow_step_id
                  JOIN tasker_named_steps ns ON ns.named_step_id = ws.named_step_id
                 WHERE ws.task_id = ? AND ns.name = ? AND st.most_recent""", taskId, step).getFirst());
    }

    static JsonNode onlyDocument(String stdout) throws Exception {
        List<JsonNode> documents = new ArrayList<>();
        JSON.readerFor(JsonNode.class).<JsonNode>readValues(stdout).forEachRemaining(documents::add);
        if (documents.size() != 1) {
            throw new AssertionError("expected one JSON document on stdout, got " + documents.size() + ":\n" + stdout);
        }
        return documents.getFirst();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
