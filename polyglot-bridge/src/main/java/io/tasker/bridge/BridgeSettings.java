package io.tasker.bridge;

import io.tasker.bridge.value.ResultLimits;

/**
 * The settings every guest language has under {@code handlers.<language>} (documented, with these defaults, in
 * {@code config/tasker-core.yaml}).
 *
 * @param maxContexts most contexts of the language alive at once; a step finding none free waits for one
 * @param resultLimits how deep and how large a handler's result may be before it is refused
 */
record BridgeSettings(int maxContexts, ResultLimits resultLimits) {
    static final int DEFAULT_MAX_CONTEXTS = 12;
    /** TruffleRuby 25.0's C extensions work in one context per process (see config/tasker-core.yaml). */
    static final int DEFAULT_MAX_RUBY_CONTEXTS = 1;
    static final int DEFAULT_MAX_RESULT_DEPTH = 64;
    static final long DEFAULT_MAX_RESULT_BYTES = 16L * 1024 * 1024;

    static BridgeSettings read(SettingsReader reader) {
        int maxContexts = (int) reader.number("max_contexts", reader.isRuby() ? DEFAULT_MAX_RUBY_CONTEXTS
                : DEFAULT_MAX_CONTEXTS, 1);
        int maxDepth = (int) reader.number("max_result_depth", DEFAULT_MAX_RESULT_DEPTH, 1);
        long maxBytes = reader.number("max_result_bytes", DEFAULT_MAX_RESULT_BYTES, 1);
        return new BridgeSettings(maxContexts, new ResultLimits(maxDepth, maxBytes));
    }
}
