package io.tasker.core.template;

import java.util.List;
import java.util.stream.Collectors;

/** A task context that does not match the schema of its template; lists every violation with its JSON path. */
public final class ContextValidationException extends IllegalArgumentException {
    private final TemplateKey template;
    private final List<ContextViolation> violations;

    public ContextValidationException(TemplateKey template, List<ContextViolation> violations) {
        super("the context does not match the schema of task template " + template + ":\n"
                + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n")));
        this.template = template;
        this.violations = List.copyOf(violations);
    }

    public TemplateKey template() {
        return template;
    }

    public List<ContextViolation> violations() {
        return violations;
    }
}
