package io.tasker.bridge.guest;

import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.EnvironmentAccess;

/**
 * TruffleRuby, trusted: it cannot be confined (every {@code require} needs native access, and with native access
 * Ruby reads files, reads {@code ENV} and starts processes whatever the other switches say; interop hash
 * iteration needs threads), so Ruby handlers run with the rights of the process and are trusted code.
 *
 * <p>The contract with the shim ({@code io/tasker/bridge/ruby/}): its folder goes first on {@code $LOAD_PATH},
 * {@code require 'tasker/bridge'} loads it, {@code Tasker::Bridge.configure(handle, roots, environment)} runs once
 * per context, {@code Tasker::Bridge.handler_for(class_name, handler_config)} once per template step and
 * context, and the object it returns gets {@code call(task, sequence, step)} per attempt. The shim defines
 * {@code Tasker::StepTimeoutError}, which the bridge raises in the Ruby thread of an attempt that timed out.
 */
public record RubyGuest(Path shimFolder, List<Path> handlerRoots, String environmentName) implements Guest {
    private static final Source LOAD_SHIM = Source.create("ruby",
            "->(folder) { $LOAD_PATH.unshift(folder); require 'tasker/bridge'; Tasker::Bridge }");
    private static final Source HELPERS = Source.create("ruby", """
            [Float,
             (Tasker::PermanentError if defined?(Tasker::PermanentError)),
             ->(*items) { items.map(&:to_s) },
             ->(decimal) { decimal.to_s('F') },
             -> { Thread.current },
             ->(thread, message) { thread.raise(Tasker::StepTimeoutError, message) }]
            """);

    public RubyGuest {
        handlerRoots = handlerRoots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
    }

    @Override
    public String language() {
        return "ruby";
    }

    @Override
    public Context newContext(Engine engine) {
        return ContextSwitches.common(language(), engine)
                .allowNativeAccess(true)
                .allowCreateThread(true)
                .allowIO(IOAccess.ALL)
                .allowCreateProcess(true)
                .allowEnvironmentAccess(EnvironmentAccess.INHERIT)
                .build();
    }

    @Override
    public RubySession open(Context context) {
        Value bridge = context.eval(LOAD_SHIM).execute(shimFolder.toString());
        Value helpers = context.eval(HELPERS);
        Value strings = helpers.getArrayElement(2);
        Value roots = strings.execute(handlerRoots.stream().map(Path::toString).toArray());
        return new RubySession(bridge, roots, environmentName, helpers.getArrayElement(0), helpers.getArrayElement(1),
                helpers.getArrayElement(3), helpers.getArrayElement(4), helpers.getArrayElement(5));
    }
}
