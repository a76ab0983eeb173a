/** Lifecycle events with Tasker's names, delivered after commit to isolated listeners. */
package io.tasker.core.events;
