package io.tasker.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import io.tasker.core.json.Json;
import io.tasker.core.yaml.Problems;
import io.tasker.core.yaml.YamlList;
import io.tasker.core.yaml.YamlMap;
import io.tasker.core.yaml.YamlScalar;
import io.tasker.core.yaml.YamlValue;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks a template's {@code schema}: a JSON Schema object that its meta-schema accepts and that compiles. */
final class SchemaCheck {
    private static final String FIELD = "schema";

    private final Problems problems;

    SchemaCheck(Problems problems) {
        this.problems = problems;
    }

    Optional<JsonNode> read(YamlValue value) {
        if (!(value instanceof YamlMap map)) {
            problems.wrongValue(value, FIELD, "a JSON Schema object (a mapping such as {type: object, properties: ...})");
            return Optional.empty();
        }
        JsonNode schema = Json.tree(map.toPlain());
        Optional<VersionFlag> version = JsonSchemas.version(schema);
        if (version.isEmpty()) {
            problems.wrongValue(map.get("$schema").orElseThrow(), FIELD + ".$schema", "a JSON Schema draft: " + JsonSchemas.SUPPORTED_DRAFTS);
            return Optional.empty();
        }
        boolean valid = meetsMetaSchema(schema, version.get(), map) && referencesStayInside(map, FIELD);
        return valid && compiles(schema, map) ? Optional.of(schema) : Optional.empty();
    }

    /** A {@code $ref} outside the schema would be fetched from the network or the disk while loading; neither is wanted. */
    private boolean referencesStayInside(YamlValue value, String field) {
        boolean inside = true;
        if (value instanceof YamlMap map) {
            for (YamlMap.Entry entry : map.entries()) {
                String entryField = field + "." + entry.key();
                if (entry.key().equals("$ref") && entry.value() instanceof YamlScalar ref && ref.value() instanceof String target
                        && !target.startsWith("#")) {
                    problems.wrongValue(ref, entryField, "a reference inside the schema, such as \"#/definitions/order\" (other schemas are not fetched)");
                    inside = false;
                }
                inside &= referencesStayInside(entry.value(), entryField);
            }
        } else if (value instanceof YamlList list) {
            for (int i = 0; i < list.items().size(); i++) {
                inside &= referencesStayInside(list.items().get(i), field + "[" + i + "]");
            }
        }
        return inside;
    }

    /** Reports one problem per location; the branches of an {@code anyOf} in the meta-schema give several messages for one mistake. */
    private boolean meetsMetaSchema(JsonNode schema, VersionFlag version, YamlMap yaml) {
        Map<JsonNodePath, String> byLocation = JsonSchemas.againstMetaSchema(schema, version).stream()
                .sorted(Comparator.comparing(ValidationMessage::getInstanceLocation))
                .collect(Collectors.groupingBy(ValidationMessage::getInstanceLocation, LinkedHashMap::new,
                        Collectors.mapping(ValidationMessage::getError, Collectors.joining(" or "))));
        byLocation.forEach((location, errors) -> problems.add(valueAt(yaml, location).position(), field(location),
                "is not valid JSON Schema (" + JsonSchemas.nameOf(version) + "): " + errors, null));
        return byLocation.isEmpty();
    }

    private boolean compiles(JsonNode schema, YamlMap yaml) {
        try {
            JsonSchemas.compile(schema);
            return true;
        } catch (RuntimeException e) {
            problems.add(yaml.position(), FIELD, "cannot be compiled: " + rootCauseMessage(e), "a JSON Schema whose references and patterns resolve");
            return false;
        }
    }

    /** The deepest value of the YAML schema on the path, so that the line is as close as possible. */
    private static YamlValue valueAt(YamlValue root, JsonNodePath path) {
        YamlValue current = root;
        for (int i = 0; i < path.getNameCount(); i++) {
            Optional<YamlValue> next = child(current, path.getElement(i));
            if (next.isEmpty()) {
                return current;
            }
            current = next.get();
        }
        return current;
    }

    private static Optional<YamlValue> child(YamlValue value, Object element) {
        if (value instanceof YamlMap map && element instanceof String key) {
            return map.get(key);
        }
        if (value instanceof YamlList list && element instanceof Integer index && index < list.items().size()) {
            return Optional.of(list.items().get(index));
        }
        return Optional.empty();
    }

    private static String field(JsonNodePath location) {
        return FIELD + location.toString().substring(1);
    }

    private static String rootCauseMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse("");
        return message.replaceFirst("^[:\\s]+", "");
    }
}
