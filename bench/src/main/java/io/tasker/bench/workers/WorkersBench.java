package io.tasker.bench.workers;

import io.tasker.bench.CommitProbe;
import io.tasker.core.config.ConfigLoader;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The worker benchmarks of issue 4, on a durable throwaway PostgreSQL with real {@code tasker worker} processes:
 *
 * <ul>
 *   <li>{@code throughput}: two workers drain 20,000 queued one-step tasks (no-op Java handler), then 5,000
 *       diamond tasks (4 steps): tasks and steps per second per round, with the CPU each process used, commits,
 *       rows and WAL per task;</li>
 *   <li>{@code pickup}: one idle worker; the harness submits one task at a time and measures from its commit to
 *       the handler's start (p50/p90/p99/max), split at the step's claim.</li>
 * </ul>
 *
 * <p>Run: {@code bin/bench workers [throughput|pickup|all] [rounds]}. Engine and worker settings come from the
 * environment as for the CLI ({@code TASKER_WORKER_CLAIM_BATCH_SIZE=128 bin/bench workers ...}); the worker
 * processes inherit it. Harness settings are system properties ({@code BENCH_OPTS="-Dbench.tasks=10000"}):
 * {@code bench.tasks} (20000), {@code bench.diamonds} (5000), {@code bench.workers} (2), {@code bench.warmup.rounds}
 * per variant (2: the workers' JIT is still busy in the first rounds), {@code bench.pickups}
 * per round (2000), {@code bench.pickup.warmup} (200), {@code bench.pause.min.ms} / {@code bench.pause.max.ms}
 * (2 / 8), {@code bench.pgss} (false: with true, PostgreSQL preloads pg_stat_statements and the top statements
 * of each variant's last round are printed), {@code bench.worker.opts} (more JVM options of the workers;
 * {@code {name}} and {@code {dir}} are replaced, e.g. for a JFR recording), {@code bench.keep} (keep the work
 * folder with the workers' logs). Diagnostics: {@code bench.waits} (what the database sessions do in the last
 * round: pg_stat_activity sampled every 5 ms), {@code bench.perf} ({@code perf record} of the last round),
 * {@code bench.explain} (auto_explain of every statement, nested ones too, into a copy of the server log: small
 * runs only), {@code bench.sql} (a SQL script run after the migrations, to try an index or a function variant),
 * {@code bench.analyze} (true: VACUUM ANALYZE after the warm-up; false measures a database never analyzed).
 */
public final class WorkersBench {
    static final String NAMESPACE = "bench_workers";

    private WorkersBench() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "all";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (!List.of("throughput", "pickup", "all").contains(scenario) || rounds < 1) {
            System.err.println("usage: bin/bench workers [throughput|pickup|all] [rounds]");
            System.exit(2);
        }
        TaskerConfig config = ConfigLoader.fromSystem();
        Path work = Files.createTempDirectory("tasker-bench-workers-run-");
        try (BenchServer server = BenchServer.start(4, Boolean.getBoolean("bench.pgss"))) {
            Templates templates = Templates.write(work.resolve("templates"));
            System.out.println("# bin/bench workers " + scenario + " " + rounds + ", "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
            System.out.println("# database: " + server.database().describe() + "; " + Probe.durability(server));
            System.out.println("# workers: " + config.worker() + ", execution.max_concurrent_steps "
                    + config.execution().maxConcurrentSteps() + ", max_apply_batch " + config.execution().maxApplyBatch()
                    + ", orchestrator_threads " + config.execution().orchestratorThreads() + "; JVM options "
                    + System.getProperty("bench.worker.opts", "(none)"));
            CommitProbe.run(server.database().dataSource(), 1);
            try (TaskerEngine engine = TaskerEngine.builder(server.database().dataSource(), config).build()) {
                templates.all().forEach(t -> register(engine, t));
                if (scenario.equals("throughput") || scenario.equals("all")) {
                    new Throughput(server, engine, templates, work).run(rounds);
                }
                if (scenario.equals("pickup") || scenario.equals("all")) {
                    new Pickup(server, engine, templates, work).run(rounds);
                }
            }
        } finally {
            if (Boolean.getBoolean("bench.keep")) {
                System.out.println("# work folder kept: " + work);
            } else {
                delete(work);
            }
        }
    }

    private static void register(TaskerEngine engine, TaskTemplate template) {
        try {
            engine.register(template);
        } catch (Exception e) {
            throw new IllegalStateException("cannot register " + template.key(), e);
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The templates the workers run, written as files for {@code tasker worker --templates} and parsed here alike. */
    record Templates(Path folder, TaskTemplate oneStep, TaskTemplate diamond, TaskTemplate stamp) {
        private static final String NOOP = io.tasker.bench.NoopHandler.class.getName();
        private static final String STAMP = StampHandler.class.getName();

        static Templates write(Path folder) throws IOException {
            Files.createDirectories(folder);
            TemplateLoader loader = new TemplateLoader(TemplateLoader.DEFAULT_ENVIRONMENT);
            return new Templates(folder,
                    file(folder, loader, "one_step", step("only", NOOP, null)),
                    file(folder, loader, "diamond", step("a", NOOP, null) + step("b", NOOP, "a") + step("c", NOOP, "a")
                            + step("d", NOOP, "b, c")),
                    file(folder, loader, "stamp", step("only", STAMP, null)));
        }

        List<TaskTemplate> all() {
            return List.of(oneStep, diamond, stamp);
        }

        private static TaskTemplate file(Path folder, TemplateLoader loader, String name, String steps) throws IOException {
            String yaml = "name: " + name + "\nnamespace_name: " + NAMESPACE + "\nversion: 1.0.0\n"
                    + "task_handler_class: Bench\nstep_templates:\n" + steps;
            Files.writeString(folder.resolve(name + ".yaml"), yaml);
            return loader.parse(yaml, name + ".yaml");
        }

        private static String step(String name, String handler, String parents) {
            return "  - name: " + name + "\n    handler_class: " + handler + "\n"
                    + (parents == null ? "" : "    depends_on_steps: [" + parents + "]\n");
        }
    }
}
