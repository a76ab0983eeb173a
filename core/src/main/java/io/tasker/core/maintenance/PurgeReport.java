package io.tasker.core.maintenance;

import java.time.Instant;

/**
 * What a purge did (or, for a dry run, would do).
 *
 * @param cutoff tasks whose last transition is older than this were purged
 * @param batches the transactions it took (0 for a dry run)
 */
public record PurgeReport(PurgeRequest request, Instant cutoff, int batches, PurgeCounts counts) {
}
