package io.tasker.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.tasker.core.json.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Validates task contexts against their template's {@code schema} (JSON Schema, draft 7 unless the schema
 * names another). Non-strict by default: declared {@code required} properties are enforced and unknown keys
 * allowed. Strict mode reproduces Tasker's json-schema gem strict mode (see {@link StrictSchema}). Each
 * schema is compiled once and reused; thread-safe.
 */
public final class ContextValidator {
    private final boolean strict;
    private final ConcurrentMap<TemplateKey, Compiled> compiled = new ConcurrentHashMap<>();

    /** The source schema is kept to notice a template replaced under the same key. */
    private record Compiled(JsonNode source, JsonSchema schema) {
    }

    /** @param strict {@code engine.strict_context_validation} */
    public ContextValidator(boolean strict) {
        this.strict = strict;
    }

    public boolean strict() {
        return strict;
    }

    /** @throws ContextValidationException listing every violation when the context does not match */
    public void validate(TaskTemplate template, Map<String, ?> context) {
        validate(template, template.schema(), context);
    }

    /**
     * Validates against {@code schema} instead of the template's own (the one a task handler's {@code schema} hook
     * returned); a null schema accepts every context. Pass the same {@code JsonNode} each time: it is compiled once.
     *
     * @throws ContextValidationException listing every violation when the context does not match
     */
    public void validate(TaskTemplate template, JsonNode schema, Map<String, ?> context) {
        List<ContextViolation> violations = violations(template.key(), schema, context);
        if (!violations.isEmpty()) {
            throw new ContextValidationException(template.key(), violations);
        }
    }

    /** Every violation, ordered by path; empty when the context matches or the template has no schema. */
    public List<ContextViolation> violations(TaskTemplate template, Map<String, ?> context) {
        return violations(template.key(), template.schema(), context);
    }

    /**
     * Compiles a schema for the template now and keeps it, so that one that cannot be compiled is reported where it
     * came from.
     *
     * @throws IllegalArgumentException when the schema cannot be compiled
     */
    public void compile(TemplateKey key, JsonNode schema) {
        schemaOf(key, schema);
    }

    private List<ContextViolation> violations(TemplateKey key, JsonNode schema, Map<String, ?> context) {
        if (schema == null) {
            return List.of();
        }
        JsonNode instance = Json.tree(context == null ? Map.of() : context);
        return schemaOf(key, schema).validate(instance).stream()
                .map(ContextValidator::violation)
                .sorted(Comparator.comparing(ContextViolation::path).thenComparing(ContextViolation::message))
                .toList();
    }

    /** Lock-free on the hot path; two threads that miss together both compile, which is harmless. */
    private JsonSchema schemaOf(TemplateKey key, JsonNode source) {
        Compiled cached = compiled.get(key);
        if (cached != null && cached.source() == source) {
            return cached.schema();
        }
        Compiled fresh = compiled(key, source);
        compiled.put(key, fresh);
        return fresh.schema();
    }

    private Compiled compiled(TemplateKey key, JsonNode source) {
        JsonNode schema = strict ? StrictSchema.of(source) : source;
        try {
            return new Compiled(source, JsonSchemas.compile(schema));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the context schema of task template " + key + " cannot be compiled: "
                    + e.getMessage(), e);
        }
    }

    private static ContextViolation violation(ValidationMessage message) {
        return switch (message.getType()) {
            case "required" -> new ContextViolation(message.getInstanceLocation().append(message.getProperty()).toString(),
                    "is missing but it is required");
            case "additionalProperties" -> new ContextViolation(message.getInstanceLocation().append(message.getProperty()).toString(),
                    "is not a property the schema declares, and it allows no others");
            default -> new ContextViolation(message.getInstanceLocation().toString(), message.getError());
        };
    }
}
