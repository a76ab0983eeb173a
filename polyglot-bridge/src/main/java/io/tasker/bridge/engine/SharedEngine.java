package io.tasker.bridge.engine;

import java.util.Comparator;
import java.util.List;
import org.graalvm.polyglot.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one polyglot {@link Engine} of this JVM, built on first use: every Ruby and Python context shares it, so
 * parsed sources and compiled code are shared too. It logs its implementation name once, and warns once, with
 * the remedy, when guest code can only be interpreted.
 */
public final class SharedEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SharedEngine.class);
    private static final String INTERPRETER_ONLY = "Interpreted";
    private static final List<String> GUEST_LANGUAGES = List.of("ruby", "python");

    private static Engine engine;

    private SharedEngine() {
    }

    public static synchronized Engine get() {
        if (engine == null) {
            engine = build();
            announce(engine);
        }
        return engine;
    }

    /** What {@code tasker doctor} prints about the polyglot runtime; builds the engine if nobody has yet. */
    public static PolyglotReport report() {
        Engine shared = get();
        List<PolyglotReport.Language> languages = shared.getLanguages().values().stream()
                .filter(language -> GUEST_LANGUAGES.contains(language.getId()))
                .map(language -> new PolyglotReport.Language(language.getId(), language.getName(), language.getVersion()))
                .sorted(Comparator.comparing(PolyglotReport.Language::id))
                .toList();
        return new PolyglotReport(shared.getImplementationName(), shared.getVersion(), isCompiling(shared), languages);
    }

    static boolean isCompiling(Engine engine) {
        return !INTERPRETER_ONLY.equals(engine.getImplementationName());
    }

    private static Engine build() {
        return Engine.newBuilder()
                // Truffle's own warning goes to stderr without the remedy; announce() logs one that names it.
                .option("engine.WarnInterpreterOnly", "false")
                .logHandler(new TruffleLogHandler())
                .build();
    }

    private static void announce(Engine engine) {
        LOG.info("polyglot engine: {} {} (languages: {})", engine.getImplementationName(), engine.getVersion(),
                String.join(", ", engine.getLanguages().keySet()));
        if (!isCompiling(engine)) {
            LOG.warn("Ruby and Python handlers run interpreter-only, many times slower: the Graal JIT is not active."
                    + " Start the JVM as bin/tasker does: -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI"
                    + " --upgrade-module-path=<a folder with the compiler, truffle-compiler, word and collections jars"
                    + " of the polyglot jars' version, such as cli/target/jit>");
        }
    }
}
