package io.tasker.core.engine;

import io.tasker.core.config.TaskerConfig;
import io.tasker.core.events.EventBus;
import io.tasker.core.events.EventListener;
import io.tasker.core.handler.EngineServices;
import io.tasker.core.handler.HandlerEnvironment;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.handler.StepHandlerFactory;
import io.tasker.core.handler.TaskAnnotation;
import io.tasker.core.json.Json;
import io.tasker.core.json.StorableValues;
import io.tasker.core.persistence.CreatedTask;
import io.tasker.core.persistence.LeaseStore;
import io.tasker.core.persistence.StoredTemplates;
import io.tasker.core.database.Jdbc;
import io.tasker.core.persistence.NewTask;
import io.tasker.core.persistence.TaskAnnotationStore;
import io.tasker.core.persistence.TaskStore;
import io.tasker.core.persistence.TemplateCatalog;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateKey;
import io.tasker.core.template.TemplateRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine as a Java library: register templates, create tasks, run them to their end, and operate on
 * them. Thread-safe. All state lives in PostgreSQL; one orchestrator thread per engine writes it.
 */
public final class TaskerEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskerEngine.class);

    private final TaskerConfig config;
    private final InstantSource clock;
    private final TaskStore store;
    private final TemplateCatalog catalog;
    private final TaskAnnotationStore annotations;
    private final TemplateRegistry templates = new TemplateRegistry();
    private final HandlerRegistry handlers;
    private final StepDispatcher dispatcher;
    private final EventBus events = new EventBus();
    private final Orchestrator[] orchestrators;
    private final TaskCreation creation;
    private final LeaseStore leases;
    private final StoredTemplates storedTemplates;
    private final OwnedTasks owned = new OwnedTasks();
    private final Heartbeat heartbeat;
    private volatile Worker worker;

    private TaskerEngine(Builder builder) {
        this.config = builder.config;
        this.clock = builder.clock;
        Jdbc jdbc = new Jdbc(builder.dataSource);
        this.store = new TaskStore(jdbc);
        this.catalog = new TemplateCatalog(jdbc);
        this.annotations = new TaskAnnotationStore(jdbc);
        List<StepHandlerFactory> factories = new ArrayList<>(builder.factories);
        factories.addAll(HandlerRegistry.discovered());
        this.handlers = new HandlerRegistry(factories, new HandlerEnvironment(builder.handlerRoots,
                Map.copyOf(config.handlers()), new Services(), builder.environmentName));
        this.dispatcher = new StepDispatcher(config.execution().maxConcurrentSteps(), config.execution().maxResultBytes());
        builder.listeners.forEach(events::subscribe);
        this.storedTemplates = new StoredTemplates(jdbc, new io.tasker.core.template.TemplateLoader(
                builder.environmentName == null ? "development" : builder.environmentName));
        this.leases = new LeaseStore(jdbc, builder.workerId != null ? builder.workerId : WorkerIdentity.create(),
                config.worker().lease());
        this.orchestrators = new Orchestrator[config.execution().orchestratorThreads()];
        for (int i = 0; i < orchestrators.length; i++) {
            orchestrators[i] = new Orchestrator("tasker-orchestrator-" + i, store, leases, owned,
                    new GraphLoader(store, this::template), handlers, dispatcher,
                    new BackoffPolicy(config.backoff(), builder.random), events, clock,
                    config.execution().maxApplyBatch(), attemptsAhead(config.execution()),
                    Duration.ofSeconds(config.execution().defaultStepTimeoutSeconds()));
        }
        this.creation = new TaskCreation(config.engine(), clock, catalog, store, this::template, handlers::taskHooks);
        CompletionHooks.install(handlers, new GraphLoader(store, this::template), events);
        this.heartbeat = new Heartbeat(leases, owned, config.worker().heartbeat());
    }

    /**
     * The least number of attempts an orchestrator may have claimed (in_progress, attempts + 1) and not yet
     * finished: the handler threads' worth running plus three times as many waiting. The orchestrator raises it
     * to twice the attempts finishing per cycle when handlers are fast (see {@code Orchestrator.aheadLimit});
     * a fixed 48 cost a third of the diamond throughput in bin/bench engine (cycles of ~30 outcomes instead of
     * ~250). No more than that, because a claimed attempt that never started still counts as abandoned when its
     * worker dies or loses the database.
     */
    private static int attemptsAhead(io.tasker.core.config.ExecutionConfig execution) {
        return 4 * execution.maxConcurrentSteps();
    }

    public static Builder builder(DataSource dataSource, TaskerConfig config) {
        return new Builder(dataSource, config);
    }

    /**
     * Registers a template: resolves every step handler now (a missing class fails here, before any task
     * runs) and records the template in Tasker's catalogue tables. Registering the same template again
     * changes nothing; a different template under a key already registered is refused.
     *
     * @throws io.tasker.core.template.TemplateException when another template holds the key
     */
    public void register(TaskTemplate template) throws HandlerResolutionException {
        handlers.resolve(template);
        catalog.idsOf(template);
        templates.register(template);
    }

    /**
     * The template registered under {@code key}; else the one stored in the database by whoever registered it
     * (a worker runs tasks submitted by other processes without their YAML files), registered here on first
     * use with its handlers resolved.
     *
     * @throws IllegalStateException when the stored template's handlers cannot be resolved in this process
     */
    public Optional<TaskTemplate> template(TemplateKey key) {
        Optional<TaskTemplate> registered = templates.find(key);
        if (registered.isPresent()) {
            return registered;
        }
        Optional<TaskTemplate> stored = storedTemplates.find(key);
        if (stored.isPresent()) {
            try {
                register(stored.get());
            } catch (HandlerResolutionException e) {
                throw new IllegalStateException("task template " + key + " (read from the database) cannot run here: "
                        + e.getMessage(), e);
            }
            LOG.info("template {} read from the database and registered", key);
        }
        return stored;
    }

    /** Creates a task (or returns the one its idempotency key or identity already names). */
    public CreatedTask createTask(TaskRequest request) {
        return creation.create(List.of(request), false).getFirst();
    }

    /** Creates many tasks in one transaction. */
    public List<CreatedTask> createTasks(List<TaskRequest> requests) {
        return creation.create(requests, false);
    }

    /**
     * Creates a task and queues it for whichever worker claims it first (idle workers are notified); does not
     * run it here. A task that already existed (same idempotency key or identity) is returned as it is.
     */
    public CreatedTask submitTask(TaskRequest request) {
        return creation.create(List.of(request), true).getFirst();
    }

    /** Creates and queues many tasks in one transaction. */
    public List<CreatedTask> submitTasks(List<TaskRequest> requests) {
        return creation.create(requests, true);
    }

    /**
     * Starts claiming queued tasks from the database and running them, next to any other workers on the same
     * database, until {@link Worker#stop} or {@link #close}. One engine runs at most one worker.
     *
     * @param namespaces only tasks of these namespaces; null or empty for all
     */
    public Worker startWorker(List<String> namespaces) {
        return startWorker(namespaces, null);
    }

    /**
     * As {@link #startWorker(List)}, woken at once when work is submitted or falls due: {@code listenOn} is the
     * database to LISTEN on ({@link io.tasker.core.database.Database#connectedConfig()}), through a connection of
     * the worker's own; null to rely on the poll ({@code worker.poll_interval_ms}) alone.
     *
     * @throws io.tasker.core.database.DatabaseUnavailableException when the LISTEN connection cannot be made
     */
    public synchronized Worker startWorker(List<String> namespaces, io.tasker.core.config.DatabaseConfig listenOn) {
        if (worker != null) {
            throw new IllegalStateException("this engine already runs a worker");
        }
        worker = new Worker(this, leases, owned, config.worker(),
                namespaces == null || namespaces.isEmpty() ? null : List.copyOf(namespaces), listenOn);
        return worker;
    }

    /** This engine's name in leases ({@code tasker_tasks.claimed_by}): host, process and instance. */
    public String workerId() {
        return leases.workerId();
    }

    /** Late writes refused because this engine's lease on their task had moved on (see {@link LeaseLostException}). */
    public long staleWritesRefused() {
        return owned.staleWritesRefused();
    }

    /** Runs a task this engine's worker claimed from the queue and read with its claim. */
    CompletableFuture<TaskResult> runClaimed(long taskId, LeaseStore.ClaimedTask claimed) {
        CompletableFuture<TaskResult> done = new CompletableFuture<>();
        orchestratorOf(taskId).submit(new Command.Run(taskId, claimed, done));
        return done;
    }

    /** Stops starting attempts; tasks with nothing in flight go back to the queue. */
    void drain() {
        for (Orchestrator orchestrator : orchestrators) {
            orchestrator.submit(new Command.Drain());
        }
    }

    /** Forgets every task still held and returns their leases (task id to token), for handing back. */
    Map<Long, Long> abandonHeld() throws InterruptedException {
        Map<Long, Long> all = new java.util.HashMap<>();
        for (Orchestrator orchestrator : orchestrators) {
            CompletableFuture<Map<Long, Long>> released = new CompletableFuture<>();
            orchestrator.submit(new Command.Abandon(released));
            try {
                all.putAll(released.get(10, java.util.concurrent.TimeUnit.SECONDS));
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warn("an orchestrator did not hand its tasks back; their leases expire on their own", e);
            }
        }
        return all;
    }

    /**
     * Runs a task until it settles: {@code complete}, {@code error}, {@code cancelled}, or back in
     * {@code pending} waiting out a retry backoff ({@link TaskResult#isWaiting()}).
     */
    public CompletableFuture<TaskResult> run(long taskId) {
        CompletableFuture<TaskResult> done = new CompletableFuture<>();
        orchestratorOf(taskId).submit(new Command.Run(taskId, done));
        return done;
    }

    /** Runs a task to its end, sleeping through retry backoffs (by the wall clock). */
    public TaskResult runToEnd(long taskId) throws InterruptedException {
        while (true) {
            TaskResult result;
            try {
                result = await(run(taskId));
            } catch (TaskLeasedException held) {
                waitForLease(held);
                continue;
            }
            if (!result.isWaiting()) {
                return result;
            }
            Duration wait = Duration.between(clock.instant(), result.nextRunAt());
            if (!wait.isNegative() && !wait.isZero()) {
                LOG.info("task {} waits {} ms for a retry backoff", taskId, wait.toMillis());
                Thread.sleep(wait);
            }
        }
    }

    /**
     * Another worker runs the task: wait for it to settle the task or for its lease to lapse, then try again
     * (a finished task is then reported as it is).
     */
    private void waitForLease(TaskLeasedException held) throws InterruptedException {
        Duration wait = Duration.between(java.time.Instant.now(), held.until());
        Duration pause = wait.isNegative() ? Duration.ofMillis(50)
                : wait.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : wait.plusMillis(50);
        LOG.info("task {} is held by worker {} until {}; waiting", held.taskId(), held.holder(), held.until());
        Thread.sleep(pause);
    }

    public TaskResult cancel(long taskId, Actor actor) {
        return operate(taskId, new Operation.Cancel(actor));
    }

    public TaskResult retry(long taskId, Actor actor) {
        return operate(taskId, new Operation.Retry(actor));
    }

    public TaskResult resolveStep(long taskId, String stepName, Object results, Actor actor) {
        return operate(taskId, new Operation.ResolveStep(stepName, StorableValues.toStorable(results), actor));
    }

    public TaskResult resetStep(long taskId, String stepName, Actor actor) {
        return operate(taskId, new Operation.ResetStep(stepName, actor));
    }

    /** The task's state as stored, without running anything. */
    public TaskResult status(long taskId) {
        return Results.of(new GraphLoader(store, this::template).load(taskId));
    }

    public Optional<Long> findByIdempotencyKey(String key) {
        return store.findByIdempotencyKey(key);
    }

    public void subscribe(EventListener listener) {
        events.subscribe(listener);
    }

    public TaskerConfig config() {
        return config;
    }

    private TaskResult operate(long taskId, Operation operation) {
        CompletableFuture<TaskResult> done = new CompletableFuture<>();
        orchestratorOf(taskId).submit(new Command.Operate(taskId, operation, done));
        try {
            return await(done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + operation, e);
        }
    }

    /** Every command about one task goes to the same orchestrator, which is then its only writer. */
    private Orchestrator orchestratorOf(long taskId) {
        return orchestrators[(int) Math.floorMod(taskId, (long) orchestrators.length)];
    }

    private static TaskResult await(CompletableFuture<TaskResult> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        Worker running = worker;
        if (running != null) {
            running.stop(Duration.ZERO);
        }
        heartbeat.close();
        for (Orchestrator orchestrator : orchestrators) {
            orchestrator.close();
        }
        WorkerIdentity.retire(leases.workerId());
        handBackLeases();
        dispatcher.close();
        // Events first: update_annotations of a task that completed just before closing runs in a handler context.
        events.close();
        handlers.close();
    }

    /** Best effort: tasks still held become due at once for other workers instead of after their lease. */
    private void handBackLeases() {
        Map<Long, Long> held = owned.snapshot();
        if (held.isEmpty()) {
            return;
        }
        try {
            leases.release(held, Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.warn("could not hand back {} task lease(s) at close; they expire on their own: {}", held.size(),
                    e.toString());
        }
    }

    /** What handler code may use of the engine (exported to guest languages by the polyglot bridge). */
    private final class Services implements EngineServices {
        @Override
        public long createTask(String namespace, String name, String version, Map<String, Object> context,
                               String idempotencyKey) {
            return TaskerEngine.this.createTask(TaskRequest.of(namespace, name, version, context)
                    .withIdempotencyKey(idempotencyKey)).taskId();
        }

        @Override
        public String taskStatus(long taskId) {
            return status(taskId).status();
        }

        @Override
        public void publishCustomEvent(long taskId, String eventName, Map<String, Object> payload) {
            java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>(payload);
            fields.put("task_id", taskId);
            fields.put("event_type", "custom");
            events.publish(List.of(new io.tasker.core.events.TaskerEvent(eventName, clock.instant(), fields)));
        }

        @Override
        public void log(long taskId, String level, String message, Map<String, Object> fields) {
            String line = message + " " + Json.write(fields);
            switch (level.toLowerCase(java.util.Locale.ROOT)) {
                case "error" -> LOG.error("[task {}] {}", taskId, line);
                case "warn" -> LOG.warn("[task {}] {}", taskId, line);
                case "debug" -> LOG.debug("[task {}] {}", taskId, line);
                default -> LOG.info("[task {}] {}", taskId, line);
            }
        }

        @Override
        public int annotationTypeId(String name, String description) {
            return annotations.typeId(name, description);
        }

        @Override
        public long createTaskAnnotation(long taskId, String typeName, Map<String, Object> annotation) {
            return annotations.annotate(taskId, typeName, annotation);
        }

        @Override
        public List<TaskAnnotation> taskAnnotations(long taskId) {
            return annotations.annotationsOf(taskId);
        }
    }

    /** Configures an engine; only the data source and the configuration are required. */
    public static final class Builder {
        private final DataSource dataSource;
        private final TaskerConfig config;
        private InstantSource clock = InstantSource.system();
        private RandomGenerator random = RandomGenerator.getDefault();
        private String environmentName;
        private String workerId;
        private final List<Path> handlerRoots = new ArrayList<>();
        private final List<StepHandlerFactory> factories = new ArrayList<>();
        private final List<EventListener> listeners = new ArrayList<>();

        private Builder(DataSource dataSource, TaskerConfig config) {
            this.dataSource = dataSource;
            this.config = config;
        }

        /** The clock every decision uses (tests pass a settable one). */
        public Builder clock(InstantSource clock) {
            this.clock = clock;
            return this;
        }

        /** The source of backoff jitter. */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /** The {@code TASKER_ENV} that handler code sees (Ruby's {@code Rails.env}); default {@code development}. */
        public Builder environmentName(String name) {
            this.environmentName = name;
            return this;
        }

        /** The name this engine's leases carry; default: host, process id and a random suffix. */
        public Builder workerId(String id) {
            this.workerId = id;
            return this;
        }

        /** Folders (or jars) where handler code lives: jars for Java, source files for guest languages. */
        public Builder handlerRoots(List<Path> roots) {
            handlerRoots.addAll(roots);
            return this;
        }

        /** A handler factory in addition to those found by {@link java.util.ServiceLoader}; it takes precedence. */
        public Builder handlerFactory(StepHandlerFactory factory) {
            factories.add(factory);
            return this;
        }

        public Builder listener(EventListener listener) {
            listeners.add(listener);
            return this;
        }

        public TaskerEngine build() {
            return new TaskerEngine(this);
        }
    }
}
