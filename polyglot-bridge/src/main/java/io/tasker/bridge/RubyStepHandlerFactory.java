package io.tasker.bridge;

import io.tasker.bridge.guest.Guest;
import io.tasker.bridge.guest.RubyGuest;
import io.tasker.bridge.guest.ShimFiles;
import io.tasker.bridge.ruby.http.JdkHttpClient;
import io.tasker.core.handler.HandlerEnvironment;
import io.tasker.core.handler.TaskHandlerSpec;
import java.nio.file.Path;
import java.util.regex.Pattern;

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
        // Ruby has only the settings every language has.
    }

    /** Rails.env is the engine's environment name (TASKER_ENV), never read from the process environment here. */
    @Override
    Guest guest(HandlerEnvironment environment) {
        Path shim = ShimFiles.extract(RubyStepHandlerFactory.class.getClassLoader(), shimResources, "ruby-shim");
        return new RubyGuest(shim, environment.handlerRoots(), environment.environmentName());
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
