package io.tasker.bridge.ruby;

import io.tasker.bridge.guest.ShimFiles;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A real TruffleRuby context with the shim loaded and configured the way the engine does it
 * ({@code $LOAD_PATH}, {@code require 'tasker/bridge'}, {@code Tasker::Bridge.configure(handle, roots, environment)}).
 */
final class RubyShim implements AutoCloseable {
    static final Path SHIM = ShimFiles.extract(RubyShim.class.getClassLoader(), "io/tasker/bridge/ruby/", "ruby-shim-test");
    /** One engine for every context of the test JVM, as in production; TruffleRuby's native extensions (psych) need it. */
    private static final Engine ENGINE = Engine.newBuilder("ruby").option("engine.WarnInterpreterOnly", "false").build();

    final Context context;
    final Value bridge;
    final TestHandle handle;

    private RubyShim(Context context, Value bridge, TestHandle handle) {
        this.context = context;
        this.bridge = bridge;
        this.handle = handle;
    }

    static RubyShim start(List<Path> handlerRoots) {
        Context context = Context.newBuilder("ruby").engine(ENGINE).allowAllAccess(true).build();
        Value bridge = context.eval("ruby", "->(folder) { $LOAD_PATH.unshift(folder); require 'tasker/bridge'; Tasker::Bridge }")
                .execute(SHIM.toString());
        TestHandle handle = new TestHandle();
        Value roots = context.eval("ruby", "->(*roots) { roots.map(&:to_s) }")
                .execute(handlerRoots.stream().map(Path::toString).toArray());
        bridge.invokeMember("configure", handle, roots, "test");
        return new RubyShim(context, bridge, handle);
    }

    /** Evaluates Ruby and converts the result to plain Java data. */
    Object eval(String ruby) {
        return RubyValues.toJava(evalValue(ruby));
    }

    Value evalValue(String ruby) {
        return context.eval(Source.create("ruby", ruby));
    }

    Value handlerFor(String className, Object handlerConfig) {
        return bridge.invokeMember("handler_for", className, handlerConfig);
    }

    /** One attempt, as the engine runs it: the invoker's {@code call(task, sequence, step)}, its results as Java data. */
    Object call(Value invoker, TestWorkflow.Attempt attempt) {
        return RubyValues.toJava(invoker.invokeMember("call", attempt.task(), attempt.sequence(), attempt.step()));
    }

    @Override
    public void close() {
        context.close();
    }
}
