package io.tasker.cli.purge;

import io.tasker.cli.run.OutputFormat;
import io.tasker.core.json.Json;
import io.tasker.core.maintenance.PurgeReport;
import io.tasker.core.model.TaskState;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a purge did, per table: a summary for people, or one JSON document {@code {"dry_run", "archive",
 * "older_than", "cutoff", "states", "batches", "counts": {"tasker_tasks": N, ...}}}.
 */
final class PurgeReports {

    private PurgeReports() {
    }

    static void print(PurgeReport report, String olderThan, OutputFormat output, PrintWriter out) {
        switch (output) {
            case text -> text(report, olderThan, out);
            case json -> out.println(Json.write(document(report, olderThan)));
        }
    }

    private static void text(PurgeReport report, String olderThan, PrintWriter out) {
        String verb = report.request().dryRun() ? "Would " + (report.request().archive() ? "archive" : "delete")
                : report.request().archive() ? "Archived" : "Deleted";
        out.println(verb + " " + report.counts().tasks() + " tasks (" + String.join(", ", states(report))
                + ") whose last transition is older than " + olderThan + " (before " + report.cutoff() + ")"
                + (report.request().dryRun() ? "" : ", in " + report.batches() + (report.batches() == 1 ? " batch" : " batches"))
                + ":");
        int width = report.counts().byTable().keySet().stream().mapToInt(String::length).max().orElse(0);
        report.counts().byTable().forEach((table, count) ->
                out.println(String.format("  %-" + width + "s  %d", table, count)));
    }

    private static Map<String, Object> document(PurgeReport report, String olderThan) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("dry_run", report.request().dryRun());
        document.put("archive", report.request().archive());
        document.put("older_than", olderThan);
        document.put("cutoff", report.cutoff().toString());
        document.put("states", states(report));
        document.put("batches", report.batches());
        document.put("counts", report.counts().byTable());
        return document;
    }

    private static List<String> states(PurgeReport report) {
        return report.request().states().stream().sorted().map(TaskState::dbName).toList();
    }
}
