package io.tasker.bench.bridge;

import io.tasker.bridge.engine.SharedEngine;
import io.tasker.core.config.ConfigLoader;
import io.tasker.core.config.DatabaseConfig;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.database.Database;
import io.tasker.core.database.EmbeddedPostgres;
import io.tasker.core.engine.TaskRequest;
import io.tasker.core.engine.TaskResult;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * End to end, issue 3: the same diamond tasks (a -> (b, c) -> d) with no-op handlers in Java, Ruby and Python,
 * through the code path of {@code bin/tasker run}: {@link TaskerEngine} with the handler roots, the Ruby and
 * Python factories found by {@code ServiceLoader}, the default configuration (or the TASKER_* environment), and a
 * durable embedded PostgreSQL in a fresh data directory (as {@code io.tasker.bench.DurableDatabase};
 * {@code TASKER_DATABASE_EMBEDDED_FSYNC=false} takes the disk out, to see the handlers' own cost). Templates and
 * handlers: {@code bench/src/main/resources/io/tasker/bench/bridge/templates/} and {@code .../handlers/}.
 *
 * <p>One round runs a batch of tasks of one language, created in one call and run at once, and counts steps per
 * second from the creation request to the last completion. After a warm-up (the Graal JIT compiles the guest
 * handlers and the shim), rounds of the three languages alternate, with the starting language rotating, so the
 * machine's drift hits all three alike.
 *
 * <p>Run with bin/tasker's JIT flags: {@code java ... io.tasker.bench.bridge.BridgeEngineBench [rounds]
 * [warm-up seconds] [tasks per round] [languages]} (defaults 20, 40, 200, java,ruby,python).
 */
public final class BridgeEngineBench {
    private static final List<String> ALL_LANGUAGES = List.of("java", "ruby", "python");
    private static final int STEPS_PER_TASK = 4;

    private BridgeEngineBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmupSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int tasks = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        List<String> languages = args.length > 3 ? List.of(args[3].split(",")) : ALL_LANGUAGES;
        TaskerConfig config = ConfigLoader.fromSystem();
        Path dataDirectory = Files.createTempDirectory("tasker-bench-").resolve("pgdata");
        try (BenchHandlers handlers = new BenchHandlers();
             Database db = Database.open(new DatabaseConfig(null, null, null, config.database().poolSize(), 5, 0,
                     dataDirectory.toString(), config.database().embeddedFsync()));
             TaskerEngine engine = TaskerEngine.builder(db.dataSource(), config).handlerRoots(List.of(handlers.root()))
                     .build()) {
            Map<String, TaskTemplate> templates = new LinkedHashMap<>();
            TemplateLoader loader = new TemplateLoader("bench");
            for (String language : languages) {
                TaskTemplate template = loader.parse(template(language), "diamond_" + language + ".yaml");
                engine.register(template);
                templates.put(language, template);
            }
            System.out.printf("# database: %s, embedded_fsync %s; polyglot engine: %s; max_concurrent_steps %d; Ruby"
                            + " max_threads %s (one context), Python max_contexts %s; %d tasks (%d steps) a round%n", db.describe(),
                    config.database().embeddedFsync(), SharedEngine.get().getImplementationName(),
                    config.execution().maxConcurrentSteps(), setting(config, "ruby", "max_threads"), setting(config, "python", "max_contexts"),
                    tasks, tasks * STEPS_PER_TASK);
            commitFloor(db.dataSource());

            long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            int warmupRounds = 0;
            while (System.nanoTime() < warmupEnd) {
                String language = languages.get(warmupRounds++ % languages.size());
                System.out.printf("warm-up %-6s %8.0f steps/s%n", language,
                        run(engine, templates.get(language), tasks) * STEPS_PER_TASK);
            }

            tableStatistics(db.dataSource(), "after the warm-up (" + warmupRounds + " rounds)");
            if (Boolean.getBoolean("bench.analyze")) {
                long t0 = System.nanoTime();
                try (Connection c = db.dataSource().getConnection(); Statement statement = c.createStatement()) {
                    statement.execute("VACUUM ANALYZE");
                }
                System.out.printf("# VACUUM ANALYZE after the warm-up: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            }
            Map<String, double[]> stepsPerSecond = new LinkedHashMap<>();
            languages.forEach(language -> stepsPerSecond.put(language, new double[rounds]));
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < languages.size(); i++) {
                    String language = languages.get((r + i) % languages.size());
                    stepsPerSecond.get(language)[r] = run(engine, templates.get(language), tasks) * STEPS_PER_TASK;
                }
                StringBuilder line = new StringBuilder(String.format("round %2d:", r + 1));
                for (String language : languages) {
                    line.append(String.format(" %s %5.0f", language, stepsPerSecond.get(language)[r]));
                }
                System.out.println(line.append(" steps/s"));
            }
            tableStatistics(db.dataSource(), "at the end");
            double[] java = stepsPerSecond.getOrDefault("java", stepsPerSecond.get(languages.getFirst()));
            for (String language : languages) {
                double[] values = stepsPerSecond.get(language);
                double[] ratios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratios[r] = values[r] / java[r];
                }
                System.out.printf("%-6s steps/s: mean %.0f, median %.0f, min %.0f, max %.0f (%d rounds of %d diamond"
                                + " tasks); vs Java: mean/mean %.3f, median of per-round ratios %.3f%n", language,
                        mean(values), median(values), min(values), max(values), rounds, tasks,
                        mean(values) / mean(java), median(ratios));
            }
        } finally {
            EmbeddedPostgres.stop(dataDirectory);
            deleteTree(dataDirectory.getParent());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The engine's tables as PostgreSQL sees them: rows, dead rows, scans, the last (auto)analyze. */
    private static void tableStatistics(DataSource dataSource, String when) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement();
             var rows = statement.executeQuery("SELECT relname, n_live_tup, n_dead_tup, seq_scan, seq_tup_read,"
                     + " idx_scan, greatest(last_analyze, last_autoanalyze) IS NOT NULL FROM pg_stat_user_tables"
                     + " WHERE n_live_tup > 0 ORDER BY seq_tup_read DESC LIMIT 6")) {
            StringBuilder line = new StringBuilder("# tables " + when + " (rows/dead, seq scans, rows read by seq"
                    + " scans, index scans, analyzed):");
            while (rows.next()) {
                line.append(String.format(" %s %d/%d %d %d %d %s;", rows.getString(1), rows.getLong(2), rows.getLong(3),
                        rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getBoolean(7)));
            }
            System.out.println(line);
        }
    }

    private static Object setting(TaskerConfig config, String language, String key) {
        return config.handlers().get(language) instanceof Map<?, ?> settings ? settings.get(key) : null;
    }

    /** Tasks per second from the creation request to the last completion of one batch. */
    private static double run(TaskerEngine engine, TaskTemplate template, int count) throws Exception {
        List<TaskRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(TaskRequest.of(template.namespace(), template.name(), template.version(), Map.of("n", 1)));
        }
        long start = System.nanoTime();
        List<CompletableFuture<TaskResult>> runs = engine.createTasks(requests).stream()
                .map(created -> engine.run(created.taskId())).toList();
        for (CompletableFuture<TaskResult> run : runs) {
            TaskResult result = run.get();
            if (!result.isComplete()) {
                StringBuilder failed = new StringBuilder();
                for (TaskResult.StepResult step : result.steps()) {
                    if (step.error() != null) {
                        failed.append("\n  step ").append(step.name()).append(" (").append(step.status()).append(", attempt ")
                                .append(step.attempts()).append("): ").append(step.error());
                    }
                }
                throw new IllegalStateException("benchmark task " + result.taskId() + " of " + template.name() + " ended "
                        + result.status() + failed);
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** The latency of one durable single-row commit on this server (as io.tasker.bench.CommitProbe measures it). */
    private static void commitFloor(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_commit_probe (id int PRIMARY KEY, n bigint NOT NULL);"
                    + " INSERT INTO bench_commit_probe VALUES (1, 0) ON CONFLICT DO NOTHING");
            try (PreparedStatement update = c.prepareStatement("UPDATE bench_commit_probe SET n = n + 1 WHERE id = 1")) {
                double[] millis = new double[3];
                for (int r = 0; r < millis.length; r++) {
                    long start = System.nanoTime();
                    for (int i = 0; i < 1000; i++) {
                        update.executeUpdate();
                    }
                    millis[r] = (System.nanoTime() - start) / 1e6 / 1000;
                }
                System.out.printf("# one durable single-row commit on one connection: %.3f / %.3f / %.3f ms%n",
                        millis[0], millis[1], millis[2]);
            }
        }
    }

    private static String template(String language) {
        String resource = "io/tasker/bench/bridge/templates/diamond_" + language + ".yaml";
        try (InputStream in = BridgeEngineBench.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
