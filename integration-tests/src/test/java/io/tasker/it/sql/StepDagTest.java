package io.tasker.it.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code calculate_dependency_levels} and the view {@code tasker_step_dag_relationships} (§3.8). */
@ExtendWith(TaskerDatabaseExtension.class)
class StepDagTest {

    record Relationship(
            long workflowStepId,
            long taskId,
            String parentStepIds,
            String childStepIds,
            int parentCount,
            int childCount,
            boolean rootStep,
            boolean leafStep,
            Integer minDepthFromRoot) {}

    @Test
    void a_diamond_has_its_root_at_level_zero_both_branches_at_one_and_the_join_at_two(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            TaskFixture task = fixture.newTask();
            long a = task.step("a").create();
            long b = task.step("b").dependsOn(a).create();
            long c = task.step("c").dependsOn(a).create();
            long d = task.step("d").dependsOn(b, c).create();

            assertThat(levels(fixture.connection(), task.taskId()))
                    .containsExactly(entry(a, 0), entry(b, 1), entry(c, 1), entry(d, 2));
        }
    }

    @Test
    void a_step_sits_one_level_below_its_deepest_parent(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            TaskFixture task = fixture.newTask();
            long start = task.step("start").create();
            long validate = task.step("validate").dependsOn(start).create();
            long enrich = task.step("enrich").dependsOn(validate).create();
            long lookup = task.step("lookup").create();
            long merge = task.step("merge").dependsOn(start, enrich, lookup).create();
            long publish = task.step("publish").dependsOn(merge, lookup).create();
            long audit = task.step("audit").create();

            assertThat(levels(fixture.connection(), task.taskId())).containsExactly(
                    entry(start, 0),
                    entry(validate, 1),
                    entry(enrich, 2),
                    entry(lookup, 0),
                    entry(merge, 3),
                    entry(publish, 4),
                    entry(audit, 0));
        }
    }

    @Test
    void levels_of_a_wide_lattice_are_computed_without_walking_every_path(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            TaskFixture task = fixture.newTask();
            int depth = 40;
            long[] previous = {task.step("root_left").create(), task.step("root_right").create()};
            for (int level = 1; level < depth; level++) {
                previous = new long[] {
                    task.step("left_" + level).dependsOn(previous).create(),
                    task.step("right_" + level).dependsOn(previous).create()
                };
            }
            setStatementTimeout(fixture.connection(), "10s");

            Map<Long, Integer> levels = levels(fixture.connection(), task.taskId());

            assertThat(levels).hasSize(2 * depth);
            assertThat(levels.get(previous[0])).isEqualTo(depth - 1);
            assertThat(levels.get(previous[1])).isEqualTo(depth - 1);
        }
    }

    @Test
    void levels_stay_within_the_task(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            TaskFixture other = fixture.newTask();
            long otherRoot = other.step("root").create();
            other.step("child").dependsOn(otherRoot).create();
            TaskFixture task = fixture.newTask();
            long only = task.step("only").create();

            assertThat(levels(fixture.connection(), task.taskId())).containsExactly(entry(only, 0));
        }
    }

    @Test
    void levels_of_cyclic_data_are_bounded_instead_of_recursing_forever(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            TaskFixture task = fixture.newTask();
            long root = task.step("root").create();
            long ping = task.step("ping").dependsOn(root).create();
            long pong = task.step("pong").dependsOn(ping).create();
            task.edge(pong, ping);
            setStatementTimeout(fixture.connection(), "10s");

            Map<Long, Integer> levels = levels(fixture.connection(), task.taskId());
            List<Relationship> relationships = relationships(fixture.connection(), task.taskId());

            assertThat(levels).containsOnlyKeys(root, ping, pong);
            assertThat(levels.values()).allSatisfy(level -> assertThat(level).isBetween(0, 3));
            assertThat(relationships).extracting(Relationship::minDepthFromRoot).containsExactly(0, 1, 2);
        }
    }

    @Test
    void the_relationships_view_lists_parents_children_roots_leaves_and_shortest_depth(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            TaskFixture task = fixture.newTask();
            long a = task.step("a").create();
            long b = task.step("b").dependsOn(a).create();
            long c = task.step("c").dependsOn(b).create();
            long d = task.step("d").dependsOn(c, a).create();
            long lone = task.step("lone").create();
            fixture.newTask().step("elsewhere").create();

            List<Relationship> rows = relationships(fixture.connection(), task.taskId());

            assertThat(rows).containsExactly(
                    new Relationship(a, task.taskId(), "[]", "[" + b + ", " + d + "]", 0, 2, true, false, 0),
                    new Relationship(b, task.taskId(), "[" + a + "]", "[" + c + "]", 1, 1, false, false, 1),
                    new Relationship(c, task.taskId(), "[" + b + "]", "[" + d + "]", 1, 1, false, false, 2),
                    new Relationship(d, task.taskId(), "[" + a + ", " + c + "]", "[]", 2, 0, false, true, 1),
                    new Relationship(lone, task.taskId(), "[]", "[]", 0, 0, true, true, 0));
        }
    }

    private static Map<Long, Integer> levels(Connection connection, long taskId) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT * FROM calculate_dependency_levels(?)")) {
            statement.setLong(1, taskId);
            try (ResultSet rows = statement.executeQuery()) {
                Map<Long, Integer> levels = new LinkedHashMap<>();
                while (rows.next()) {
                    levels.put(rows.getLong("workflow_step_id"), rows.getInt("dependency_level"));
                }
                return levels;
            }
        }
    }

    private static List<Relationship> relationships(Connection connection, long taskId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT * FROM tasker_step_dag_relationships WHERE task_id = ? ORDER BY workflow_step_id")) {
            statement.setLong(1, taskId);
            try (ResultSet rows = statement.executeQuery()) {
                List<Relationship> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(new Relationship(
                            rows.getLong("workflow_step_id"),
                            rows.getLong("task_id"),
                            rows.getString("parent_step_ids"),
                            rows.getString("child_step_ids"),
                            rows.getInt("parent_count"),
                            rows.getInt("child_count"),
                            rows.getBoolean("is_root_step"),
                            rows.getBoolean("is_leaf_step"),
                            rows.getObject("min_depth_from_root", Integer.class)));
                }
                return result;
            }
        }
    }

    /** Makes a runaway recursion fail the test instead of hanging it; ends with the fixture's transaction. */
    private static void setStatementTimeout(Connection connection, String timeout) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
            statement.setString(1, timeout);
            statement.executeQuery().close();
        }
    }
}
