package io.tasker.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Who asked for an operation and why; stored in the metadata of the transitions it causes. */
public record Actor(String who, String why) {
    public static final Actor ENGINE = new Actor("engine", null);

    Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("actor", who);
        if (why != null) {
            metadata.put("reason", why);
        }
        return metadata;
    }
}
