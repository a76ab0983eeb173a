package io.tasker.bridge.guest;

import io.tasker.bridge.handle.TaskerHandle;
import org.graalvm.polyglot.Value;

/** A Python context prepared by {@code tasker._bridge}; each of its functions is looked up once. */
final class PythonSession implements GuestSession {
    private final Value configure;
    private final Value handlerFor;
    private final Value taskHooksFor;
    private final Value keys;
    private final Value floatType;
    private final Value text;
    private final Value typeName;
    private final Value isPermanent;
    private final Value attribute;
    private final Value backtrace;

    PythonSession(Value bridge) {
        this.configure = bridge.getMember("configure");
        this.handlerFor = bridge.getMember("handler_for");
        this.taskHooksFor = bridge.getMember("task_hooks_for");
        this.keys = bridge.getMember("keys");
        this.floatType = bridge.getMember("float_type");
        this.text = bridge.getMember("text");
        this.typeName = bridge.getMember("type_name");
        this.isPermanent = bridge.getMember("is_permanent");
        this.attribute = bridge.getMember("attribute");
        this.backtrace = bridge.getMember("backtrace");
    }

    @Override
    public void configure(TaskerHandle handle) {
        configure.execute(handle);
    }

    @Override
    public Value handlerFor(String handlerClass, Object handlerConfig) {
        return handlerFor.execute(handlerClass, handlerConfig);
    }

    @Override
    public Value taskHooksFor(String className) {
        Value hooks = taskHooksFor.execute(className);
        return hooks.isNull() ? null : hooks;
    }

    @Override
    public Value call(Value handler, Object task, Object sequence, Object step) {
        return handler.execute(task, sequence, step);
    }

    @Override
    public Value keysOf(Value hash) {
        return keys.execute(hash);
    }

    @Override
    public boolean isFloat(Value number) {
        return floatType.isMetaInstance(number);
    }

    @Override
    public String textOf(Value value) {
        Value meta = value.getMetaObject();
        if (meta != null && "Decimal".equals(meta.getMetaSimpleName())) {
            return text.execute(value).asString();
        }
        return null;
    }

    @Override
    public String describe(Value value) {
        return "a Python object of type " + typeName.execute(value).asString();
    }

    @Override
    public String storableTypes() {
        return "None, bool, str, int, float, list, tuple, dict, datetime, date or Decimal";
    }

    @Override
    public String errorClass(Value error) {
        return typeName.execute(error).asString();
    }

    @Override
    public String message(Value error) {
        return text.execute(error).asString();
    }

    @Override
    public String backtrace(Value error) {
        return backtrace.execute(error).asString();
    }

    @Override
    public boolean isPermanent(Value error) {
        return isPermanent.execute(error).asBoolean();
    }

    @Override
    public Value attribute(Value error, String name) {
        Value value = attribute.execute(error, name);
        return value.isNull() ? null : value;
    }
}
