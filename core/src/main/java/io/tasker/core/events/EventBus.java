package io.tasker.core.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to listeners on a thread of its own, after the transaction that caused them committed,
 * so that a listener that raises is only logged and a slow one never holds up the orchestrator.
 */
public final class EventBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "tasker-events");
        thread.setDaemon(true);
        return thread;
    });

    public void subscribe(EventListener listener) {
        listeners.add(listener);
    }

    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    public void publish(List<TaskerEvent> events) {
        if (events.isEmpty() || listeners.isEmpty()) {
            return;
        }
        delivery.execute(() -> events.forEach(this::deliver));
    }

    private void deliver(TaskerEvent event) {
        for (EventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("event listener {} failed on {}: {}", listener, event.name(), e.toString());
            }
        }
    }

    /** Waits for queued events to be delivered (bounded), then stops delivering. */
    @Override
    public void close() {
        delivery.shutdown();
        try {
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
