package io.tasker.core.engine;

import io.tasker.core.events.EventBus;
import io.tasker.core.handler.StepFailure;
import io.tasker.core.model.StepState;
import io.tasker.core.model.TaskState;
import io.tasker.core.persistence.ChangeSet;
import io.tasker.core.persistence.RawJson;
import io.tasker.core.persistence.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the state of its tasks in this process (an engine runs a few, each owning the
 * tasks whose id falls to it). It drains commands (runs, attempt outcomes, operator
 * actions) in batches, decides with the pure rules ({@link Readiness}, {@link BackoffPolicy},
 * {@link TaskAssessment}), claims the steps that became ready, and writes the whole batch in one
 * statement: group commit, so a chain costs one durable commit per step and many tasks share commits.
 */
final class Orchestrator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);

    private final TaskStore store;
    private final GraphLoader loader;
    private final HandlerRegistry handlers;
    private final StepDispatcher dispatcher;
    private final BackoffPolicy backoff;
    private final EventBus events;
    private final InstantSource clock;
    private final int maxInFlight;
    private final Duration defaultTimeout;

    private final BlockingQueue<Command> inbox = new LinkedBlockingQueue<>();
    private final Map<Long, ActiveTask> active = new HashMap<>();
    private final ArrayDeque<Cycle.StepRef> ready = new ArrayDeque<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int inFlight;
    private int generation;

    Orchestrator(String name, TaskStore store, GraphLoader loader, HandlerRegistry handlers, StepDispatcher dispatcher,
                 BackoffPolicy backoff, EventBus events, InstantSource clock, int maxInFlight, Duration defaultTimeout) {
        this.store = store;
        this.loader = loader;
        this.handlers = handlers;
        this.dispatcher = dispatcher;
        this.backoff = backoff;
        this.events = events;
        this.clock = clock;
        this.maxInFlight = maxInFlight;
        this.defaultTimeout = defaultTimeout;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void submit(Command command) {
        if (!running) {
            throw new IllegalStateException("the engine is closed");
        }
        inbox.add(command);
    }

    private void loop() {
        List<Command> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(inbox.take());
                inbox.drainTo(batch, Math.max(1, maxInFlight) - 1);
                cycle(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // The in-memory state of this cycle cannot be trusted; the database still can. Drop what is
                // held in memory and answer every caller, rather than leave a run waiting forever.
                LOG.error("orchestration cycle failed; abandoning the runs in memory", e);
                failEverything(batch, e);
            } finally {
                batch.clear();
            }
        }
    }

    private void cycle(List<Command> batch) {
        Cycle cycle = new Cycle(clock.instant(), events.hasListeners());
        Map<Long, GraphLoader.Loaded> loaded = loadMissing(batch);
        for (Command command : batch) {
            handle(command, cycle, loaded);
        }
        claimReady(cycle);
        settle(cycle);
        write(cycle);
    }

    /** The tasks this batch names that are not in memory yet, read with two statements. */
    private Map<Long, GraphLoader.Loaded> loadMissing(List<Command> batch) {
        java.util.Set<Long> missing = new java.util.LinkedHashSet<>();
        for (Command command : batch) {
            long id = switch (command) {
                case Command.Run run -> run.taskId();
                case Command.Operate op -> op.taskId();
                case Command.Finished ignored -> -1;
            };
            if (id >= 0 && !active.containsKey(id)) {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return Map.of();
        }
        try {
            return loader.loadAll(missing);
        } catch (RuntimeException e) {
            Map<Long, GraphLoader.Loaded> failed = new HashMap<>();
            missing.forEach(id -> failed.put(id, new GraphLoader.Loaded(null, e)));
            return failed;
        }
    }

    private void handle(Command command, Cycle cycle, Map<Long, GraphLoader.Loaded> loaded) {
        switch (command) {
            case Command.Run run -> guarded(run.taskId(), run.done(), cycle, loaded,
                    task -> start(task, run.done(), cycle));
            case Command.Operate op -> guarded(op.taskId(), op.done(), cycle, loaded, task -> operate(task, op, cycle));
            case Command.Finished finished -> finished(finished, cycle);
        }
    }

    /** Loads the task if needed and applies {@code action}; a refusal answers only that caller. */
    private void guarded(long taskId, CompletableFuture<TaskResult> done, Cycle cycle,
                         Map<Long, GraphLoader.Loaded> loaded, java.util.function.Consumer<ActiveTask> action) {
        ActiveTask task = active.get(taskId);
        boolean loadedNow = task == null;
        try {
            if (loadedNow) {
                TaskGraph graph = graphOf(taskId, loaded);
                task = new ActiveTask(graph, handlers.handlers(graph.template().key()));
                active.put(taskId, task);
            }
            if (loadedNow) {
                cycle.touch(task);
                recoverAbandonedAttempts(task, cycle);
            }
            cycle.touch(task);
            action.accept(task);
        } catch (RuntimeException e) {
            if (task != null && loadedNow && !cycle.touched.contains(task)) {
                active.remove(taskId);
            }
            done.completeExceptionally(e);
        }
    }

    private TaskGraph graphOf(long taskId, Map<Long, GraphLoader.Loaded> loaded) {
        GraphLoader.Loaded read = loaded.get(taskId);
        if (read == null) {
            return loader.load(taskId);
        }
        if (read.failure() != null) {
            throw read.failure();
        }
        return read.graph();
    }

    private void start(ActiveTask task, CompletableFuture<TaskResult> done, Cycle cycle) {
        task.runWaiters.add(done);
        TaskGraph graph = task.graph;
        if (graph.state().isFinished()) {
            return;
        }
        for (int i = 0; i < graph.size(); i++) {
            enqueueIfReady(task, i, cycle.now);
        }
    }

    /** Steps left {@code in_progress} by a process that ended count as failed attempts (at-least-once). */
    private void recoverAbandonedAttempts(ActiveTask task, Cycle cycle) {
        TaskGraph graph = task.graph;
        for (int i = 0; i < graph.size(); i++) {
            StepRecord step = graph.step(i);
            if (step.state() == StepState.IN_PROGRESS) {
                fail(task, step, StepFailure.retryable("Tasker::AbandonedAttempt",
                        "the process running this attempt ended before reporting its outcome", ""), cycle);
            }
        }
    }

    private void enqueueIfReady(ActiveTask task, int index, Instant now) {
        if (task.graph.isReady(index, now) && task.markQueued(index)) {
            ready.add(new Cycle.StepRef(task, index));
        }
    }

    private void claimReady(Cycle cycle) {
        while (inFlight < maxInFlight && !ready.isEmpty()) {
            Cycle.StepRef ref = ready.poll();
            ActiveTask task = ref.task();
            task.unmarkQueued(ref.index());
            if (active.get(task.taskId()) != task || !task.running() || !task.graph.isReady(ref.index(), cycle.now)) {
                continue;
            }
            cycle.touch(task);
            ensureInProgress(task.graph, cycle);
            if (task.graph.state() != TaskState.IN_PROGRESS) {
                continue;
            }
            claim(task, ref.index(), cycle);
        }
    }

    private void claim(ActiveTask task, int index, Cycle cycle) {
        StepRecord before = task.graph.step(index);
        List<StepState> path = new ArrayList<>(2);
        StepRecord pending = before;
        if (before.state() == StepState.ERROR) {
            pending = before.withState(StepState.PENDING);
            path.add(StepState.PENDING);
        }
        StepRecord claimed = pending.claimed(cycle.now);
        path.add(StepState.IN_PROGRESS);
        cycle.stepChanged(task.graph, before, claimed, ChangeSet.UNCHANGED, Map.of(), path);
        cycle.toDispatch.add(new Cycle.StepRef(task, index));
        inFlight++;
        task.inFlight++;
    }

    private void ensureInProgress(TaskGraph graph, Cycle cycle) {
        TaskState state = graph.state();
        if (state == TaskState.PENDING) {
            int sortKey = graph.moveTask(TaskState.IN_PROGRESS);
            cycle.taskMoved(graph, state, TaskState.IN_PROGRESS, sortKey, Map.of());
            graph.scheduleNextRun(null);
            cycle.changes.task(new ChangeSet.TaskRow(graph.taskId(), false, null));
        }
    }

    private void finished(Command.Finished done, Cycle cycle) {
        if (done.generation() != generation) {
            return;
        }
        inFlight--;
        ActiveTask task = done.task();
        if (active.get(task.taskId()) != task) {
            return;
        }
        task.inFlight--;
        cycle.touch(task);
        StepRecord step = task.graph.step(done.index());
        if (step.state() != StepState.IN_PROGRESS || step.attempts() != done.attempt()) {
            return;
        }
        switch (done.outcome()) {
            case StepOutcome.Succeeded ok -> complete(task, step, ok, cycle);
            case StepOutcome.Failed failed -> fail(task, step, failed.failure(), cycle);
        }
    }

    private void complete(ActiveTask task, StepRecord step, StepOutcome.Succeeded ok, Cycle cycle) {
        StepRecord done = step.completed(ok.results(), cycle.now);
        cycle.stepChanged(task.graph, step, done, new RawJson(ok.json()), Map.of(), List.of(StepState.COMPLETE));
        for (int child : task.graph.childrenOf(step.index())) {
            enqueueIfReady(task, child, cycle.now);
        }
    }

    private void fail(ActiveTask task, StepRecord step, StepFailure failure, Cycle cycle) {
        boolean retryable = step.retryable() && failure.retryable();
        boolean another = retryable && step.attempts() < step.retryLimit();
        Integer backoffSeconds = another
                ? Integer.valueOf(backoff.backoffSeconds(step.attempts(), failure.retryAfter()))
                : step.backoffRequestSeconds();
        Object results = FailureResults.merge(step.results(), failure, step.attempts());
        StepRecord failed = step.failed(results, backoffSeconds, retryable, cycle.now);
        cycle.stepChanged(task.graph, step, failed, results, FailureResults.metadata(failure, step.attempts(),
                backoffSeconds, another), List.of(StepState.ERROR));
    }

    private void operate(ActiveTask task, Command.Operate op, Cycle cycle) {
        Operations.apply(task, op.operation(), cycle);
        cycle.answers.put(op.done(), task);
        for (int i = 0; i < task.graph.size(); i++) {
            enqueueIfReady(task, i, cycle.now);
        }
    }

    /** Decides the end of every touched task whose run has nothing left to do right now. */
    private void settle(Cycle cycle) {
        for (ActiveTask task : cycle.touched) {
            if (!task.running()) {
                continue;
            }
            if (task.hasQueued() || task.inFlight > 0 && !task.graph.state().isFinished()) {
                continue;
            }
            Finalization.settle(task.graph, cycle);
            cycle.finished.add(task);
        }
    }

    private void write(Cycle cycle) {
        try {
            store.apply(cycle.changes);
        } catch (RuntimeException e) {
            abandonEverything(cycle, e);
            return;
        }
        cycle.touched.forEach(t -> t.graph.commitEdit());
        dispatch(cycle);
        answer(cycle);
        events.publish(cycle.events);
    }

    private void dispatch(Cycle cycle) {
        Map<ActiveTask, Views.Sequence> sequences = new HashMap<>();
        for (Cycle.StepRef ref : cycle.toDispatch) {
            ActiveTask task = ref.task();
            TaskGraph graph = task.graph;
            StepRecord step = graph.step(ref.index());
            Views.Sequence sequence = sequences.computeIfAbsent(task, t -> Views.sequence(graph, graph.committedSteps()));
            Integer seconds = graph.stepTemplate(ref.index()).timeoutSeconds();
            Duration timeout = seconds == null ? defaultTimeout : Duration.ofSeconds(seconds);
            int gen = generation;
            dispatcher.dispatch(new StepDispatcher.Attempt(task.handlers[ref.index()],
                    Views.task(graph, graph.state().dbName()), sequence, Views.step(graph, step), timeout,
                    outcome -> inbox.add(new Command.Finished(task, gen, ref.index(), step.attempts(), outcome))));
        }
    }

    private void answer(Cycle cycle) {
        cycle.answers.forEach((future, task) -> future.complete(Results.of(task.graph)));
        for (ActiveTask task : cycle.finished) {
            TaskResult result = Results.of(task.graph);
            task.runWaiters.forEach(w -> w.complete(result));
            task.runWaiters.clear();
        }
        for (ActiveTask task : cycle.touched) {
            if (!task.running() && task.inFlight == 0 && !task.hasQueued()) {
                active.remove(task.taskId(), task);
            }
        }
    }

    /** The database refused or went away: nothing of this cycle happened; every caller learns why. */
    private void abandonEverything(Cycle cycle, RuntimeException cause) {
        LOG.error("writing an orchestration cycle failed; abandoning {} active task(s): {}", active.size(), cause.toString());
        cycle.touched.forEach(t -> t.graph.abortEdit());
        cycle.answers.keySet().forEach(f -> f.completeExceptionally(cause));
        dropActive(cause);
    }

    /** A cycle failed in an unexpected way: its callers and every run in memory get the failure. */
    private void failEverything(List<Command> batch, Throwable cause) {
        for (Command command : batch) {
            switch (command) {
                case Command.Run run -> run.done().completeExceptionally(cause);
                case Command.Operate op -> op.done().completeExceptionally(cause);
                case Command.Finished ignored -> { }
            }
        }
        dropActive(cause);
    }

    private void dropActive(Throwable cause) {
        for (ActiveTask task : active.values()) {
            task.runWaiters.forEach(w -> w.completeExceptionally(cause));
        }
        active.clear();
        ready.clear();
        inFlight = 0;
        generation++;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        IllegalStateException closed = new IllegalStateException("the engine was closed");
        for (Command command : inbox) {
            switch (command) {
                case Command.Run run -> run.done().completeExceptionally(closed);
                case Command.Operate op -> op.done().completeExceptionally(closed);
                case Command.Finished ignored -> { }
            }
        }
        active.values().forEach(t -> t.runWaiters.forEach(w -> w.completeExceptionally(closed)));
    }
}
