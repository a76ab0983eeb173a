package io.tasker.core.template;

/** A lookup of a template that is not registered; the message says what is registered under that name. */
public final class TemplateNotFoundException extends RuntimeException {
    private final TemplateKey key;

    public TemplateNotFoundException(TemplateKey key, String message) {
        super(message);
        this.key = key;
    }

    public TemplateKey key() {
        return key;
    }
}
