package io.tasker.bench.notify;

import java.util.function.Consumer;

/** One LISTEN client under test: it calls the sink with each payload on its own thread, as soon as it can. */
interface Receiver extends AutoCloseable {

    /** Listening when this returns. */
    void start(String channel, Consumer<String> sink) throws Exception;

    @Override
    void close() throws Exception;
}
