package io.tasker.bridge.ruby;

import io.tasker.bridge.ruby.http.JdkHttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * The engine's handle as the shim sees it (same method names and arguments as the bridge's TaskerHandle), recording
 * what guest code asked of it.
 */
public final class TestHandle {
    final List<List<Object>> createdTasks = new ArrayList<>();
    final List<List<Object>> events = new ArrayList<>();
    final List<List<Object>> logLines = new ArrayList<>();
    final List<List<Object>> annotations = new ArrayList<>();
    final List<String> annotationTypes = new ArrayList<>();
    private final JdkHttpClient http = new JdkHttpClient();
    String failEventsWith;

    public long create_task(String namespace, String name, String version, Value context, String idempotencyKey) {
        createdTasks.add(java.util.Arrays.asList(namespace, name, version, RubyValues.toJava(context), idempotencyKey));
        return 1000L + createdTasks.size();
    }

    public String task_status(long taskId) {
        return taskId > 1000 ? "pending" : "unknown";
    }

    public void publish_custom_event(String name, Value payload) {
        if (failEventsWith != null) {
            throw new IllegalArgumentException(failEventsWith);
        }
        events.add(List.of(name, RubyValues.toJava(payload)));
    }

    public void log(String level, String message, Value fields) {
        logLines.add(List.of(level, message, RubyValues.toJava(fields)));
    }

    public Object handler_config() {
        return null;
    }

    public JdkHttpClient http_client() {
        return http;
    }

    public long annotation_type_id(String name, String description) {
        if (!annotationTypes.contains(name)) {
            annotationTypes.add(name);
        }
        return annotationTypes.indexOf(name) + 1L;
    }

    public long create_task_annotation(long taskId, String annotationType, Value annotation) {
        annotations.add(List.of(taskId, annotationType, RubyValues.toJava(annotation)));
        return annotations.size();
    }

    /** Parses a YAML file in Java, as the engine does for ConfiguredTask (Ruby's psych works in one context per JVM only). */
    public Object load_yaml(String path) throws java.io.IOException {
        return GuestData.of(new org.yaml.snakeyaml.Yaml().load(java.nio.file.Files.readString(java.nio.file.Path.of(path))));
    }

    public ProxyArray task_annotations(long taskId) {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            List<Object> row = annotations.get(i);
            if (row.get(0).equals(taskId)) {
                rows.add(GuestData.of(Map.of("task_annotation_id", i + 1L, "annotation_type", row.get(1), "annotation", row.get(2))));
            }
        }
        return ProxyArray.fromList(rows);
    }
}
