/** Maintenance of the task tables: purging or archiving finished tasks by age, in batches. */
package io.tasker.core.maintenance;
