package io.tasker.bridge;

/**
 * The context pool of one language at a moment.
 *
 * @param created contexts built since the factory started (a context is built once and reused for every step)
 * @param open contexts alive now
 * @param maxContexts the bound ({@code handlers.<language>.max_contexts})
 */
public record PoolStatistics(int created, int open, int maxContexts) {
}
