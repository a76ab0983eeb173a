package io.tasker.bridge.guest;

import io.tasker.bridge.engine.GuestAccess;
import io.tasker.bridge.engine.GuestOutput;
import java.io.InputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.SandboxPolicy;

/**
 * The switches every guest context shares, whatever its language: host access only through exported members,
 * no host class lookup or loading, no access to other languages, no values shared between contexts, and guest
 * output to the log. Each language then writes out its own IO, thread, native, process and environment switches.
 */
final class ContextSwitches {

    private ContextSwitches() {
    }

    static Context.Builder common(String language, Engine engine) {
        return Context.newBuilder(language)
                .engine(engine)
                .sandbox(SandboxPolicy.TRUSTED)
                .allowAllAccess(false)
                .allowHostAccess(GuestAccess.HOST_ACCESS)
                .allowHostClassLookup(className -> false)
                .allowHostClassLoading(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowValueSharing(false)
                .allowInnerContextOptions(false)
                .allowExperimentalOptions(false)
                .useSystemExit(false)
                .in(InputStream.nullInputStream())
                .out(GuestOutput.stdout(language))
                .err(GuestOutput.stderr(language));
    }
}
