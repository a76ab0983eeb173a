package io.tasker.cli.inspect;

import io.tasker.cli.run.OutputFormat;
import io.tasker.core.json.Json;
import io.tasker.core.query.TaskFilter;
import io.tasker.core.query.TaskSummary;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of tasks: a table, or one JSON document {@code {"tasks": [...], "next_before": ID}} where
 * {@code next_before} is the cursor of the next page (null when this page is not full, so there is none).
 */
final class TaskListReport {

    private TaskListReport() {
    }

    static void print(List<TaskSummary> tasks, TaskFilter filter, OutputFormat output, PrintWriter out) {
        Long next = tasks.size() < filter.limit() ? null : tasks.getLast().taskId();
        switch (output) {
            case text -> text(tasks, next, out);
            case json -> out.println(Json.write(document(tasks, next)));
        }
    }

    private static void text(List<TaskSummary> tasks, Long next, PrintWriter out) {
        if (tasks.isEmpty()) {
            out.println("No tasks match.");
            return;
        }
        int idWidth = Math.max("ID".length(), tasks.stream().mapToInt(t -> Long.toString(t.taskId()).length()).max().orElse(0));
        int stateWidth = Math.max("STATUS".length(), tasks.stream().mapToInt(t -> t.state().length()).max().orElse(0));
        int keyWidth = Math.max("TEMPLATE".length(), tasks.stream().mapToInt(t -> t.key().toString().length()).max().orElse(0));
        String row = "%-" + idWidth + "s  %-" + stateWidth + "s  %-" + keyWidth + "s  %-20s  %s";
        out.println(String.format(row, "ID", "STATUS", "TEMPLATE", "CREATED", "UPDATED"));
        for (TaskSummary task : tasks) {
            out.println(String.format(row, task.taskId(), task.state(), task.key(), Times.of(task.createdAt()),
                    Times.of(task.updatedAt())));
        }
        if (next != null) {
            out.println("More tasks may follow: add --before " + next + " for the next page.");
        }
    }

    private static Map<String, Object> document(List<TaskSummary> tasks, Long next) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("tasks", tasks.stream().map(TaskListReport::task).toList());
        document.put("next_before", next);
        return document;
    }

    private static Map<String, Object> task(TaskSummary task) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("task_id", task.taskId());
        fields.put("namespace", task.key().namespace());
        fields.put("name", task.key().name());
        fields.put("version", task.key().version());
        fields.put("status", task.state());
        fields.put("created_at", Times.iso(task.createdAt()));
        fields.put("updated_at", Times.iso(task.updatedAt()));
        fields.put("idempotency_key", task.idempotencyKey());
        return fields;
    }
}
