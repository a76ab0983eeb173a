package io.tasker.bridge.engine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What guest code prints ({@code puts}, {@code print}), logged line by line: the process's stdout belongs to the
 * command (e.g. the one JSON document of {@code tasker run --output json}), never to handlers. One instance per
 * context, so only one thread writes at a time.
 */
public final class GuestOutput extends OutputStream {
    private static final int MAX_LINE_BYTES = 8192;

    private final Logger log;
    private final boolean error;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private GuestOutput(String language, String stream, boolean error) {
        this.log = LoggerFactory.getLogger("io.tasker.bridge.guest." + language + "." + stream);
        this.error = error;
    }

    public static GuestOutput stdout(String language) {
        return new GuestOutput(language, "stdout", false);
    }

    public static GuestOutput stderr(String language) {
        return new GuestOutput(language, "stderr", true);
    }

    @Override
    public void write(int b) {
        if (b == '\n' || line.size() >= MAX_LINE_BYTES) {
            emit();
        }
        if (b != '\n') {
            line.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public void flush() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (error) {
            log.warn(text);
        } else {
            log.info(text);
        }
    }
}
