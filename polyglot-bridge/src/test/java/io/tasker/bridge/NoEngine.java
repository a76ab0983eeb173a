package io.tasker.bridge;

import io.tasker.core.handler.EngineServices;
import java.util.Map;

/** For handlers run without an engine: any use of the handle's engine services is an error of the test. */
final class NoEngine implements EngineServices {
    @Override
    public long createTask(String namespace, String name, String version, Map<String, Object> context, String key) {
        throw new IllegalStateException("no engine in this test");
    }

    @Override
    public String taskStatus(long taskId) {
        throw new IllegalStateException("no engine in this test");
    }

    @Override
    public void publishCustomEvent(long taskId, String eventName, Map<String, Object> payload) {
        throw new IllegalStateException("no engine in this test");
    }

    @Override
    public void log(long taskId, String level, String message, Map<String, Object> fields) {
        throw new IllegalStateException("no engine in this test");
    }
}
