package io.tasker.cli.worker;

import io.tasker.core.handler.PermanentError;
import io.tasker.core.handler.RetryableError;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The step handler of the worker proofs, run inside the worker processes. As its {@code handler_config} says: sleeps
 * {@code sleep_ms} (on every attempt, or with {@code first_attempt_only} on the first one only), then ends with
 * {@code outcome} ({@code complete}, {@code retryable}, {@code permanent} or {@code crash}); with {@code run_log}
 * (a folder) every completed execution appends one line {@code step_id task_id attempt pid start_ms end_ms} to
 * {@code <run_log>/<pid>.runs}, so a test can tell which process ran which step, and how often.
 */
public final class ProofHandler implements StepHandler {
    private static final long PID = ProcessHandle.current().pid();
    private static final Map<Path, FileChannel> LOGS = new ConcurrentHashMap<>();

    private final long sleepMillis;
    private final boolean firstAttemptOnly;
    private final String outcome;
    private final Path runLog;

    public ProofHandler(Map<?, ?> config) {
        this.sleepMillis = config.get("sleep_ms") instanceof Number n ? n.longValue() : 0;
        this.firstAttemptOnly = Boolean.TRUE.equals(config.get("first_attempt_only"));
        this.outcome = config.get("outcome") instanceof String s ? s : "complete";
        this.runLog = config.get("run_log") instanceof String folder ? Path.of(folder, PID + ".runs") : null;
    }

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) throws Exception {
        long start = System.currentTimeMillis();
        if (sleepMillis > 0 && (!firstAttemptOnly || step.attempts() == 1)) {
            Thread.sleep(sleepMillis);
        }
        switch (outcome) {
            case "retryable" -> throw new RetryableError("asked to fail (attempt " + step.attempts() + ")");
            case "permanent" -> throw new PermanentError("asked to fail for good");
            case "crash" -> throw new IllegalStateException("asked to crash");
            default -> {
            }
        }
        if (runLog != null) {
            record(step.workflowStepId() + " " + step.taskId() + " " + step.attempts() + " " + PID + " " + start + " "
                    + System.currentTimeMillis() + "\n");
        }
        return Map.of("ran_in", PID, "attempt", step.attempts());
    }

    private void record(String line) throws IOException {
        FileChannel log = LOGS.computeIfAbsent(runLog, ProofHandler::open);
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
            log.write(bytes);
        }
    }

    private static FileChannel open(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
