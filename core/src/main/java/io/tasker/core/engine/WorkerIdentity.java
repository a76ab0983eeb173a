package io.tasker.core.engine;

import java.util.concurrent.ThreadLocalRandom;

/** Names a worker in leases: readable by an operator (which machine, which process), unique per engine. */
final class WorkerIdentity {
    /**
     * Engines of this process that were closed. Their leases may be taken at once by another engine of the
     * process: a closed engine writes nothing any more, so waiting for its leases to expire would only delay.
     */
    private static final java.util.Set<String> RETIRED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private WorkerIdentity() {
    }

    static void retire(String workerId) {
        RETIRED.add(workerId);
    }

    static java.util.List<String> retired() {
        return java.util.List.copyOf(RETIRED);
    }

    static String create() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        String id = host + ":" + ProcessHandle.current().pid() + ":"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        return id.length() <= 128 ? id : id.substring(id.length() - 128);
    }
}
