package io.tasker.core.persistence;

import io.tasker.core.template.TaskTemplate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code tasker_named_tasks.configuration} holds for a registered template: the file it came from, its YAML
 * text and the text's SHA-256. The text is the template itself, so that a process without the file (a worker, an
 * operator command) can parse it again; the hash makes a changed template under an unchanged key visible.
 */
final class TemplateConfiguration {
    static final String SOURCE_FILE = "source_file";
    static final String TEMPLATE_YAML = "template_yaml";
    static final String SHA256 = "sha256";

    private TemplateConfiguration() {
    }

    /** A template built in code has no text: only a null source file is stored, and no hash. */
    static Map<String, Object> of(TaskTemplate template) {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put(SOURCE_FILE, template.sourceFile() == null ? null : template.sourceFile().toString());
        if (template.sourceText() != null) {
            configuration.put(TEMPLATE_YAML, template.sourceText());
            configuration.put(SHA256, sha256(template.sourceText()));
        }
        return configuration;
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
