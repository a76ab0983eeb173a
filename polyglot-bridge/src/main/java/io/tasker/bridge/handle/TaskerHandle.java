package io.tasker.bridge.handle;

import io.tasker.bridge.ruby.http.JdkHttpClient;
import io.tasker.bridge.value.GuestViews;
import io.tasker.bridge.value.ResultConverter;
import io.tasker.bridge.value.UnconvertibleValueException;
import io.tasker.core.handler.EngineServices;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskAnnotation;
import io.tasker.core.handler.TaskView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * What guest code may ask of the engine, as {@code Tasker.handle} in Ruby and {@code tasker.handle()} in Python:
 * create a task, read a task's status, publish a custom event, log with the task's correlation id, read the
 * running step's {@code handler_config}, keep task annotations, read YAML files of the handler roots, and (Ruby)
 * send HTTP requests. The exported methods are the guests' API, hence their snake_case names.
 *
 * <p>One handle per context. It knows the attempt each thread runs in its context (Ruby's one context runs many at
 * once, one per worker thread), so events and log lines land on the task of the attempt that sent them. A thread
 * that guest code starts itself runs no attempt: its log lines carry no task id.
 */
public final class TaskerHandle {
    private final EngineServices services;
    private final HandlerFiles files;
    private final JdkHttpClient httpClient;
    private final ResultConverter converter;
    private final ThreadLocal<Running> running = new ThreadLocal<>();

    /** A handle that reads no files and sends no HTTP requests (for measuring the bridge alone). */
    public TaskerHandle(EngineServices services, ResultConverter converter) {
        this(new HostServices(services, new HandlerFiles(List.of()), null), converter);
    }

    public TaskerHandle(HostServices host, ResultConverter converter) {
        this.services = host.engine();
        this.files = host.files();
        this.httpClient = host.httpClient();
        this.converter = converter;
    }

    /** The attempt the calling thread now runs in this handle's context. */
    public void enter(TaskView runningTask, StepView runningStep) {
        running.set(runningTask == null && runningStep == null ? null : new Running(runningTask, runningStep));
    }

    /** The task of the attempt or hook the calling thread runs in this handle's context, or null. */
    public TaskView runningTask() {
        Running now = running.get();
        return now == null ? null : now.task();
    }

    public StepView runningStep() {
        Running now = running.get();
        return now == null ? null : now.step();
    }

    public void leave() {
        running.set(null);
    }

    @HostAccess.Export
    public long create_task(String namespace, String name, String version, Value context) {
        return create_task(namespace, name, version, context, null);
    }

    /** Creates a task (or finds the one the idempotency key names) and returns its id; it runs like any other. */
    @HostAccess.Export
    public long create_task(String namespace, String name, String version, Value context, String idempotencyKey) {
        return services.createTask(namespace, name, version, map(context, "context"), idempotencyKey);
    }

    @HostAccess.Export
    public String task_status(long taskId) {
        return services.taskStatus(taskId);
    }

    @HostAccess.Export
    public void publish_custom_event(String eventName) {
        publish_custom_event(eventName, null);
    }

    @HostAccess.Export
    public void publish_custom_event(String eventName, Value payload) {
        services.publishCustomEvent(running().taskId(), eventName, map(payload, "payload"));
    }

    @HostAccess.Export
    public void log(String level, String message) {
        log(level, message, null);
    }

    /** Logs with the running task's id as the correlation id (0 outside a step, e.g. while a file loads). */
    @HostAccess.Export
    public void log(String level, String message, Value fields) {
        TaskView task = runningTask();
        services.log(task == null ? 0 : task.taskId(), level, message, map(fields, "fields"));
    }

    /** The running step's {@code handler_config} (read-only), or nil/None. */
    @HostAccess.Export
    public Object handler_config() {
        StepView step = runningStep();
        return step == null ? null : GuestViews.of(step.handlerConfig());
    }

    /** The HTTP client behind the Ruby shim's Faraday connections, shared by every context. */
    @HostAccess.Export
    public JdkHttpClient http_client() {
        if (httpClient == null) {
            throw new IllegalStateException("handlers of this language get no HTTP client from the engine");
        }
        return httpClient;
    }

    /** A YAML file under a handler root, parsed, as read-only data (ConfiguredTask reads its template this way). */
    @HostAccess.Export
    public Object load_yaml(String path) {
        return GuestViews.of(files.readYaml(path));
    }

    @HostAccess.Export
    public long annotation_type_id(String name) {
        return annotation_type_id(name, null);
    }

    /** The id of the annotation type with this name, created when new. */
    @HostAccess.Export
    public long annotation_type_id(String name, String description) {
        return services.annotationTypeId(name, description);
    }

    /** Attaches a JSON document to a task under an annotation type (created when new); returns its id. */
    @HostAccess.Export
    public long create_task_annotation(long taskId, String typeName, Value annotation) {
        return services.createTaskAnnotation(taskId, typeName, map(annotation, "annotation"));
    }

    /** The task's annotations, oldest first: {@code task_annotation_id, annotation_type, annotation, created_at}. */
    @HostAccess.Export
    public Object task_annotations(long taskId) {
        List<Object> rows = services.taskAnnotations(taskId).stream().<Object>map(TaskerHandle::row).toList();
        return GuestViews.of(rows);
    }

    private static Map<String, Object> row(TaskAnnotation annotation) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("task_annotation_id", annotation.taskAnnotationId());
        row.put("task_id", annotation.taskId());
        row.put("annotation_type", annotation.annotationType());
        row.put("annotation", annotation.annotation());
        row.put("created_at", annotation.createdAt().toString());
        return row;
    }

    private TaskView running() {
        TaskView task = runningTask();
        if (task == null) {
            throw new IllegalStateException("no step is running in this context: events belong to a running step's task");
        }
        return task;
    }

    private record Running(TaskView task, StepView step) {
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Value value, String what) {
        if (value == null || value.isNull()) {
            return Map.of();
        }
        try {
            if (converter.toJava(value) instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (UnconvertibleValueException e) {
            throw new IllegalArgumentException(what + " cannot be stored as JSON " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(what + " must be a hash or dict, got " + value);
    }
}
