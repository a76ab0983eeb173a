package io.tasker.core.events;

/** A subscriber to lifecycle events. It may be slow or throw: neither fails nor stalls a step. */
@FunctionalInterface
public interface EventListener {
    void onEvent(TaskerEvent event);
}
