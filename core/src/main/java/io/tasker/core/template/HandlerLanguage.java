package io.tasker.core.template;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages a step handler can be written in, as named by {@code handler_language}. */
public enum HandlerLanguage {
    RUBY, PYTHON, JAVA;

    /** The value written in templates and returned by {@code StepHandlerFactory.language()}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HandlerLanguage> fromWireName(String name) {
        return Arrays.stream(values()).filter(l -> l.wireName().equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(HandlerLanguage::wireName).toList();
    }

    /**
     * The step's own {@code handler_language}, else the template's {@code default_handler_language}, else Ruby
     * for a Ruby constant path ({@code A::B}) so that unchanged Tasker templates need no new key, else Java.
     */
    public static HandlerLanguage resolve(HandlerLanguage explicit, HandlerLanguage templateDefault, String handlerClass) {
        if (explicit != null) {
            return explicit;
        }
        if (templateDefault != null) {
            return templateDefault;
        }
        return handlerClass != null && handlerClass.contains("::") ? RUBY : JAVA;
    }
}
