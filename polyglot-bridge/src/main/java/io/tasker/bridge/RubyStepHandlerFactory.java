package io.tasker.bridge;

import io.tasker.bridge.guest.RubyGuest;
import io.tasker.bridge.guest.ShimFiles;
import io.tasker.bridge.handle.HostServices;
import io.tasker.bridge.ruby.http.JdkHttpClient;
import io.tasker.core.handler.HandlerEnvironment;
import io.tasker.core.handler.TaskHandlerSpec;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Engine;

/**
 * Ruby step handlers (TruffleRuby), written for the Rails engine Tasker and run unchanged through the shim. Ruby
 * handlers are trusted code: TruffleRuby cannot be sandboxed (see {@link RubyGuest}).
 */
public final class RubyStepHandlerFactory extends PolyglotStepHandlerFactory {
    /** Where the shim's {@code .rb} files and their {@code MANIFEST} are on the class path. */
    public static final String SHIM_RESOURCES = "io/tasker/bridge/ruby/";

    private static final Pattern CONSTANT_PATH = Pattern.compile("(::)?[A-Z]\\w*(::[A-Z]\\w*)*");

    private final String shimResources;

    public RubyStepHandlerFactory() {
        this(SHIM_RESOURCES);
    }

    /** A factory loading another shim laid out the same way (a folder with a MANIFEST and {@code tasker/bridge.rb}). */
    public RubyStepHandlerFactory(String shimResources) {
        this.shimResources = shimResources;
    }

    @Override
    public String language() {
        return "ruby";
    }

    @Override
    void readLanguageSettings(SettingsReader reader) {
        // Ruby's own setting, max_threads, is read with the common ones: BridgeSettings knows both shapes.
    }

    /**
     * One context for the whole process, entered by every worker thread (see {@link SharedContext}). Rails.env is the
     * engine's environment name (TASKER_ENV), never read from the process environment here.
     */
    @Override
    GuestContexts contexts(HandlerEnvironment environment, Engine engine, BridgeSettings settings, HostServices host) {
        Path shim = ShimFiles.extract(RubyStepHandlerFactory.class.getClassLoader(), shimResources, "ruby-shim");
        return new SharedContext(new RubyGuest(shim, environment.handlerRoots(), environment.environmentName()),
                engine, settings, host);
    }

    /** Tasker's rule: {@code module_namespace} and {@code task_handler_class} joined with {@code ::}, a constant path. */
    @Override
    String guestClassName(TaskHandlerSpec spec) {
        String name = spec.moduleNamespace() == null ? spec.taskHandlerClass()
                : spec.moduleNamespace() + "::" + spec.taskHandlerClass();
        return CONSTANT_PATH.matcher(name).matches() ? name : null;
    }

    /** Tasker's Api handlers send their requests through it ({@code Faraday::JdkAdapter}). */
    @Override
    JdkHttpClient httpClient() {
        return new JdkHttpClient();
    }
}
