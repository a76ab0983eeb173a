package io.tasker.bridge;

import io.tasker.bridge.guest.PythonGuest;
import io.tasker.bridge.guest.PythonSandbox;
import io.tasker.bridge.guest.ShimFiles;
import io.tasker.bridge.handle.HostServices;
import io.tasker.bridge.ruby.http.JdkHttpClient;
import io.tasker.core.handler.HandlerEnvironment;
import io.tasker.core.handler.TaskHandlerSpec;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Engine;

/**
 * Python step handlers (GraalPy): classes named {@code package.module.ClassName} under the handler roots,
 * sandboxed unless {@code handlers.python} grants more (see {@link PythonSandbox}).
 */
public final class PythonStepHandlerFactory extends PolyglotStepHandlerFactory {
    /** Where the {@code tasker} package and its {@code MANIFEST} are on the class path. */
    public static final String PACKAGE_RESOURCES = "io/tasker/bridge/python/";

    private static final Pattern DOTTED_PATH = Pattern.compile("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)+");

    private PythonSandbox sandbox = PythonSandbox.CONFINED;

    @Override
    public String language() {
        return "python";
    }

    @Override
    void readLanguageSettings(SettingsReader reader) {
        sandbox = new PythonSandbox(
                reader.flag("allow_io", false),
                reader.flag("allow_create_process", false),
                reader.flag("allow_native_access", false),
                reader.flag("allow_create_thread", false),
                reader.flag("allow_environment_access", false));
    }

    PythonSandbox sandbox() {
        return sandbox;
    }

    /** A pool of contexts, each used by one thread at a time (GraalPy runs one thread of a context at a time). */
    @Override
    GuestContexts contexts(HandlerEnvironment environment, Engine engine, BridgeSettings settings, HostServices host) {
        Path tasker = ShimFiles.extract(PythonStepHandlerFactory.class.getClassLoader(), PACKAGE_RESOURCES, "python-shim");
        return new ContextPool(new PythonGuest(tasker, environment.handlerRoots(), sandbox), engine, settings, host);
    }

    /** {@code package.module.ClassName}, with the template's {@code module_namespace} as the package when given. */
    @Override
    String guestClassName(TaskHandlerSpec spec) {
        String name = spec.moduleNamespace() == null ? spec.taskHandlerClass()
                : spec.moduleNamespace() + "." + spec.taskHandlerClass();
        return DOTTED_PATH.matcher(name).matches() ? name : null;
    }

    /** None: the host's HTTP client would be a way around the sandbox's refusal of sockets. */
    @Override
    JdkHttpClient httpClient() {
        return null;
    }
}
