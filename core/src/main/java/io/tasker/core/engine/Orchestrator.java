package io.tasker.core.engine;

import io.tasker.core.events.EventBus;
import io.tasker.core.handler.StepFailure;
import io.tasker.core.model.StepState;
import io.tasker.core.model.TaskState;
import io.tasker.core.persistence.ChangeSet;
import io.tasker.core.persistence.LeaseStore;
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
    private final LeaseStore leases;
    private final OwnedTasks owned;
    private final GraphLoader loader;
    private final HandlerRegistry handlers;
    private final StepDispatcher dispatcher;
    private final BackoffPolicy backoff;
    private final EventBus events;
    private final InstantSource clock;
    private final int maxBatch;
    private final int maxInFlight;
    private final Duration defaultTimeout;

    private final BlockingQueue<Command> inbox = new LinkedBlockingQueue<>();
    private final Map<Long, ActiveTask> active = new HashMap<>();
    private final ArrayDeque<Cycle.StepRef> ready = new ArrayDeque<>();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean draining;
    private int inFlight;
    /** Attempts that finished per cycle lately (see {@link #aheadLimit}). */
    private int pace;
    private int generation;

    Orchestrator(String name, TaskStore store, LeaseStore leases, OwnedTasks owned, GraphLoader loader,
                 HandlerRegistry handlers, StepDispatcher dispatcher, BackoffPolicy backoff, EventBus events,
                 InstantSource clock, int maxBatch, int maxInFlight, Duration defaultTimeout) {
        this.store = store;
        this.leases = leases;
        this.owned = owned;
        this.loader = loader;
        this.handlers = handlers;
        this.dispatcher = dispatcher;
        this.backoff = backoff;
        this.events = events;
        this.clock = clock;
        this.maxBatch = maxBatch;
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
                inbox.drainTo(batch, Math.max(1, maxBatch) - 1);
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
        Map<Long, Claimed> loaded = loadMissing(batch);
        for (Command command : batch) {
            handle(command, cycle, loaded);
        }
        claimReady(cycle, aheadLimit(batch));
        settle(cycle);
        write(cycle);
    }

    /**
     * Claims and reads the tasks this batch names that are not in memory yet. A worker's run comes with the
     * lease it took and the task as its claim read it; a caller's run claims the task unless another worker holds
     * it; an operator's action takes the task from whoever holds it. Claimed tasks are read with two statements in all.
     */
    private Map<Long, Claimed> loadMissing(List<Command> batch) {
        Map<Long, Claimed> result = new HashMap<>();
        java.util.Set<Long> toClaim = new java.util.LinkedHashSet<>();
        java.util.Set<Long> toSteal = new java.util.LinkedHashSet<>();
        for (Command command : batch) {
            switch (command) {
                case Command.Run run -> {
                    ActiveTask held = active.get(run.taskId());
                    if (run.claimToken() != null && held != null && held.claimToken != run.claimToken()) {
                        // This worker's own lease expired and it claimed the task again: what it holds may be stale.
                        abandon(held, new LeaseLostException(run.taskId()));
                    }
                    if (!active.containsKey(run.taskId())) {
                        if (run.claimed() != null) {
                            result.put(run.taskId(), new Claimed(loader.graphOf(run.claimed().task()),
                                    run.claimed().token()));
                        } else {
                            toClaim.add(run.taskId());
                        }
                    }
                }
                case Command.Operate op -> {
                    if (!active.containsKey(op.taskId())) {
                        toSteal.add(op.taskId());
                    }
                }
                default -> { }
            }
        }
        toClaim.removeAll(result.keySet());
        toSteal.removeAll(result.keySet());
        toClaim.removeAll(toSteal);
        if (toClaim.isEmpty() && toSteal.isEmpty()) {
            return result;
        }
        try {
            Map<Long, Long> tokens = new HashMap<>();
            claim(toClaim, false, tokens, result);
            claim(toSteal, true, tokens, result);
            if (!tokens.isEmpty()) {
                loader.loadAll(tokens.keySet()).forEach((id, loaded) -> result.put(id, new Claimed(loaded, tokens.get(id))));
            }
        } catch (RuntimeException e) {
            java.util.stream.Stream.of(toClaim, toSteal).flatMap(java.util.Collection::stream)
                    .forEach(id -> result.putIfAbsent(id, new Claimed(new GraphLoader.Loaded(null, e), 0)));
        }
        return result;
    }

    /** A task read after this engine claimed it (or why it could not be), with the token of the claim. */
    private record Claimed(GraphLoader.Loaded loaded, long token) {
    }

    private void claim(java.util.Set<Long> ids, boolean steal, Map<Long, Long> tokens, Map<Long, Claimed> result) {
        if (ids.isEmpty()) {
            return;
        }
        Map<Long, Long> claimed = leases.claim(ids, steal, WorkerIdentity.retired());
        tokens.putAll(claimed);
        if (claimed.size() == ids.size()) {
            return;
        }
        List<Long> refused = ids.stream().filter(id -> !claimed.containsKey(id)).toList();
        Map<Long, LeaseStore.Holder> holders = leases.holders(refused);
        for (long id : refused) {
            LeaseStore.Holder holder = holders.get(id);
            RuntimeException why = holder == null ? new TaskNotFoundException("no task with id " + id)
                    : new TaskLeasedException(id, holder.workerId(), holder.until());
            result.put(id, new Claimed(new GraphLoader.Loaded(null, why), 0));
        }
    }

    private void handle(Command command, Cycle cycle, Map<Long, Claimed> loaded) {
        switch (command) {
            case Command.Run run -> guarded(run.taskId(), run.done(), cycle, loaded, run.claimed() != null,
                    task -> start(task, run.done(), cycle));
            // An operator acts on the task as it is: an attempt in flight elsewhere is not judged abandoned here
            // (cancel makes it cancelled); whoever runs the task next recovers what is still in progress.
            case Command.Operate op -> guarded(op.taskId(), op.done(), cycle, loaded, false,
                    task -> operate(task, op, cycle));
            case Command.Finished finished -> finished(finished, cycle);
            case Command.Drain ignored -> drain(cycle);
            case Command.Abandon abandon -> abandonAll(abandon);
        }
    }

    /**
     * Loads the task if needed and applies {@code action}; a refusal answers only that caller.
     *
     * @param fromQueue whether a worker claimed the task from the queue for this run
     */
    private void guarded(long taskId, CompletableFuture<TaskResult> done, Cycle cycle, Map<Long, Claimed> loaded,
                         boolean fromQueue, java.util.function.Consumer<ActiveTask> action) {
        ActiveTask task = active.get(taskId);
        boolean loadedNow = task == null;
        try {
            if (loadedNow) {
                task = activate(taskId, loaded.get(taskId), done);
                if (task == null) {
                    return;
                }
                if (fromQueue) {
                    cycle.claimedFromQueue.add(task);
                }
            }
            cycle.touch(task);
            action.accept(task);
        } catch (RuntimeException e) {
            if (task != null && loadedNow) {
                cycle.touch(task);
            }
            done.completeExceptionally(e);
        }
    }

    /**
     * Builds the in-memory task of a task this engine just claimed, or answers {@code done} with why it cannot
     * (and hands an unusable claimed task back to the queue).
     */
    private ActiveTask activate(long taskId, Claimed claimed, CompletableFuture<TaskResult> done) {
        try {
            TaskGraph graph = graphOf(taskId, claimed);
            ActiveTask task = new ActiveTask(graph, handlers.handlers(graph.template().key()), claimed.token());
            active.put(taskId, task);
            owned.hold(taskId, claimed.token());
            return task;
        } catch (RuntimeException e) {
            if (claimed != null && claimed.token() != 0) {
                unusable(taskId, claimed.token(), e);
            }
            done.completeExceptionally(e);
            return null;
        }
    }

    /**
     * A task this engine claimed but cannot run (its template or a handler is unknown here): it goes back to
     * the queue after one lease period, so that a worker that can run it gets it, without this one spinning.
     */
    private void unusable(long taskId, long token, RuntimeException why) {
        LOG.warn("task {} cannot be run by this worker and goes back to the queue for {}: {}", taskId, leases.lease(),
                why.getMessage());
        try {
            leases.release(Map.of(taskId, token), leases.lease());
        } catch (RuntimeException e) {
            LOG.warn("could not hand task {} back; its lease expires on its own", taskId, e);
        }
    }

    private TaskGraph graphOf(long taskId, Claimed claimed) {
        if (claimed == null) {
            throw new IllegalStateException("task " + taskId + " was neither in memory nor claimed");
        }
        GraphLoader.Loaded read = claimed.loaded();
        if (read.failure() != null) {
            throw read.failure();
        }
        return read.graph();
    }

    private void start(ActiveTask task, CompletableFuture<TaskResult> done, Cycle cycle) {
        if (!task.running() && task.inFlight == 0) {
            // No attempt of this task runs here, so a step still in progress was left by an earlier holder.
            recoverAbandonedAttempts(task, cycle);
        }
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

    /**
     * How many attempts may be claimed and not finished after this cycle: at least {@code maxInFlight}, and as
     * many as twice the attempts that finished since the last cycle, so that fast handlers find their next
     * attempts claimed when they free up and the cycles stay large (one write of a few hundred outcomes costs
     * little more than one of a few dozen). Bounded by the largest write; what is claimed ahead stays about one
     * cycle's worth of work, which is what an outage can cost as abandoned attempts.
     */
    private int aheadLimit(List<Command> batch) {
        int finished = 0;
        for (Command command : batch) {
            if (command instanceof Command.Finished) {
                finished++;
            }
        }
        // The rate decays over a few cycles rather than at once, so one small batch does not starve the threads.
        pace = Math.max(finished, pace / 2);
        return Math.max(maxInFlight, Math.min(maxBatch, 2 * pace));
    }

    private void claimReady(Cycle cycle, int limit) {
        while (!draining && inFlight < limit && !ready.isEmpty()) {
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

    /**
     * Decides the end of every touched task whose run has nothing left to do right now, and releases the
     * lease of every task that leaves memory with this cycle: settled runs, operator actions on tasks this
     * engine does not run, and (while draining) runs with nothing in flight.
     */
    private void settle(Cycle cycle) {
        for (ActiveTask task : cycle.touched) {
            if (!task.running()) {
                if (task.inFlight == 0 && !task.hasQueued()) {
                    release(task, cycle);
                }
                continue;
            }
            if (draining && task.inFlight == 0 && !task.graph.state().isFinished()) {
                // A task whose last step finished during the grace period ends here, not in another worker.
                Finalization.settle(task.graph, cycle);
                release(task, cycle);
                cycle.finished.add(task);
                continue;
            }
            if (task.hasQueued() || task.inFlight > 0 && !task.graph.state().isFinished()) {
                continue;
            }
            Finalization.settle(task.graph, cycle);
            release(task, cycle);
            cycle.finished.add(task);
        }
    }

    /**
     * Ends this engine's lease with the cycle's write: the task is due again when it waits for a backoff,
     * at once when it still has work (an operator made steps ready, or the worker is stopping), never when
     * it is finished.
     */
    private void release(ActiveTask task, Cycle cycle) {
        TaskGraph graph = task.graph;
        TaskState state = graph.state();
        Instant due = state.isFinished() ? null : graph.nextRunAt() != null ? graph.nextRunAt() : cycle.now;
        cycle.changes.task(new ChangeSet.TaskRow(task.taskId(), state == TaskState.COMPLETE, due, true));
        cycle.released.add(task);
    }

    /** A stopping worker: no new attempts; what has nothing in flight goes back to the queue now. */
    private void drain(Cycle cycle) {
        draining = true;
        for (ActiveTask task : active.values()) {
            cycle.touch(task);
        }
    }

    /** The grace period ended: every task still held leaves memory; the caller hands the leases back. */
    private void abandonAll(Command.Abandon abandon) {
        Map<Long, Long> tokens = new HashMap<>();
        for (ActiveTask task : List.copyOf(active.values())) {
            tokens.put(task.taskId(), task.claimToken);
            abandon(task, new IllegalStateException("the worker stopped before task " + task.taskId() + " settled"));
        }
        abandon.released().complete(tokens);
    }

    /** Forgets a task held in memory (its in-flight attempts' outcomes will be ignored) and answers its callers. */
    private void abandon(ActiveTask task, RuntimeException why) {
        active.remove(task.taskId(), task);
        owned.drop(task.taskId(), task.claimToken);
        task.runWaiters.forEach(w -> w.completeExceptionally(why));
        task.runWaiters.clear();
        inFlight -= task.inFlight;
        task.inFlight = 0;
    }

    private void write(Cycle cycle) {
        startClaimedFromQueue(cycle);
        java.util.Set<Long> stale;
        try {
            stale = store.apply(cycle.changes);
        } catch (RuntimeException e) {
            abandonEverything(cycle, e);
            return;
        }
        if (!stale.isEmpty()) {
            refuseStale(cycle, stale);
        }
        cycle.touched.forEach(t -> t.graph.commitEdit());
        dispatch(cycle.toDispatch, false);
        answer(cycle);
        events.publish(stale.isEmpty() ? cycle.events : cycle.events.stream()
                .filter(e -> !(e.payload().get("task_id") instanceof Long id && stale.contains(id))).toList());
    }

    /**
     * The database refused this cycle's writes for tasks whose lease this engine lost: forget them (another
     * worker or an operator has them now) and take every decision about them out of the cycle.
     */
    private void refuseStale(Cycle cycle, java.util.Set<Long> stale) {
        for (ActiveTask task : List.copyOf(cycle.touched)) {
            if (!stale.contains(task.taskId())) {
                continue;
            }
            LOG.warn("refused a late write for task {}: this worker's lease (token {}) was lost; the task is run"
                    + " elsewhere now", task.taskId(), task.claimToken);
            owned.staleWriteRefused();
            task.graph.abortEdit();
            cycle.touched.remove(task);
            cycle.finished.remove(task);
            cycle.released.remove(task);
            cycle.toDispatch.removeIf(ref -> ref.task() == task);
            cycle.answers.entrySet().removeIf(answer -> {
                if (answer.getValue() == task) {
                    answer.getKey().completeExceptionally(new LeaseLostException(task.taskId()));
                    return true;
                }
                return false;
            });
            abandon(task, new LeaseLostException(task.taskId()));
        }
    }

    /**
     * Starts the first attempts of the tasks a worker claimed from the queue for this cycle before the cycle's write,
     * which records them {@code in_progress}, commits. The claim's durable commit made this engine the tasks' only
     * runner for a whole lease, so the handler need not wait for a second commit: the claim's is then the one durable
     * commit between a task's arrival and its first handler (pickup latency, see docs/workers.md). The price, in the
     * millisecond before the write commits: if the process dies, the attempt leaves no record and runs again as
     * attempt 1 once the lease expires; if an operator takes the task, the step is not seen in progress and the
     * attempt's outcome is discarded, as is that of any attempt in flight when an operator takes its task.
     */
    private void startClaimedFromQueue(Cycle cycle) {
        List<Cycle.StepRef> early = new ArrayList<>();
        cycle.toDispatch.removeIf(ref -> cycle.claimedFromQueue.contains(ref.task()) && early.add(ref));
        if (!early.isEmpty()) {
            dispatch(early, true);
        }
    }

    /**
     * @param beforeWrite whether the cycle's write is still to commit: the handlers' sequence then shows the records
     *     it is about to commit, as it does for attempts started after the commit
     */
    private void dispatch(List<Cycle.StepRef> refs, boolean beforeWrite) {
        Map<ActiveTask, Views.Sequence> sequences = new HashMap<>();
        for (Cycle.StepRef ref : refs) {
            ActiveTask task = ref.task();
            TaskGraph graph = task.graph;
            StepRecord step = graph.step(ref.index());
            Views.Sequence sequence = sequences.computeIfAbsent(task, t -> Views.sequence(graph,
                    beforeWrite ? graph.currentSteps() : graph.committedSteps()));
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
        for (ActiveTask task : cycle.released) {
            active.remove(task.taskId(), task);
            owned.drop(task.taskId(), task.claimToken);
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
            answerWithFailure(command, cause);
        }
        dropActive(cause);
    }

    private static void answerWithFailure(Command command, Throwable cause) {
        switch (command) {
            case Command.Run run -> run.done().completeExceptionally(cause);
            case Command.Operate op -> op.done().completeExceptionally(cause);
            case Command.Abandon abandon -> abandon.released().completeExceptionally(cause);
            case Command.Finished ignored -> { }
            case Command.Drain ignored -> { }
        }
    }

    /**
     * Forgets every task in memory. Their leases stay in the database until they expire (or this engine
     * claims them again: a lease held by this worker is always claimable by it), so nothing runs twice.
     */
    private void dropActive(Throwable cause) {
        for (ActiveTask task : active.values()) {
            task.runWaiters.forEach(w -> w.completeExceptionally(cause));
            owned.drop(task.taskId(), task.claimToken);
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
            answerWithFailure(command, closed);
        }
        active.values().forEach(t -> t.runWaiters.forEach(w -> w.completeExceptionally(closed)));
    }
}
