package io.tasker.bench.notify;

import io.tasker.core.database.EmbeddedPostgres;
import io.tasker.core.database.EmbeddedServer;
import java.sql.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Latency from a {@code pg_notify} committed by a second connection (auto-commit) to the listener's
 * callback, per client, on a throwaway embedded PostgreSQL. The payload carries the {@code nanoTime} read
 * just before the sender's statement, so a figure includes the sender's round trip and commit, the
 * server's delivery and the client's receive path.
 *
 * <ul>
 *   <li>{@code low}: one notification at a time, the next {@code gap} after the previous one arrived, so
 *       the listener is idle (blocked in its read) when each one comes: the wake-up of an idle worker.</li>
 *   <li>{@code high}: an open loop at {@code rate} per second, without waiting for arrivals.</li>
 * </ul>
 *
 * <p>Run: {@code java -cp 'bench/target/tasker-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*'
 * io.tasker.bench.notify.NotifyLatencyBench [low-count] [high-count] [rate] [clients] [throwaway|durable]}, defaults
 * {@code 5000 20000 5000 pgjdbc-block,pgjdbc-timeout,vertx,tasker throwaway}. {@code throwaway} is the test
 * server (no fsync, asynchronous commit), so that the figures are the delivery's and not the disk's;
 * {@code durable} starts a server as {@code tasker run} does, in a temporary folder.
 */
public final class NotifyLatencyBench {

    static final String CHANNEL = "tasker_bench";
    private static final int WARMUP = 2_000;
    private static final long LOW_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** getNotifications(timeout): the timeout of a worker that also wants to check a stop flag now and then. */
    private static final int PGJDBC_TIMEOUT_MILLIS = 100;

    private NotifyLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int lowCount = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int highCount = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        List<String> clients = List.of((args.length > 3 ? args[3] : "pgjdbc-block,pgjdbc-timeout,vertx,tasker").split(","));
        boolean durable = args.length > 4 && args[4].equals("durable");

        Path durableData = durable ? Files.createTempDirectory("tasker-bench-notify-").resolve("pgdata") : null;
        EmbeddedServer server = durable ? EmbeddedPostgres.start(durableData, true) : EmbeddedPostgres.startThrowaway();
        try {
            measure(new Login(server.jdbcUrl(), server.username(), server.password()), lowCount, highCount, rate, clients,
                    server.describe() + (durable ? ", durable commits" : ", fsync and synchronous_commit off"));
        } finally {
            if (durable) {
                EmbeddedPostgres.stop(durableData);
            }
        }
    }

    private static void measure(Login login, int lowCount, int highCount, int rate, List<String> clients, String server)
            throws Exception {
        Map<String, Supplier<Receiver>> factories = new LinkedHashMap<>();
        factories.put("pgjdbc-block", () -> new PgjdbcReceiver(login, 0));
        factories.put("pgjdbc-timeout", () -> new PgjdbcReceiver(login, PGJDBC_TIMEOUT_MILLIS));
        factories.put("vertx", () -> new VertxReceiver(login));
        factories.put("tasker", () -> new TaskerReceiver(login));

        System.out.println("# " + server + "; java " + Runtime.version() + "; " + Runtime.getRuntime().availableProcessors() + " CPUs");
        List<String> rows = new ArrayList<>();
        for (String client : clients) {
            Supplier<Receiver> factory = factories.get(client);
            if (factory == null) {
                throw new IllegalArgumentException("unknown client " + client + "; known: " + factories.keySet());
            }
            rows.add(row(client, "low (1 at a time, 2 ms apart)", run(factory, login, lowCount, 0)));
            rows.add(row(client, "high (" + rate + "/s)", run(factory, login, highCount, rate)));
        }
        System.out.println();
        System.out.println("| client | load | n | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs"
                + " | lag after commit p50 / p99 µs | sender round trip p50 / p99 µs | lost |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** {@code rate} 0 means the low mode: wait for each arrival, then pause. */
    private static Result run(Supplier<Receiver> factory, Login login, int count, int rate) throws Exception {
        try (Receiver receiver = factory.get(); Connection sender = login.connect();
             PreparedStatement notify = sender.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
            Timeline timeline = new Timeline(WARMUP + count);
            receiver.start(CHANNEL, timeline::arrived);
            send(notify, timeline, 0, WARMUP, rate);
            timeline.drainArrivals();
            send(notify, timeline, WARMUP, count, rate);
            timeline.awaitAll(TimeUnit.SECONDS.toNanos(30));
            Result result = timeline.result(WARMUP, count);
            System.err.printf("%s n=%d rate=%d: %s%n", receiver.getClass().getSimpleName(), count, rate, result);
            return result;
        }
    }

    private static void send(PreparedStatement notify, Timeline timeline, int first, int count, int rate) throws Exception {
        long start = System.nanoTime();
        long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / rate;
        for (int i = 0; i < count; i++) {
            int sequence = first + i;
            if (rate > 0) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            notify.setString(1, Integer.toString(sequence));
            timeline.sent(sequence, System.nanoTime());
            notify.executeQuery().close();
            timeline.returned(sequence, System.nanoTime());
            if (rate == 0) {
                timeline.awaitOne(TimeUnit.SECONDS.toNanos(1));
                LockSupport.parkNanos(LOW_GAP_NANOS);
            }
        }
    }

    private static String row(String client, String load, Result r) {
        return "| %s | %s | %d | %s | %s | %s | %d |".formatted(client, load, r.latency().count(), r.latency().cells(),
                r.lag().p50AndP99(), r.roundTrip().p50AndP99(), r.lost());
    }

    /**
     * @param latency from the sender's statement start to the callback
     * @param lag from the moment the sender's commit returned to the callback, 0 when the callback came first:
     *     the part of the latency that the receiving client adds
     * @param roundTrip the sender's statement (pg_notify and its commit) itself
     */
    record Result(Latencies latency, Latencies lag, Latencies roundTrip, int lost) {
        @Override
        public String toString() {
            return "latency " + latency + "; lag after commit " + lag + "; sender round trip " + roundTrip + "; lost " + lost;
        }
    }

    /** When each notification was sent, acknowledged and received, by sequence number; arrivals come from the receiver's thread. */
    private static final class Timeline {

        private final long[] sent;
        private final long[] returned;
        private final long[] arrived;
        private final AtomicInteger arrivedCount = new AtomicInteger();
        private final Semaphore arrivals = new Semaphore(0);

        Timeline(int size) {
            sent = new long[size];
            returned = new long[size];
            arrived = new long[size];
        }

        void sent(int sequence, long nanos) {
            sent[sequence] = nanos;
        }

        void returned(int sequence, long nanos) {
            returned[sequence] = nanos;
        }

        void arrived(String payload) {
            arrived[Integer.parseInt(payload)] = System.nanoTime();
            arrivedCount.incrementAndGet();
            arrivals.release();
        }

        void drainArrivals() {
            arrivals.drainPermits();
        }

        void awaitOne(long timeoutNanos) throws InterruptedException {
            arrivals.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
        }

        void awaitAll(long timeoutNanos) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutNanos;
            while (arrivedCount.get() < arrived.length && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        Result result(int from, int count) {
            long[] latency = new long[count];
            long[] lag = new long[count];
            long[] roundTrip = new long[count];
            int received = 0;
            for (int i = from; i < from + count; i++) {
                roundTrip[i - from] = returned[i] - sent[i];
                if (arrived[i] != 0) {
                    latency[received] = arrived[i] - sent[i];
                    lag[received++] = Math.max(0, arrived[i] - returned[i]);
                }
            }
            return new Result(Latencies.of(Arrays.copyOf(latency, received)), Latencies.of(Arrays.copyOf(lag, received)),
                    Latencies.of(roundTrip), count - received);
        }
    }
}
