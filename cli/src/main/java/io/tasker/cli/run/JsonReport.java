package io.tasker.cli.run;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.json.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --output json}: one JSON document on one line, so that scripts can pipe stdout straight into a parser.
 * The field names are a contract; results are the stored JSON as it is, never truncated.
 */
final class JsonReport {

    private JsonReport() {
    }

    static void print(TaskResult task, PrintWriter out) {
        out.println(Json.write(document(task)));
    }

    static Map<String, Object> document(TaskResult task) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("task_id", task.taskId());
        document.put("namespace", task.key().namespace());
        document.put("name", task.key().name());
        document.put("version", task.key().version());
        document.put("status", task.status());
        document.put("steps", task.steps().stream().map(JsonReport::step).toList());
        return document;
    }

    private static Map<String, Object> step(TaskResult.StepResult step) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", step.name());
        fields.put("status", step.status());
        fields.put("attempts", step.attempts());
        fields.put("results", step.results());
        fields.put("error", step.error());
        return fields;
    }
}
