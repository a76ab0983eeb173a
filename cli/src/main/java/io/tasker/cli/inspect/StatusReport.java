package io.tasker.cli.inspect;

import io.tasker.cli.run.Shortened;
import io.tasker.core.json.Json;
import io.tasker.core.query.TaskStatus;
import io.tasker.core.query.TaskStatus.StepStatus;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task as {@code tasker status} and the operator commands print it: text for people (values shortened to
 * keep a step on one line) or one JSON document whose field names are a contract (values whole).
 */
public final class StatusReport {

    private static final int MAX_VALUE_WIDTH = 100;
    private static final int MAX_ERROR_WIDTH = 300;
    private static final String GAP = "  ";

    private StatusReport() {
    }

    public static void text(TaskStatus task, PrintWriter out) {
        out.println("Task " + task.taskId() + " " + task.key() + ": " + task.state());
        field(out, "created", Times.of(task.createdAt()));
        field(out, "updated", Times.of(task.updatedAt()));
        if (task.nextRunAt() != null) {
            field(out, "next run at", Times.of(task.nextRunAt()));
        }
        if (task.idempotencyKey() != null) {
            field(out, "idempotency key", task.idempotencyKey());
        }
        if (!task.tags().isEmpty()) {
            field(out, "tags", String.join(", ", task.tags()));
        }
        field(out, "context", Shortened.to(Json.write(task.context()), MAX_VALUE_WIDTH));
        steps(task.steps(), out);
    }

    public static Map<String, Object> document(TaskStatus task) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("task_id", task.taskId());
        document.put("namespace", task.key().namespace());
        document.put("name", task.key().name());
        document.put("version", task.key().version());
        document.put("status", task.state());
        document.put("created_at", Times.iso(task.createdAt()));
        document.put("updated_at", Times.iso(task.updatedAt()));
        document.put("next_run_at", Times.iso(task.nextRunAt()));
        document.put("idempotency_key", task.idempotencyKey());
        document.put("initiator", task.initiator());
        document.put("source_system", task.sourceSystem());
        document.put("reason", task.reason());
        document.put("tags", task.tags());
        document.put("context", task.context());
        document.put("steps", task.steps().stream().map(StatusReport::step).toList());
        return document;
    }

    private static Map<String, Object> step(StepStatus step) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", step.name());
        fields.put("status", step.state());
        fields.put("attempts", step.attempts());
        fields.put("retry_limit", step.retryLimit());
        fields.put("retryable", step.retryable());
        fields.put("last_attempted_at", Times.iso(step.lastAttemptedAt()));
        fields.put("results", step.results());
        fields.put("error", step.error());
        return fields;
    }

    private static void field(PrintWriter out, String name, String value) {
        out.println(String.format("  %-17s %s", name + ":", value));
    }

    private static void steps(List<StepStatus> steps, PrintWriter out) {
        int nameWidth = Math.max("STEP".length(), steps.stream().mapToInt(s -> s.name().length()).max().orElse(0));
        int stateWidth = Math.max("STATUS".length(), steps.stream().mapToInt(s -> s.state().length()).max().orElse(0));
        String row = "  %-" + nameWidth + "s" + GAP + "%-" + stateWidth + "s" + GAP + "%-8s" + GAP + "%-20s" + GAP + "%s";
        out.println(String.format(row, "STEP", "STATUS", "ATTEMPTS", "LAST ATTEMPT", "RESULTS").stripTrailing());
        for (StepStatus step : steps) {
            out.println(String.format(row, step.name(), step.state(), attempts(step), Times.of(step.lastAttemptedAt()),
                    results(step)).stripTrailing());
            if (step.error() != null) {
                out.println("  " + " ".repeat(nameWidth) + GAP + "error: " + Shortened.firstLine(step.error(), MAX_ERROR_WIDTH));
            }
        }
    }

    /** Attempts made out of those allowed, e.g. {@code 1/3}. */
    private static String attempts(StepStatus step) {
        return step.retryLimit() == null ? String.valueOf(step.attempts()) : step.attempts() + "/" + step.retryLimit();
    }

    private static String results(StepStatus step) {
        return step.results() == null ? "" : Shortened.to(Json.write(step.results()), MAX_VALUE_WIDTH);
    }
}
