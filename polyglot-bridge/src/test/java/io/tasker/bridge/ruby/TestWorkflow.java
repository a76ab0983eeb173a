package io.tasker.bridge.ruby;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A task and its steps as the engine shows them to a Ruby handler: proxies with the members of the contract
 * ({@code task}, {@code sequence}, {@code step}), holding each step's current results.
 */
final class TestWorkflow {
    private final Map<String, Object> task = new HashMap<>();
    private final Map<String, Map<String, Object>> steps = new LinkedHashMap<>();
    private long nextStepId = 100;

    TestWorkflow(String name, Map<String, Object> context) {
        task.put("task_id", 42L);
        task.put("name", name);
        task.put("namespace_name", "default");
        task.put("version", "0.1.0");
        task.put("context", context);
        task.put("initiator", "tester");
        task.put("source_system", "unit-test");
        task.put("reason", "testing");
        task.put("tags", List.of("ruby", "shim"));
        task.put("requested_at", "2026-03-01T10:00:00Z");
        task.put("status", "in_progress");
    }

    TestWorkflow step(String name, List<String> parents) {
        Map<String, Object> step = new HashMap<>();
        step.put("workflow_step_id", nextStepId++);
        step.put("task_id", 42L);
        step.put("name", name);
        step.put("inputs", task.get("context"));
        step.put("results", Map.of());
        step.put("attempts", 1L);
        step.put("retry_limit", 3L);
        step.put("retryable", true);
        step.put("status", "pending");
        step.put("last_attempted_at", null);
        step.put("handler_config", null);
        step.put("parent_names", parents);
        steps.put(name, step);
        return this;
    }

    TestWorkflow results(String stepName, Object results) {
        steps.get(stepName).put("results", results);
        steps.get(stepName).put("status", "complete");
        return this;
    }

    TestWorkflow attempts(String stepName, long attempts) {
        steps.get(stepName).put("attempts", attempts);
        return this;
    }

    Object resultsOf(String stepName) {
        return steps.get(stepName).get("results");
    }

    Attempt attempt(String stepName) {
        steps.get(stepName).put("status", "in_progress");
        return new Attempt(members(task), sequence(), stepProxy(steps.get(stepName)));
    }

    private ProxyObject sequence() {
        List<Object> all = new ArrayList<>();
        steps.values().forEach(step -> all.add(stepProxy(step)));
        Map<String, Object> members = new HashMap<>();
        members.put("steps", ProxyArray.fromList(all));
        members.put("find_step_by_name", (ProxyExecutable) this::find);
        return ProxyObject.fromMap(members);
    }

    private Object find(Value... arguments) {
        Map<String, Object> step = steps.get(arguments[0].asString());
        return step == null ? null : stepProxy(step);
    }

    private static ProxyObject stepProxy(Map<String, Object> step) {
        return members(step);
    }

    private static ProxyObject members(Map<String, Object> values) {
        Map<String, Object> members = new HashMap<>();
        values.forEach((key, value) -> members.put(key, GuestData.of(value)));
        return ProxyObject.fromMap(members);
    }

    record Attempt(Object task, Object sequence, Object step) {
    }
}
