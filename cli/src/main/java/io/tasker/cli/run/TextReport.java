package io.tasker.cli.run;

import io.tasker.core.engine.TaskResult;
import io.tasker.core.engine.TaskResult.StepResult;
import io.tasker.core.json.Json;
import java.io.PrintWriter;
import java.util.List;

/**
 * The default output of {@code tasker run}: the task on one line, then a table of its steps. Results are
 * shortened to keep one step on one line; {@code --output json} has them in full.
 */
final class TextReport {

    private static final int MAX_RESULTS_WIDTH = 100;
    private static final int MAX_ERROR_WIDTH = 300;
    private static final String GAP = "  ";

    private TextReport() {
    }

    static void print(TaskResult task, boolean resumed, PrintWriter out) {
        out.println("Task " + task.taskId() + " " + task.key() + ": " + task.status()
                + (resumed ? " (resumed: the idempotency key names this existing task)" : ""));
        printSteps(task.steps(), out);
    }

    private static void printSteps(List<StepResult> steps, PrintWriter out) {
        int nameWidth = Math.max("STEP".length(), steps.stream().mapToInt(s -> s.name().length()).max().orElse(0));
        int statusWidth = Math.max("STATUS".length(), steps.stream().mapToInt(s -> s.status().length()).max().orElse(0));
        String row = "  %-" + nameWidth + "s" + GAP + "%-" + statusWidth + "s" + GAP + "%-8s" + GAP + "%s";
        out.println(String.format(row, "STEP", "STATUS", "ATTEMPTS", "RESULTS").stripTrailing());
        for (StepResult step : steps) {
            out.println(String.format(row, step.name(), step.status(), step.attempts(), results(step)).stripTrailing());
            if (step.error() != null) {
                out.println("  " + " ".repeat(nameWidth) + GAP + "error: " + Shortened.firstLine(step.error(), MAX_ERROR_WIDTH));
            }
        }
    }

    private static String results(StepResult step) {
        return step.results() == null ? "" : Shortened.to(Json.write(step.results()), MAX_RESULTS_WIDTH);
    }
}
