package io.tasker.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles JSON Schemas with networknt's validator. Tasker schemas rarely name a {@code $schema}; those
 * are read as draft 7. Remote {@code $ref}s are refused: loading a template never reaches the network.
 */
final class JsonSchemas {
    static final VersionFlag DEFAULT_VERSION = VersionFlag.V7;
    static final String SUPPORTED_DRAFTS = "draft-04, draft-06, draft-07, 2019-09 or 2020-12";
    private static final Set<String> REMOTE_SCHEMES = Set.of("http", "https", "ftp");
    private static final Map<VersionFlag, String> META_SCHEMAS = Map.of(
            VersionFlag.V4, SchemaId.V4, VersionFlag.V6, SchemaId.V6, VersionFlag.V7, SchemaId.V7,
            VersionFlag.V201909, SchemaId.V201909, VersionFlag.V202012, SchemaId.V202012);
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(DEFAULT_VERSION,
            builder -> builder.schemaLoaders(loaders -> loaders.add(JsonSchemas::refuseRemote)));

    private JsonSchemas() {
    }

    /** How people write the draft's name. */
    static String nameOf(VersionFlag version) {
        return switch (version) {
            case V4 -> "draft-04";
            case V6 -> "draft-06";
            case V7 -> "draft-07";
            case V201909 -> "2019-09";
            case V202012 -> "2020-12";
        };
    }

    /** The draft named by {@code $schema}, draft 7 when there is none, empty when it names an unknown one. */
    static Optional<VersionFlag> version(JsonNode schema) {
        if (!schema.has("$schema")) {
            return Optional.of(DEFAULT_VERSION);
        }
        return SpecVersionDetector.detectOptionalVersion(schema, false);
    }

    /**
     * Compiles a schema whose {@link #version} is known, resolving its references now rather than on the
     * first validation.
     *
     * @throws com.networknt.schema.JsonSchemaException when the schema cannot be compiled
     */
    static JsonSchema compile(JsonNode schema) {
        JsonSchema compiled = FACTORY.getSchema(schema);
        compiled.initializeValidators();
        return compiled;
    }

    static Set<ValidationMessage> againstMetaSchema(JsonNode schema, VersionFlag version) {
        return FACTORY.getSchema(SchemaLocation.of(META_SCHEMAS.get(version))).validate(schema);
    }

    private static InputStreamSource refuseRemote(AbsoluteIri iri) {
        if (!REMOTE_SCHEMES.contains(iri.getScheme())) {
            return null;
        }
        return () -> {
            throw new IOException("remote schemas are not fetched (" + iri + "); put the definitions in the schema itself");
        };
    }
}
