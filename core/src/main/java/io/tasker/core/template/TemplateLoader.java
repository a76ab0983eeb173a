package io.tasker.core.template;

import io.tasker.core.yaml.Position;
import io.tasker.core.yaml.Problem;
import io.tasker.core.yaml.Problems;
import io.tasker.core.yaml.YamlParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads Tasker YAML task templates (TASKER-COMPAT.md §2) into validated {@link TaskTemplate}s, with the
 * {@code environments} overrides of one environment merged in. Every problem of a file is reported at once in
 * a {@link TemplateException}. Thread-safe: it holds nothing but the environment name.
 *
 * <p>Tasker requires {@code task_handler_class}; here it is optional (kept when present) because the engine
 * runs the step handlers itself and needs no task handler class, so templates written for Tasker load
 * unchanged and new ones may leave it out. Unknown top-level keys are tolerated as Tasker tolerates them;
 * unknown keys inside a step template are errors.
 */
public final class TemplateLoader {
    /** Tasker uses {@code Rails.env}; we use {@code TASKER_ENV}, and this when it is not set. */
    public static final String DEFAULT_ENVIRONMENT = "development";

    private final String environment;

    /** @param environment the key of {@code environments} whose overrides are merged, e.g. the value of {@code TASKER_ENV} */
    public TemplateLoader(String environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public String environment() {
        return environment;
    }

    /** @throws TemplateException naming every problem, including a file that cannot be read */
    public TaskTemplate load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new TemplateException(List.of(new Problem(Position.of(file.toString()), null,
                    "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", "a readable UTF-8 YAML file")));
        }
        return parse(text, file.toString(), file);
    }

    /**
     * Loads a template given as text.
     *
     * @param fileName the name used in error messages, e.g. {@code <inline>} or the name it was uploaded under
     */
    public TaskTemplate parse(String yaml, String fileName) {
        return parse(yaml, fileName, null);
    }

    private TaskTemplate parse(String yaml, String fileName, Path sourceFile) {
        Problems problems = new Problems();
        Optional<TaskTemplate> template = YamlParser.parse(yaml, fileName, problems)
                .flatMap(root -> new TemplateReader(problems, environment).read(root, sourceFile, yaml));
        if (template.isEmpty() || !problems.isEmpty()) {
            throw new TemplateException(inFileOrder(problems.list()));
        }
        return template.get();
    }

    private static List<Problem> inFileOrder(List<Problem> problems) {
        return problems.stream().sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column)).toList();
    }
}
