package io.tasker.bridge;

import io.tasker.bridge.value.ResultLimits;

/**
 * The settings every guest language has under {@code handlers.<language>} (documented, with these defaults, in
 * {@code config/tasker-core.yaml}).
 *
 * @param maxContexts most contexts of the language alive at once; a step finding none free waits for one (always 1
 *                    for Ruby, whose one context every worker thread enters)
 * @param maxThreads most Ruby steps running at once, {@link #UNBOUNDED} for as many as the engine runs (Python's
 *                   bound is its number of contexts)
 * @param resultLimits how deep and how large a handler's result may be before it is refused
 */
record BridgeSettings(int maxContexts, int maxThreads, ResultLimits resultLimits) {
    static final int DEFAULT_MAX_CONTEXTS = 12;
    static final int UNBOUNDED = 0;
    /**
     * Ruby steps run one at a time unless configured otherwise: TruffleRuby has no global lock, and its Hash and
     * Array are not safe to mutate from several threads at once (Psych's dispatch cache, a plain Hash filled on first
     * use, failed with internal errors when YAML was dumped on 8 threads), while code written for CRuby, such as
     * Tasker handlers and the gems they use, relies on the global lock for exactly that.
     */
    static final int DEFAULT_RUBY_MAX_THREADS = 1;
    static final int DEFAULT_MAX_RESULT_DEPTH = 64;
    static final long DEFAULT_MAX_RESULT_BYTES = 16L * 1024 * 1024;

    static BridgeSettings read(SettingsReader reader) {
        int maxContexts = 1;
        int maxThreads = UNBOUNDED;
        if (reader.isRuby()) {
            reader.removed("max_contexts", "Ruby handlers run in one context that every worker thread enters"
                    + " (TruffleRuby's C extensions work in one context per process); bound the Ruby steps running at"
                    + " once with handlers.ruby.max_threads");
            maxThreads = (int) reader.number("max_threads", DEFAULT_RUBY_MAX_THREADS, 0);
        } else {
            maxContexts = (int) reader.number("max_contexts", DEFAULT_MAX_CONTEXTS, 1);
        }
        int maxDepth = (int) reader.number("max_result_depth", DEFAULT_MAX_RESULT_DEPTH, 1);
        long maxBytes = reader.number("max_result_bytes", DEFAULT_MAX_RESULT_BYTES, 1);
        return new BridgeSettings(maxContexts, maxThreads, new ResultLimits(maxDepth, maxBytes));
    }
}
