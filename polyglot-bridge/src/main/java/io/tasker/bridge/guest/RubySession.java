package io.tasker.bridge.guest;

import io.tasker.bridge.handle.TaskerHandle;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Value;

/**
 * A Ruby context prepared by the shim; see {@link RubyGuest} for the contract. Several threads may use it at once:
 * Ruby's one context is entered by every worker thread.
 */
public final class RubySession implements GuestSession {
    private final Value bridge;
    private final Value handlerRoots;
    private final String environmentName;
    private final Value floatClass;
    private final Value permanentErrorClass;
    private final Value decimalText;
    private final Value currentThread;
    private final Value raiseTimeout;

    RubySession(Value bridge, Value handlerRoots, String environmentName, Value floatClass, Value permanentErrorClass,
                Value decimalText, Value currentThread, Value raiseTimeout) {
        this.bridge = bridge;
        this.handlerRoots = handlerRoots;
        this.environmentName = environmentName;
        this.floatClass = floatClass;
        this.permanentErrorClass = permanentErrorClass;
        this.decimalText = decimalText;
        this.currentThread = currentThread;
        this.raiseTimeout = raiseTimeout;
    }

    /** The Ruby {@code Thread} of the calling Java thread in this context (the same object for as long as it lives). */
    public Value currentThread() {
        return currentThread.execute();
    }

    /**
     * Raises {@code Tasker::StepTimeoutError} in a Ruby thread of this context, at its next safepoint (a loop's
     * back-edge, a call, a blocking wait), however tight its loop; the other threads run on. A thread that is not
     * inside the context now never gets it: TruffleRuby drops the request when the thread leaves.
     */
    public void raiseTimeout(Value thread, String message) {
        raiseTimeout.execute(thread, message);
    }

    @Override
    public void configure(TaskerHandle handle) {
        bridge.invokeMember("configure", handle, handlerRoots, environmentName);
    }

    @Override
    public Value handlerFor(String handlerClass, Object handlerConfig) {
        return bridge.invokeMember("handler_for", handlerClass, handlerConfig);
    }

    @Override
    public Value taskHooksFor(String className) {
        if (!bridge.canInvokeMember("task_hooks_for")) {
            return null;
        }
        Value hooks = bridge.invokeMember("task_hooks_for", className);
        return hooks.isNull() ? null : hooks;
    }

    @Override
    public Value call(Value handler, Object task, Object sequence, Object step) {
        return handler.invokeMember("call", task, sequence, step);
    }

    @Override
    public Value keysOf(Value hash) {
        // Hash#keys, not the interop hash iterator: that one runs on a fiber and costs ~150 µs a call.
        return hash.invokeMember("keys");
    }

    @Override
    public boolean isFloat(Value number) {
        return floatClass.isMetaInstance(number);
    }

    @Override
    public String textOf(Value value) {
        Value meta = value.getMetaObject();
        if (meta != null && "BigDecimal".equals(meta.getMetaQualifiedName())) {
            // ActiveSupport's JSON form of a BigDecimal: its plain digits as a string (TASKER-COMPAT.md §1.4).
            return decimalText.execute(value).asString();
        }
        if (value.canInvokeMember("iso8601")) {
            return value.invokeMember("iso8601").asString();
        }
        return null;
    }

    @Override
    public String describe(Value value) {
        Value meta = value.getMetaObject();
        return "a Ruby object of class " + (meta == null ? "unknown" : meta.getMetaQualifiedName());
    }

    @Override
    public String storableTypes() {
        return "nil, true, false, String, Symbol, Integer, Float, Array, Hash, Time, Date or BigDecimal";
    }

    @Override
    public String errorClass(Value error) {
        return error.getMetaObject().getMetaQualifiedName();
    }

    @Override
    public String message(Value error) {
        Value message = error.invokeMember("message");
        return message.isString() ? message.asString() : message.toString();
    }

    @Override
    public String backtrace(Value error) {
        Value lines = error.invokeMember("backtrace");
        if (lines.isNull() || !lines.hasArrayElements()) {
            return "";
        }
        List<String> frames = new ArrayList<>();
        for (long i = 0; i < lines.getArraySize(); i++) {
            frames.add(lines.getArrayElement(i).asString());
        }
        return String.join("\n", frames);
    }

    @Override
    public boolean isPermanent(Value error) {
        return !permanentErrorClass.isNull() && error.invokeMember("is_a?", permanentErrorClass).asBoolean();
    }

    @Override
    public Value attribute(Value error, String name) {
        return error.canInvokeMember(name) ? error.invokeMember(name) : null;
    }
}
