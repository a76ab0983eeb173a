package io.tasker.bridge;

import io.tasker.bridge.guest.Guest;
import io.tasker.bridge.guest.RubyGuest;
import io.tasker.bridge.guest.ShimFiles;
import io.tasker.core.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Ruby step handlers (TruffleRuby), written for the Rails engine Tasker and run unchanged through the shim. Ruby
 * handlers are trusted code: TruffleRuby cannot be sandboxed (see {@link RubyGuest}).
 */
public final class RubyStepHandlerFactory extends PolyglotStepHandlerFactory {
    /** Where the shim's {@code .rb} files and their {@code MANIFEST} are on the class path. */
    public static final String SHIM_RESOURCES = "io/tasker/bridge/ruby/";

    private final String shimResources;
    private String environmentName;

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
        String configured = reader.text("environment");
        environmentName = configured != null ? configured : ConfigLoader.environmentName(System.getenv());
    }

    @Override
    Guest guest(List<Path> handlerRoots) {
        Path shim = ShimFiles.extract(RubyStepHandlerFactory.class.getClassLoader(), shimResources, "ruby-shim");
        return new RubyGuest(shim, handlerRoots, environmentName);
    }
}
