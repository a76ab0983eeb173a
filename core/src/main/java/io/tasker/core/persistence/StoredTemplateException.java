package io.tasker.core.persistence;

import io.tasker.core.template.TemplateKey;

/**
 * A template stored in {@code tasker_named_tasks} that cannot be used: stored without its YAML, or its YAML does
 * not parse (any more). The message names the template's key and where it is stored.
 */
public final class StoredTemplateException extends RuntimeException {
    private final TemplateKey key;

    public StoredTemplateException(TemplateKey key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    public TemplateKey key() {
        return key;
    }
}
