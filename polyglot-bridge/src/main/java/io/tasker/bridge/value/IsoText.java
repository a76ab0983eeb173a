package io.tasker.bridge.value;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.graalvm.polyglot.Value;

/**
 * Guest dates and times (Ruby {@code Time}, Python {@code datetime}, {@code date}, {@code time}) as the ISO-8601
 * text Tasker stores for them: with the offset when the guest value has a zone, without when it is naive.
 */
final class IsoText {

    private IsoText() {
    }

    static boolean isTemporal(Value value) {
        return value.isInstant() || value.isDate() || value.isTime();
    }

    static String of(Value value) {
        if (value.isInstant() && value.isTimeZone()) {
            return OffsetDateTime.ofInstant(value.asInstant(), value.asTimeZone())
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        if (value.isDate() && value.isTime()) {
            return LocalDateTime.of(value.asDate(), value.asTime()).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        if (value.isDate()) {
            return value.asDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        if (value.isTime()) {
            return value.asTime().format(DateTimeFormatter.ISO_LOCAL_TIME);
        }
        return value.asInstant().toString();
    }
}
