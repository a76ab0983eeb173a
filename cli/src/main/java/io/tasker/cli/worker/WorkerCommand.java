package io.tasker.cli.worker;

import io.tasker.cli.CliEnvironment;
import io.tasker.cli.DatabaseFailures;
import io.tasker.cli.DatabaseOptions;
import io.tasker.cli.ExitCode;
import io.tasker.cli.HandlerRoots;
import io.tasker.cli.InvalidInputException;
import io.tasker.cli.TemplateFiles;
import io.tasker.core.config.ConfigLoader;
import io.tasker.core.config.ExecutionConfig;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.database.Database;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.engine.Worker;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.template.TaskTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tasker worker}: claims queued tasks from the database and runs them until SIGTERM or SIGINT, then
 * stops claiming, lets the steps in flight finish within the grace period, hands back what is left and exits 0.
 */
@Command(name = "worker",
        header = "Runs queued tasks, next to any other workers on the same database, until stopped.",
        mixinStandardHelpOptions = true,
        description = {
            "Claims due tasks from the database (submitted with `tasker submit`, waiting out a retry, or left by a"
                    + " worker that died) and runs their steps. Start as many workers as you like, on as many"
                    + " machines: they share the work through PostgreSQL alone (SKIP LOCKED claims, leases renewed"
                    + " by heartbeats, LISTEN/NOTIFY wake-ups).",
            "",
            "SIGTERM or SIGINT stops it gracefully: no new claims, the steps in flight may finish within"
                    + " worker.shutdown_grace_seconds, the rest go back to the queue; exit code 0. A second signal"
                    + " exits at once."})
public final class WorkerCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerCommand.class);

    private final CliEnvironment environment;
    private final StopSignals stop = new StopSignals();

    @Spec
    private CommandSpec spec;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Step handlers running at once in this worker (default: execution.max_concurrent_steps).")
    private Integer concurrency;

    @Option(names = "--namespaces", paramLabel = "NAME", split = ",",
            description = "Only run tasks of these namespaces (comma-separated). Default: all.")
    private List<String> namespaces = new ArrayList<>();

    @Option(names = "--handlers", paramLabel = "DIR",
            description = "A folder or jar holding step handlers (Java jars, Ruby or Python sources); repeat for several.")
    private List<Path> handlerRoots = new ArrayList<>();

    @Option(names = "--templates", paramLabel = "PATH",
            description = "A task template file, or a folder searched for *.yaml/*.yml templates; repeat for several."
                    + " Templates submitted with `tasker submit` are also read from the database.")
    private List<Path> templates = new ArrayList<>();

    @Mixin
    private DatabaseOptions database;

    public WorkerCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (concurrency != null && concurrency < 1) {
            throw new InvalidInputException("--concurrency: got " + concurrency + ", expected an integer >= 1");
        }
        List<Path> roots = HandlerRoots.checked(handlerRoots);
        List<TaskTemplate> loaded = templateFiles().stream().map(f -> TemplateFiles.load(f, environment)).toList();
        TaskerConfig config = withConcurrency(database.load(environment));
        stop.install();
        try {
            return work(config, roots, loaded);
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e, config.database());
        }
    }

    private int work(TaskerConfig config, List<Path> roots, List<TaskTemplate> loaded) throws InterruptedException {
        try (Database db = Database.open(config.database());
             TaskerEngine engine = TaskerEngine.builder(db.dataSource(), config).handlerRoots(roots)
                     .environmentName(ConfigLoader.environmentName(environment.variables())).build()) {
            for (TaskTemplate template : loaded) {
                register(engine, template);
            }
            Worker worker = engine.startWorker(namespaces, db.connectedConfig());
            spec.commandLine().getOut().printf("worker %s running (concurrency %d, namespaces %s); SIGTERM or SIGINT"
                    + " stops it%n", engine.workerId(), config.execution().maxConcurrentSteps(),
                    namespaces.isEmpty() ? "all" : String.join(",", namespaces));
            spec.commandLine().getOut().flush();
            stop.await();
            worker.stop(Duration.ofSeconds(config.worker().shutdownGraceSeconds()));
            spec.commandLine().getOut().printf("worker %s stopped: %d task(s) claimed, %d late write(s) refused%n",
                    engine.workerId(), worker.claimedTasks(), engine.staleWritesRefused());
            return ExitCode.OK.code();
        }
    }

    private TaskerConfig withConcurrency(TaskerConfig config) {
        if (concurrency == null) {
            return config;
        }
        ExecutionConfig e = config.execution();
        return config.withExecution(new ExecutionConfig(concurrency, e.defaultStepTimeoutSeconds(), e.maxApplyBatch(),
                e.maxResultBytes(), e.orchestratorThreads()));
    }

    private List<Path> templateFiles() {
        List<Path> files = new ArrayList<>();
        for (Path path : templates) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new InvalidInputException("--templates " + path + ": no such file or folder; expected a task"
                        + " template or a folder of them");
            }
        }
        return files;
    }

    private void register(TaskerEngine engine, TaskTemplate template) {
        try {
            engine.register(template);
            LOG.info("template {} registered", template.key());
        } catch (HandlerResolutionException e) {
            throw new InvalidInputException(template.sourceFile() + ": step handlers cannot be used:\n  "
                    + e.getMessage().replace("\n", "\n  "), e);
        }
    }
}
