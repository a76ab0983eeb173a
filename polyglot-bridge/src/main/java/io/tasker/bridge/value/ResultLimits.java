package io.tasker.bridge.value;

/**
 * How far the converter follows a guest value before refusing it: nesting depth, and size in bytes as its JSON
 * text would have (strings, keys and about 8 bytes per number or container).
 */
public record ResultLimits(int maxDepth, long maxBytes) {

    public ResultLimits {
        if (maxDepth < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("result limits must be positive: depth " + maxDepth + ", bytes " + maxBytes);
        }
    }
}
