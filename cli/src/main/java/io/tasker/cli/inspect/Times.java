package io.tasker.cli.inspect;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as text reports show them: UTC to the second, or a dash when there is none. */
final class Times {

    private Times() {
    }

    static String of(Instant at) {
        return at == null ? "-" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** ISO-8601 with the full precision, or null: what JSON documents carry. */
    static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
