/** Read-only operator queries over tasks (status of one task, listings across tasks); never on the engine's hot path. */
package io.tasker.core.query;
