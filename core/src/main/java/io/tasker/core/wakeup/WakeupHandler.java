package io.tasker.core.wakeup;

/**
 * Called on the listener's single thread for every notification. Keep it short (signal a worker, do not
 * claim here): the next notification waits for it to return.
 */
@FunctionalInterface
public interface WakeupHandler {

    /** @param payload the NOTIFY payload, empty (never null) when none was given */
    void onWakeup(String channel, String payload);
}
