package io.tasker.bridge;

import io.tasker.bridge.engine.SharedEngine;
import io.tasker.bridge.handle.HandlerFiles;
import io.tasker.bridge.handle.HostServices;
import io.tasker.bridge.ruby.http.JdkHttpClient;
import io.tasker.core.handler.HandlerEnvironment;
import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.handler.HandlerSpec;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepHandlerFactory;
import io.tasker.core.handler.TaskHandlerSpec;
import io.tasker.core.handler.TaskHooks;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;

/**
 * The handler factory of one guest language. Starting it only reads its settings: the polyglot engine and the
 * first context are built when the first step of the language is registered, so a Java-only deployment never
 * loads a guest language.
 */
public abstract sealed class PolyglotStepHandlerFactory implements StepHandlerFactory
        permits RubyStepHandlerFactory, PythonStepHandlerFactory {
    private final AtomicInteger handlerIds = new AtomicInteger();
    private final AtomicInteger hooksIds = new AtomicInteger();
    private HandlerEnvironment environment;
    private BridgeSettings settings;
    private GuestContexts contexts;

    @Override
    public final synchronized void start(HandlerEnvironment started) {
        SettingsReader reader = new SettingsReader(language(), settingsOf(started));
        BridgeSettings read = BridgeSettings.read(reader);
        readLanguageSettings(reader);
        reader.finish();
        this.settings = read;
        this.environment = started;
    }

    @Override
    public final synchronized StepHandler create(HandlerSpec spec) throws HandlerResolutionException {
        String where = "step '" + spec.stepName() + "' of task '" + spec.taskName() + "'";
        PolyglotStepHandler handler = new PolyglotStepHandler(handlerIds.getAndIncrement(), spec, contexts(where));
        handler.resolveNow();
        return handler;
    }

    /**
     * The hooks of the template's task handler class when it is a class of this language that overrides at least
     * one; found in one context now (and in each other context on its first use there).
     */
    @Override
    public final synchronized Optional<TaskHooks> taskHooks(TaskHandlerSpec spec) throws HandlerResolutionException {
        String className = guestClassName(spec);
        if (className == null) {
            return Optional.empty();
        }
        String where = "task handler class " + className + " of task '" + spec.taskName() + "'";
        GuestContexts hooksContexts = contexts(where);
        try {
            return PolyglotTaskHooks.find(hooksIds.getAndIncrement(), className, hooksContexts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HandlerResolutionException(where + ": interrupted while looking for it");
        } catch (PolyglotException | IllegalStateException e) {
            throw new HandlerResolutionException(where + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** How many contexts this factory built and holds: never one per step (Ruby: one; Python: one per worker at most). */
    public final synchronized PoolStatistics statistics() {
        return contexts == null ? new PoolStatistics(0, 0, settings == null ? 0 : settings.maxContexts())
                : contexts.statistics();
    }

    @Override
    public final synchronized void close() {
        if (contexts != null) {
            contexts.close();
            contexts = null;
        }
    }

    /** Reads the keys of {@code handlers.<language>} that only this language has. */
    abstract void readLanguageSettings(SettingsReader reader);

    /**
     * Where this language's guest code will run, with its shim copied out of the class path (may fail: the message
     * says why); no context is built yet.
     */
    abstract GuestContexts contexts(HandlerEnvironment environment, Engine engine, BridgeSettings settings,
                                    HostServices host);

    /** The HTTP client the handles of this language offer to guest code, or null when they offer none. */
    abstract JdkHttpClient httpClient();

    /** The class name a template's task handler class has in this language, or null when it cannot be one. */
    abstract String guestClassName(TaskHandlerSpec spec);

    private GuestContexts contexts(String where) throws HandlerResolutionException {
        if (environment == null) {
            throw new IllegalStateException("the " + language() + " handler factory was not started");
        }
        if (contexts == null) {
            try {
                HostServices host = new HostServices(environment.services(),
                        new HandlerFiles(environment.handlerRoots()), httpClient());
                contexts = contexts(environment, SharedEngine.get(), settings, host);
            } catch (RuntimeException e) {
                throw new HandlerResolutionException(where + ": the " + language() + " runtime cannot start: "
                        + e.getMessage(), e);
            }
        }
        return contexts;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> settingsOf(HandlerEnvironment started) {
        Object section = started.languageSettings().get(language());
        return section instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
