package io.tasker.core.engine;

import io.tasker.core.config.EngineConfig.IdentityStrategy;
import io.tasker.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code identity_hash} of a new task (TASKER-COMPAT.md §5): {@code default} is random, so every
 * request is a new task; {@code hash} is the SHA-256 of the request's identifying fields with the request
 * time cut to the minute, so identical requests within a minute are one task.
 */
final class Identity {
    private Identity() {
    }

    static String of(IdentityStrategy strategy, TaskRequest request, Instant requestedAt) {
        return switch (strategy) {
            case DEFAULT -> UUID.randomUUID().toString();
            case HASH -> sha256(Json.write(identifyingFields(request, requestedAt)));
        };
    }

    private static Map<String, Object> identifyingFields(TaskRequest request, Instant requestedAt) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("namespace", request.namespace());
        fields.put("name", request.name());
        fields.put("version", request.version());
        fields.put("initiator", request.initiator());
        fields.put("source_system", request.sourceSystem());
        fields.put("context", new java.util.TreeMap<>(request.context()));
        fields.put("reason", request.reason());
        fields.put("bypass_steps", request.bypassSteps());
        fields.put("requested_at", requestedAt.truncatedTo(ChronoUnit.MINUTES).toString());
        return fields;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
