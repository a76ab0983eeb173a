package io.tasker.bridge.guest;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;

/** A guest language as the bridge runs it: contexts built with every switch written out, prepared by its shim. */
public sealed interface Guest permits RubyGuest, PythonGuest {

    /** The {@code handler_language} this guest serves, also its polyglot language id. */
    String language();

    /** A new context on the shared engine, with this language's sandbox switches. */
    Context newContext(Engine engine);

    /** Loads the shim into a fresh context and returns what the bridge calls in it from then on. */
    GuestSession open(Context context);
}
