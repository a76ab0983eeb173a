package io.tasker.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a schema so that standard JSON Schema validation behaves like the json-schema gem's strict mode,
 * which Tasker uses: in every (sub)schema with {@code properties}, each declared property without a
 * {@code default} is required (the gem inserts defaults before it checks), and when the schema says nothing
 * about {@code additionalProperties}, undeclared properties are rejected.
 */
final class StrictSchema {
    private static final List<String> SCHEMA_MAPS = List.of("properties", "patternProperties", "definitions", "$defs",
            "dependentSchemas", "dependencies");
    private static final List<String> SCHEMAS = List.of("items", "additionalItems", "additionalProperties", "contains",
            "propertyNames", "not", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties");
    private static final List<String> SCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf", "items", "prefixItems");

    private StrictSchema() {
    }

    /** A strict copy; the given schema is not changed. */
    static JsonNode of(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        tighten(copy);
        return copy;
    }

    private static void tighten(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        if (object.get("properties") instanceof ObjectNode properties) {
            requireDeclared(object, properties);
            if (!object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
        }
        SCHEMA_MAPS.forEach(keyword -> object.path(keyword).forEach(StrictSchema::tighten));
        SCHEMAS.forEach(keyword -> tighten(object.path(keyword)));
        SCHEMA_LISTS.forEach(keyword -> {
            if (object.get(keyword) instanceof ArrayNode list) {
                list.forEach(StrictSchema::tighten);
            }
        });
    }

    private static void requireDeclared(ObjectNode schema, ObjectNode properties) {
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        properties.properties().forEach(property -> {
            if (!property.getValue().has("default")) {
                required.add(property.getKey());
            }
        });
        if (!required.isEmpty()) {
            ArrayNode list = schema.putArray("required");
            required.forEach(list::add);
        }
    }
}
