package io.tasker.bench.notify;

import io.tasker.core.wakeup.WakeupListener;
import java.util.List;
import java.util.function.Consumer;

/** tasker's own {@link WakeupListener}, as a worker uses it. */
final class TaskerReceiver implements Receiver {

    private final Login login;
    private WakeupListener listener;

    TaskerReceiver(Login login) {
        this.login = login;
    }

    @Override
    public void start(String channel, Consumer<String> sink) {
        listener = WakeupListener.start(login.url(), login.username(), login.password(), List.of(channel),
                (ignored, payload) -> sink.accept(payload), () -> { });
    }

    @Override
    public void close() {
        listener.close();
    }
}
