package io.tasker.core.wakeup;

import java.nio.charset.StandardCharsets;

/** The channels tasker notifies on, and the rule PostgreSQL sets for a channel name. */
public final class WakeupChannels {

    /** Work may be ready: a task was created, a step was released for retry or became ready. Payload: free text. */
    public static final String WORK = "tasker_work";

    /** PostgreSQL truncates identifiers to NAMEDATALEN - 1 bytes; pg_notify refuses longer channel names. */
    private static final int MAX_BYTES = 63;

    private WakeupChannels() {
    }

    /** The channel, unchanged, if PostgreSQL accepts it both in {@code LISTEN} and in {@code pg_notify}. */
    public static String check(String channel) {
        if (channel == null || channel.isEmpty()) {
            throw new IllegalArgumentException("A wake-up channel name must not be empty");
        }
        if (channel.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES || channel.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Wake-up channel '" + channel + "' must be at most " + MAX_BYTES
                    + " bytes of UTF-8 without NUL");
        }
        return channel;
    }

    /**
     * The channel as a quoted identifier. Quoted, because {@code pg_notify('Name', ...)} takes the name as
     * written while an unquoted {@code LISTEN Name} would fold it to lower case.
     */
    static String quoted(String channel) {
        return '"' + check(channel).replace("\"", "\"\"") + '"';
    }
}
