package io.tasker.bench.bridge;

import io.tasker.core.handler.EngineServices;
import java.util.Map;

/** The benchmarked handlers never use the handle; any use of it is a mistake of the benchmark. */
final class RefusingServices implements EngineServices {
    @Override
    public long createTask(String namespace, String name, String version, Map<String, Object> context, String key) {
        throw new UnsupportedOperationException("not in a benchmark");
    }

    @Override
    public String taskStatus(long taskId) {
        throw new UnsupportedOperationException("not in a benchmark");
    }

    @Override
    public void publishCustomEvent(long taskId, String eventName, Map<String, Object> payload) {
        throw new UnsupportedOperationException("not in a benchmark");
    }

    @Override
    public void log(long taskId, String level, String message, Map<String, Object> fields) {
        throw new UnsupportedOperationException("not in a benchmark");
    }
}
