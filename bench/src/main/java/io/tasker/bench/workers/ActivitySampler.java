package io.tasker.bench.workers;

import io.tasker.core.database.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Samples {@code pg_stat_activity} every few milliseconds while a round runs ({@code -Dbench.waits=true}, last
 * round of each variant): for every session of the workers, whether it was idle (the worker doing something
 * else), running a statement on CPU, or waiting — on a lock, on its commit's WAL flush ({@code IO:WALSync},
 * {@code LWLock:WALWrite}), and so on. The shares say where a round's wall time goes on the database side.
 */
final class ActivitySampler implements AutoCloseable {
    private static final Sql SAMPLE = Sql.load(ActivitySampler.class, "activity_sample.sql");
    private static final long INTERVAL_MILLIS = 5;

    private final Map<String, Integer> counts = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int samples;

    ActivitySampler(DataSource ds) {
        this.thread = new Thread(() -> run(ds), "activity-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run(DataSource ds) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(SAMPLE.text())) {
            while (running) {
                try (ResultSet r = s.executeQuery()) {
                    synchronized (counts) {
                        while (r.next()) {
                            counts.merge(r.getString(1) + "  " + r.getString(2), 1, Integer::sum);
                        }
                        samples++;
                    }
                }
                Thread.sleep(INTERVAL_MILLIS);
            }
        } catch (SQLException | InterruptedException e) {
            System.out.println("    activity sampler stopped: " + e);
        }
    }

    /**
     * Stops and returns the report: per (what, statement), the mean number of sessions found doing it (0.50: one
     * session half of the time), most frequent first; idle sessions (pooled, or between statements) last.
     */
    List<String> stop() throws InterruptedException {
        running = false;
        thread.join();
        synchronized (counts) {
            java.util.ArrayList<String> lines = new java.util.ArrayList<>();
            counts.entrySet().stream()
                    .filter(e -> !e.getKey().startsWith("idle "))
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(14)
                    .forEach(e -> lines.add(String.format("%5.2f sessions  %s", (double) e.getValue() / samples, e.getKey())));
            double busy = counts.entrySet().stream().filter(e -> !e.getKey().startsWith("idle "))
                    .mapToInt(Map.Entry::getValue).sum() / (double) samples;
            double idle = counts.entrySet().stream().filter(e -> e.getKey().startsWith("idle "))
                    .mapToInt(Map.Entry::getValue).sum() / (double) samples;
            lines.add(String.format("%5.2f sessions in statements in all; %.2f idle (pooled or between statements)",
                    busy, idle));
            return lines;
        }
    }

    int samples() {
        return samples;
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
    }
}
