package io.tasker.bridge;

import io.tasker.bridge.guest.Guest;
import io.tasker.bridge.guest.RubyGuest;
import io.tasker.bridge.guest.ShimFiles;
import io.tasker.bridge.ruby.http.JdkHttpClient;
import io.tasker.core.handler.HandlerEnvironment;
import java.nio.file.Path;

/**
 * Ruby step handlers (TruffleRuby), written for the Rails engine Tasker and run unchanged through the shim. Ruby
 * handlers are trusted code: TruffleRuby cannot be sandboxed (see {@link RubyGuest}).
 */
public final class RubyStepHandlerFactory extends PolyglotStepHandlerFactory {
    /** Where the shim's {@code .rb} files and their {@code MANIFEST} are on the class path. */
    public static final String SHIM_RESOURCES = "io/tasker/bridge/ruby/";

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

    /** Tasker's Api handlers send their requests through it ({@code Faraday::JdkAdapter}). */
    @Override
    JdkHttpClient httpClient() {
        return new JdkHttpClient();
    }
}
