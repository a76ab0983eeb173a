package io.tasker.core.maintenance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows purged (or, for a dry run, that would be) per table, tasks first.
 *
 * @param byTable table name to row count, in the order {@link #TABLES} lists them
 */
public record PurgeCounts(Map<String, Long> byTable) {

    /** The tables in the order reports list them: the tasks, then what belongs to them. */
    public static final List<String> TABLES = List.of(
            "tasker_tasks", "tasker_workflow_steps", "tasker_workflow_step_edges", "tasker_workflow_step_transitions",
            "tasker_task_transitions", "tasker_task_annotations");

    public static final PurgeCounts NONE = new PurgeCounts(Map.of());

    public PurgeCounts {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String table : TABLES) {
            ordered.put(table, byTable.getOrDefault(table, 0L));
        }
        byTable = Collections.unmodifiableMap(ordered);
    }

    public long of(String table) {
        Long count = byTable.get(table);
        if (count == null) {
            throw new IllegalArgumentException("table: got " + table + ", expected one of " + TABLES);
        }
        return count;
    }

    public long tasks() {
        return of("tasker_tasks");
    }

    public PurgeCounts plus(PurgeCounts other) {
        Map<String, Long> sum = new LinkedHashMap<>(byTable);
        other.byTable.forEach((table, count) -> sum.merge(table, count, Long::sum));
        return new PurgeCounts(sum);
    }
}
