package io.tasker.cli.operate;

import io.tasker.cli.inspect.StatusReport;
import io.tasker.cli.run.OutputFormat;
import io.tasker.core.engine.Actor;
import io.tasker.core.json.Json;
import io.tasker.core.query.TaskStatus;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operator command did: one line naming the action, the change of state and who did it and why, then the
 * task as it stands now. As JSON: {@code {"action", "step", "actor", "reason", "previous_status", "task"}}, where
 * {@code task} is the document of {@code tasker status --output json}.
 */
final class OperationReport {

    private OperationReport() {
    }

    static void print(Action action, Actor actor, TaskStatus before, TaskStatus after, OutputFormat output, PrintWriter out) {
        switch (output) {
            case text -> {
                out.println(headline(action, actor, before, after));
                StatusReport.text(after, out);
            }
            case json -> out.println(Json.write(document(action, actor, before, after)));
        }
    }

    private static String headline(Action action, Actor actor, TaskStatus before, TaskStatus after) {
        StringBuilder line = new StringBuilder(action.name()).append(": ");
        if (action.step() != null) {
            line.append("step '").append(action.step()).append("' ")
                    .append(before.step(action.step()).orElseThrow().state()).append(" -> ")
                    .append(after.step(action.step()).orElseThrow().state()).append("; ");
        }
        line.append("task ").append(after.taskId()).append(' ').append(before.state()).append(" -> ").append(after.state())
                .append(", by ").append(actor.who());
        return actor.why() == null ? line.toString() : line.append(" (reason: ").append(actor.why()).append(')').toString();
    }

    private static Map<String, Object> document(Action action, Actor actor, TaskStatus before, TaskStatus after) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("action", action.name());
        document.put("step", action.step());
        document.put("actor", actor.who());
        document.put("reason", actor.why());
        document.put("previous_status", before.state());
        document.put("task", StatusReport.document(after));
        return document;
    }
}
